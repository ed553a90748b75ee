// Whether the open article shows its trimmed passages, and which ones the analyst restored while reading
// it (those keep a "Trim" action). Both start afresh with every article opened.
import { useCallback, useState } from 'react'

interface TrimmedState {
  articleId: string | undefined
  shown: boolean
  restored: ReadonlySet<number>
}

export interface TrimmedView {
  shown: boolean
  restored: ReadonlySet<number>
  toggle(): void
  show(): void
  /** Notes a block restored (true) or trimmed again (false) by the analyst. */
  noteRestored(index: number, restored: boolean): void
}

const NONE: ReadonlySet<number> = new Set()

export function useTrimmedView(articleId: string | undefined): TrimmedView {
  const [state, setState] = useState<TrimmedState>({ articleId, shown: false, restored: NONE })
  const current: TrimmedState =
    state.articleId === articleId ? state : { articleId, shown: false, restored: NONE }

  const toggle = useCallback(() => {
    setState((previous) =>
      previous.articleId === articleId
        ? { ...previous, shown: !previous.shown }
        : { articleId, shown: true, restored: NONE },
    )
  }, [articleId])

  const show = useCallback(() => {
    setState((previous) =>
      previous.articleId === articleId
        ? { ...previous, shown: true }
        : { articleId, shown: true, restored: NONE },
    )
  }, [articleId])

  const noteRestored = useCallback(
    (index: number, restored: boolean) => {
      setState((previous) => {
        const base = previous.articleId === articleId ? previous : { articleId, shown: true, restored: NONE }
        const next = new Set(base.restored)
        if (restored) next.add(index)
        else next.delete(index)
        return { ...base, restored: next }
      })
    },
    [articleId],
  )

  return { shown: current.shown, restored: current.restored, toggle, show, noteRestored }
}
