// The note of one highlight. Shown as text; an editor only while it is being edited (a click on the
// note, or Enter on it), so a long list of highlights costs no layout for idle fields. Saved 600 ms
// after typing stops and when the editor closes; one editing session folds into one undo step.
import { Textarea, UnstyledButton, Text } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useRef, useState } from 'react'
import type { Highlight } from '../../shared/model'
import classes from './Inspector.module.css'

interface HighlightNoteProps {
  highlight: Highlight
  editing: boolean
  onEdit: (editing: boolean) => void
  onSave: (note: string, previous: string, mergeKey: string) => Promise<boolean>
}

let sessions = 0

export function HighlightNote({ highlight, editing, onEdit, onSave }: HighlightNoteProps) {
  if (!editing) {
    return (
      <UnstyledButton
        className={classes.note}
        aria-label={highlight.note ? `Note: ${highlight.note}. Edit the note` : 'Add a note'}
        onClick={() => onEdit(true)}
      >
        <Text
          size="xs"
          c={highlight.note ? undefined : 'dimmed'}
          lineClamp={6}
          style={{ whiteSpace: 'pre-wrap' }}
        >
          {highlight.note || 'Add a note…'}
        </Text>
      </UnstyledButton>
    )
  }
  return <NoteEditor highlight={highlight} onDone={() => onEdit(false)} onSave={onSave} />
}

function NoteEditor({
  highlight,
  onDone,
  onSave,
}: {
  highlight: Highlight
  onDone: () => void
  onSave: HighlightNoteProps['onSave']
}) {
  const [draft, setDraft] = useState(highlight.note)
  const submitted = useRef(highlight.note)
  const session = useRef(++sessions)

  const save = useDebouncedCallback((value: string) => {
    if (value === submitted.current) return
    const previous = submitted.current
    submitted.current = value
    void onSave(value, previous, `note:${highlight.id}:${session.current}`)
  }, 600)

  return (
    <Textarea
      aria-label="Note"
      placeholder="Add a note…"
      autosize
      autoFocus
      minRows={2}
      maxRows={10}
      size="xs"
      variant="filled"
      value={draft}
      maxLength={20_000}
      onFocus={(event) => event.currentTarget.setSelectionRange(draft.length, draft.length)}
      onChange={(event) => {
        setDraft(event.currentTarget.value)
        save(event.currentTarget.value)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          event.stopPropagation()
          event.currentTarget.blur()
        }
      }}
      onBlur={() => {
        save.flush()
        onDone()
      }}
    />
  )
}
