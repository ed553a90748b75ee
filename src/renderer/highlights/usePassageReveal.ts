// Reveals a highlight once the reader shows its article: opening a passage from All highlights asks
// for it before the article has loaded, so the request waits for that article to be on screen.
import { useCallback, useEffect, useRef } from 'react'
import { highlightSelector, revealInReader } from '../reader/reveal'

interface Pending {
  articleId: string
  highlightId: string
}

/** After the reader's marks are painted. */
function revealSoon(highlightId: string): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => revealInReader(highlightSelector(highlightId)))
  })
  return () => cancelAnimationFrame(frame)
}

export function usePassageReveal(
  shownArticleId: string | undefined,
): (articleId: string, highlightId: string) => void {
  const pending = useRef<Pending | null>(null)
  const shown = useRef(shownArticleId)

  useEffect(() => {
    shown.current = shownArticleId
    const wanted = pending.current
    if (!wanted || wanted.articleId !== shownArticleId) return
    pending.current = null
    return revealSoon(wanted.highlightId)
  }, [shownArticleId])

  return useCallback((articleId, highlightId) => {
    if (shown.current === articleId) revealSoon(highlightId)
    else pending.current = { articleId, highlightId }
  }, [])
}
