// The note of one highlight: saved 600 ms after typing stops and when the field loses focus. One focus
// session folds into one undo step.
import { Textarea } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useEffect, useRef, useState } from 'react'
import type { Highlight } from '../../shared/model'

interface HighlightNoteProps {
  highlight: Highlight
  onSave: (note: string, previous: string, mergeKey: string) => Promise<boolean>
}

export function HighlightNote({ highlight, onSave }: HighlightNoteProps) {
  const [draft, setDraft] = useState(highlight.note)
  const [seen, setSeen] = useState(highlight.note)
  const [focused, setFocused] = useState(false)
  const [session, setSession] = useState(0)
  const submitted = useRef(highlight.note)

  // A note changed elsewhere (undo, redo) replaces the draft, but never while the analyst is typing.
  if (highlight.note !== seen) {
    setSeen(highlight.note)
    if (!focused) setDraft(highlight.note)
  }

  useEffect(() => {
    submitted.current = highlight.note
  }, [highlight.note])

  const save = useDebouncedCallback((value: string) => {
    if (value === submitted.current) return
    const previous = submitted.current
    submitted.current = value
    void onSave(value, previous, `note:${highlight.id}:${session}`)
  }, 600)

  return (
    <Textarea
      aria-label="Note"
      placeholder="Add a note…"
      autosize
      minRows={1}
      maxRows={10}
      size="xs"
      variant="filled"
      value={draft}
      maxLength={20_000}
      onChange={(event) => {
        setDraft(event.currentTarget.value)
        save(event.currentTarget.value)
      }}
      onFocus={() => {
        setFocused(true)
        setSession((n) => n + 1)
      }}
      onBlur={() => {
        setFocused(false)
        save.flush()
      }}
    />
  )
}
