// One highlight in the inspector: its quote (click to find it in the text), colour, note and removal.
import { ActionIcon, Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import type { Highlight, HighlightColor } from '../../shared/model'
import { formatDay } from '../library/article-format'
import { highlightSwatch } from '../reader/annotation-colors'
import { highlightSelector, revealInReader } from '../reader/reveal'
import { HighlightColorPicker } from './HighlightColorPicker'
import { HighlightNote } from './HighlightNote'
import classes from './Inspector.module.css'

interface HighlightCardProps {
  highlight: Highlight
  onColor: (color: HighlightColor) => void
  onNote: (note: string, previous: string, mergeKey: string) => Promise<boolean>
  onRemove: () => void
}

export function HighlightCard({ highlight, onColor, onNote, onRemove }: HighlightCardProps) {
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      className={classes.card}
      style={{ borderLeftColor: highlightSwatch[highlight.color] }}
    >
      <Stack gap={8}>
        <UnstyledButton
          className={classes.quote}
          onClick={() => revealInReader(highlightSelector(highlight.id))}
          title="Show in the article"
        >
          <Text size="sm" lineClamp={4} fs="italic" lh={1.45}>
            “{highlight.target.quote.exact}”
          </Text>
        </UnstyledButton>
        <HighlightNote highlight={highlight} onSave={onNote} />
        <Group justify="space-between" wrap="nowrap">
          <HighlightColorPicker value={highlight.color} onChange={onColor} />
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {formatDay(highlight.createdAt)}
            </Text>
            <Tooltip label="Remove highlight" withArrow openDelay={300}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label="Remove highlight"
                onClick={onRemove}
              >
                <IconTrash size={15} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </Stack>
    </Paper>
  )
}
