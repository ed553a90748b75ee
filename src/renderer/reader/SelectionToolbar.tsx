// The floating toolbar next to a selection in the reader: highlight it with the current code or with
// one of the first nine (keys 1–9), tag it as an entity, or put it in a brief.
import { Button, ColorSwatch, Divider, Group, Kbd, Paper, Tooltip, UnstyledButton } from '@mantine/core'
import { IconFilePlus, IconHighlight, IconTag } from '@tabler/icons-react'
import type { Code } from '../../shared/model'
import type { ReaderSelection } from './useReaderSelection'

interface SelectionToolbarProps {
  selection: ReaderSelection
  codes: Code[]
  /** The code H applies: the last one used. */
  pen: Code | undefined
  onHighlight: (code: Code | undefined) => void
  onTag: () => void
  onAddToBrief: () => void
}

const HALF_WIDTH = 270
const HEIGHT = 40
const GAP = 8

export function SelectionToolbar(props: SelectionToolbarProps) {
  const { selection, codes, pen, onHighlight, onTag, onAddToBrief } = props
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
          leftSection={
            pen ? <ColorSwatch color={pen.color} size={12} withShadow={false} /> : <IconHighlight size={16} />
          }
          rightSection={<Kbd size="xs">H</Kbd>}
          aria-label={pen ? `Highlight as ${pen.name} (H)` : 'Highlight (H)'}
          onClick={() => onHighlight(pen)}
        >
          {pen?.name ?? 'Highlight'}
        </Button>
        <Group gap={2} wrap="nowrap" role="group" aria-label="Codes">
          {codes.slice(0, 9).map((code, index) => (
            <Tooltip key={code.id} label={`${code.name} (${index + 1})`} withArrow openDelay={250}>
              <UnstyledButton
                aria-label={`Highlight as ${code.name} (${index + 1})`}
                onClick={() => onHighlight(code)}
                style={{ padding: 4, borderRadius: 4, lineHeight: 0 }}
              >
                <ColorSwatch color={code.color} size={14} withShadow={false} />
              </UnstyledButton>
            </Tooltip>
          ))}
        </Group>
        <Divider orientation="vertical" />
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
        <Tooltip label="Highlight and add to a brief (B)" withArrow openDelay={250}>
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconFilePlus size={16} />}
            rightSection={<Kbd size="xs">B</Kbd>}
            aria-label="Add to a brief (B)"
            onClick={onAddToBrief}
          >
            Brief
          </Button>
        </Tooltip>
      </Group>
    </Paper>
  )
}
