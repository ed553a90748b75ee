// The floating toolbar next to a selection in the reader: highlight it, or tag it as an entity.
import { Button, Group, Kbd, Paper } from '@mantine/core'
import { IconHighlight, IconTag } from '@tabler/icons-react'
import type { ReaderSelection } from './useReaderSelection'

interface SelectionToolbarProps {
  selection: ReaderSelection
  busy: boolean
  onHighlight: () => void
  onTag: () => void
}

const HALF_WIDTH = 120
const HEIGHT = 40
const GAP = 8

export function SelectionToolbar({ selection, busy, onHighlight, onTag }: SelectionToolbarProps) {
  const { box } = selection
  const centre = (box.left + box.right) / 2
  const left = Math.min(Math.max(HALF_WIDTH + 8, centre), window.innerWidth - HALF_WIDTH - 8)
  const above = box.top - HEIGHT - GAP
  const top = above > 64 ? above : Math.min(box.bottom + GAP, window.innerHeight - HEIGHT - 8)

  return (
    <Paper
      shadow="md"
      radius="md"
      withBorder
      p={4}
      role="toolbar"
      aria-label="Selection"
      style={{ position: 'fixed', top, left, transform: 'translateX(-50%)', zIndex: 150 }}
      // Keep the text selection alive while a button is pressed.
      onMouseDown={(event) => event.preventDefault()}
    >
      <Group gap={4} wrap="nowrap">
        <Button
          size="compact-sm"
          variant="subtle"
          color="yellow.8"
          leftSection={<IconHighlight size={16} />}
          rightSection={<Kbd size="xs">H</Kbd>}
          aria-label="Highlight (H)"
          loading={busy}
          onClick={onHighlight}
        >
          Highlight
        </Button>
        <Button
          size="compact-sm"
          variant="subtle"
          color="grape"
          leftSection={<IconTag size={16} />}
          rightSection={<Kbd size="xs">T</Kbd>}
          aria-label="Tag entity (T)"
          onClick={onTag}
        >
          Tag
        </Button>
      </Group>
    </Paper>
  )
}
