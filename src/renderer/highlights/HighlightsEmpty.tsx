// What All highlights shows when there is nothing to list: how to make a highlight, or that the
// filters leave nothing.
import { Button, EmptyState, Kbd, Text } from '@mantine/core'
import { IconFilterOff, IconHighlight } from '@tabler/icons-react'

interface HighlightsEmptyProps {
  filtered: boolean
  onClearFilters: () => void
}

export function HighlightsEmpty({ filtered, onClearFilters }: HighlightsEmptyProps) {
  if (filtered)
    return (
      <EmptyState
        mt={64}
        variant="light"
        icon={<IconFilterOff size={26} stroke={1.5} />}
        title="No highlight matches these filters"
        description="Try fewer codes, a wider date range or other words, or clear the filters to see every highlight."
      >
        <EmptyState.Actions>
          <Button variant="light" onClick={onClearFilters}>
            Clear filters
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    )
  return (
    <EmptyState
      mt={64}
      variant="light"
      icon={<IconHighlight size={26} stroke={1.5} />}
      title="No highlights yet"
      description={
        <Text size="sm" c="dimmed" component="span">
          Open an article from the library, select a passage and press <Kbd size="xs">H</Kbd> to highlight it.
          Every highlight of every article gathers here, to filter by code, source, date, entity or note, and
          to copy as a quotation with its citation.
        </Text>
      }
    />
  )
}
