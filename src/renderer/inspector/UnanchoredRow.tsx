// An annotation whose words are no longer found in the article's text (after it was extracted again or
// its file changed): kept with its quote, its note or entity, and a way to remove it. Never drawn.
import { Badge, CloseButton, Group, Paper, Stack, Text } from '@mantine/core'
import type { Code, Entity, Highlight, Mention } from '../../shared/model'

interface UnanchoredRowProps {
  quote: string
  label: string
  color?: string
  note?: string
  onRemove: () => void
}

function UnanchoredRow({ quote, label, color, note, onRemove }: UnanchoredRowProps) {
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      mb="xs"
      style={{ borderStyle: 'dashed', borderInlineStartColor: color }}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Badge size="xs" variant="light" color="gray" radius="sm">
            {label}
          </Badge>
          <CloseButton size="xs" aria-label={`Remove unanchored ${label.toLowerCase()}`} onClick={onRemove} />
        </Group>
        <Text size="sm" fs="italic" lineClamp={4} lh={1.45}>
          “{quote}”
        </Text>
        {note && (
          <Text size="xs" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
            {note}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

export function UnanchoredHighlight(props: {
  highlight: Highlight
  code: Code | undefined
  onRemove: () => void
}) {
  const { highlight, code, onRemove } = props
  return (
    <UnanchoredRow
      quote={highlight.target.quote.exact}
      label={code ? `Highlight · ${code.name}` : 'Highlight'}
      color={code?.color}
      note={highlight.note}
      onRemove={onRemove}
    />
  )
}

export function UnanchoredMention(props: {
  mention: Mention
  entity: Entity | undefined
  onRemove: () => void
}) {
  const { mention, entity, onRemove } = props
  return (
    <UnanchoredRow
      quote={mention.target.quote.exact}
      label={entity ? `Tag · ${entity.type}: ${entity.name}` : 'Tag'}
      onRemove={onRemove}
    />
  )
}
