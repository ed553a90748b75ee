// The brief being edited: what the analyst types changes it at once, and it is saved shortly after,
// one save at a time, so the file always holds the latest words and never an older one after a newer.
import { useEffect, useEffectEvent, useRef, useState } from 'react'
import type { Brief, BriefContent } from '../../shared/brief'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'

const SAVE_AFTER_MS = 400

/** An id for a new part of a brief, in the form the services accept. */
export function newPartId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('')
}

export function contentOf(brief: Brief): BriefContent {
  const { title, handling, author, date, bluf, judgements, sections, options } = brief
  return { title, handling, author, date, bluf, judgements, sections, options }
}

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed'

export function useBriefDraft(brief: Brief | undefined, onSaved: (brief: Brief) => void) {
  const [content, setContent] = useState<BriefContent | undefined>(() => brief && contentOf(brief))
  const [state, setState] = useState<SaveState>('saved')
  const timer = useRef<number | undefined>(undefined)
  const latest = useRef<{ id: string; content: BriefContent } | undefined>(undefined)
  const saving = useRef<Promise<void>>(Promise.resolve())

  function flush() {
    window.clearTimeout(timer.current)
    const pending = latest.current
    if (!pending) return saving.current
    latest.current = undefined
    setState('saving')
    saving.current = saving.current.then(async () => {
      try {
        const saved = await dossier.briefs.save(pending)
        if (!latest.current) setState('saved')
        onSaved(saved)
      } catch (error) {
        setState('failed')
        notifyError(error, 'The brief could not be saved')
      }
    })
    return saving.current
  }

  // What is still waiting is saved when the editor closes (it is keyed by the brief it edits).
  const flushOnClose = useEffectEvent(() => void flush())
  useEffect(() => () => flushOnClose(), [])

  function change(next: BriefContent) {
    if (!brief) return
    setContent(next)
    latest.current = { id: brief.id, content: next }
    setState('pending')
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => void flush(), SAVE_AFTER_MS)
  }

  return { content, change, state, flush }
}
