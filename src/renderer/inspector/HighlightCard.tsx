// One highlight in the inspector: its quote (click to find it in the text), code, note and removal.
import { ActionIcon, Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core'
import { IconFilePlus, IconTrash } from '@tabler/icons-react'
import { memo } from 'react'
import type { Code, Highlight } from '../../shared/model'
import type { AnnotationActions } from '../app/useAnnotationActions'
import { useAddToBrief } from '../brief/AddToBrief'
import { formatDay } from '../library/article-format'
import { revealInReader } from '../reader/reveal'
import { CodePicker } from './CodePicker'
import { HighlightNote } from './HighlightNote'
import classes from './Inspector.module.css'

interface HighlightCardProps {
  articleId: string
  highlight: Highlight
  codes: Code[]
  code: Code | undefined
  focused: boolean
  editing: boolean
  /** Stable across renders, with the setters below, so a card re-renders only when its own data changes. */
  actions: AnnotationActions
  setFocused: (id: string | null) => void
  setEditing: (id: string | null) => void
}

export const HighlightCard = memo(function HighlightCard(props: HighlightCardProps) {
  const { articleId, highlight, codes, code, focused, editing, actions, setFocused, setEditing } = props
  const onFocus = () => setFocused(highlight.id)
  const onEditNote = (on: boolean) => setEditing(on ? highlight.id : null)
  const onCode = (codeId: string) => void actions.setHighlightCode(articleId, highlight, codeId)
  const onNote = (note: string, previous: string, mergeKey: string) =>
    actions.setHighlightNote(articleId, highlight, note, previous, mergeKey)
  const onRemove = () => void actions.removeHighlight(articleId, highlight)
  const addToBrief = useAddToBrief()
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      className={classes.card}
      data-focused={focused || undefined}
      data-highlight-card={highlight.id}
      style={{ borderInlineStartColor: code?.color ?? 'var(--mantine-color-gray-5)' }}
    >
      <Stack gap={6}>
        <UnstyledButton
          className={classes.quote}
          onClick={() => {
            onFocus()
            revealInReader({ highlightId: highlight.id })
          }}
          title="Show in the article"
        >
          <Text size="sm" lineClamp={4} fs="italic" lh={1.45}>
            “{highlight.target.quote.exact}”
          </Text>
        </UnstyledButton>
        <HighlightNote highlight={highlight} editing={editing} onEdit={onEditNote} onSave={onNote} />
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <CodePicker codes={codes} value={highlight.codeId} onChange={onCode} />
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {formatDay(highlight.createdAt)}
            </Text>
            <Tooltip label="Add to a brief (B)" withArrow openDelay={300}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label="Add to a brief"
                onClick={() => addToBrief([{ articleId, highlightId: highlight.id }])}
              >
                <IconFilePlus size={15} />
              </ActionIcon>
            </Tooltip>
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
})
