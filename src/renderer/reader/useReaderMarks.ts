// Connects the open article's highlights and mentions to the mark painter: painted once the text is in
// the DOM, patched mark by mark when one changes, and found again under the pointer for clicks and
// tooltips. Also scrolls to and flashes what is asked for (reveal.ts).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import type { Article, Code, Entity } from '../../shared/model'
import { codeLayer, mentionLayer } from '../codes/code-styles'
import { useEntityTypes } from '../entities/useEntityTypes'
import { MarkPainter, type PaintMark } from './mark-painter'
import { clearPendingReveal, REVEAL_EVENT, takePendingReveal, type RevealTarget } from './reveal'

const FLASH_MS = 1400

export interface ReaderMarks {
  /** For ArticleBody: the text of a slice is in the DOM. */
  onRendered(complete: boolean): void
  /** Whether the whole text is rendered. */
  complete: boolean
  painter(): MarkPainter | null
  /** The canonical offset under a viewport point, or null off the text. */
  offsetAt(x: number, y: number): number | null
  /** Scrolls to [start, end) and flashes it; false when that text is not shown. */
  reveal(start: number, end: number): boolean
  /**
   * Paints a highlight that is being saved, at once, in its code's colour; it gives way to the saved
   * highlight over the same text when that arrives. False when one is already pending there.
   */
  showPending(start: number, end: number, layer: string): boolean
  /** Takes a pending highlight off (its save failed). */
  dropPending(start: number, end: number): void
}

const pendingId = (start: number, end: number) => `${start}:${end}`

function offsetFromPoint(painter: MarkPainter, x: number, y: number): number | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null
  }
  const position = doc.caretPositionFromPoint?.(x, y)
  if (position) return painter.offsetOf(position.offsetNode, position.offset)
  const range = document.caretRangeFromPoint?.(x, y)
  return range ? painter.offsetOf(range.startContainer, range.startOffset) : null
}

/**
 * The text shown between heights `top` and `bottom` of the viewport, to the nearest chunk of the body
 * (ArticleBody's sections, in reading order): a binary search over their boxes, where hit-testing
 * a point would cost a walk of a long article's layout on every frame of a scroll.
 */
function shownBetween(
  chunks: HTMLElement[],
  top: number,
  bottom: number,
): { from: number; to: number } | null {
  if (chunks.length === 0) return null
  const lastAbove = (y: number) => {
    let low = 0
    let high = chunks.length - 1
    let found = 0
    while (low <= high) {
      const mid = (low + high) >>> 1
      if (chunks[mid]!.getBoundingClientRect().top <= y) {
        found = mid
        low = mid + 1
      } else high = mid - 1
    }
    return chunks[found]!
  }
  return {
    from: Number(lastAbove(top).dataset.chunkStart),
    to: Number(lastAbove(bottom).dataset.chunkEnd),
  }
}

export function useReaderMarks(
  root: RefObject<HTMLElement | null>,
  article: Article | undefined,
  entities: readonly Entity[],
  codes: ReadonlyMap<string, Code>,
  /** Called when a reveal targets text that is hidden, so trimmed passages are shown. */
  onHiddenTarget: () => void,
): ReaderMarks {
  const painterRef = useRef<MarkPainter | null>(null)
  const pending = useRef(new Map<string, PaintMark>())
  const [renderedFor, setRenderedFor] = useState<{
    text: string | undefined
    complete: boolean
    tick: number
  }>({
    text: undefined,
    complete: false,
    tick: 0,
  })
  const text = article?.text

  const painter = useCallback(() => {
    if (!painterRef.current && root.current) {
      painterRef.current = new MarkPainter(root.current)
      painterRef.current.reindex()
    }
    return painterRef.current
  }, [root])

  // A new article: the old ranges point at text that is gone. A layout effect, so the painter is gone
  // before the new text reports itself rendered.
  useLayoutEffect(() => {
    const waiting = pending.current
    return () => {
      painterRef.current?.dispose()
      painterRef.current = null
      waiting.clear()
    }
  }, [article?.id])

  const chunks = useRef<HTMLElement[]>([])
  const onRendered = useCallback(
    (complete: boolean) => {
      painter()?.reindex()
      chunks.current = [...(root.current?.querySelectorAll<HTMLElement>('[data-chunk-start]') ?? [])]
      setRenderedFor((state) => ({ text, complete, tick: state.tick + 1 }))
    },
    [painter, root, text],
  )
  const ready = renderedFor.text === text && text !== undefined

  // Layout effects, so the first screen of text is painted with its marks in the same frame. Later
  // slices of text need no new call: the painter's reindex paints the marks they hold.
  useLayoutEffect(() => {
    if (!ready || !article) return
    // An unanchored highlight's position is stale: it is listed in the inspector, never drawn.
    const marks: PaintMark[] = article.highlights
      .filter((h) => !h.unanchored)
      .map((h) => ({
        id: h.id,
        start: h.target.position.start,
        end: h.target.position.end,
        layer: codes.has(h.codeId) ? codeLayer(h.codeId) : 'code-unknown',
      }))
    const p = painter()
    p?.set('highlights', marks, { windowed: true })
    // A pending highlight is replaced by the saved one in the same frame, so the mark never blinks.
    if (pending.current.size > 0) {
      for (const mark of marks) pending.current.delete(pendingId(mark.start, mark.end))
      p?.set('pending', [...pending.current.values()])
    }
  }, [ready, article, article?.highlights, codes, painter])

  const entityTypes = useEntityTypes()
  useLayoutEffect(() => {
    if (!ready || !article) return
    const byId = new Map(entities.map((e) => [e.id, e]))
    const marks: PaintMark[] = article.mentions
      .filter((m) => m.status !== 'rejected' && !m.unanchored)
      .map((m) => ({
        id: m.id,
        start: m.target.position.start,
        end: m.target.position.end,
        layer: mentionLayer(
          m.entityId === undefined ? m.proposed && { type: m.proposed.type } : byId.get(m.entityId),
          entityTypes,
          m.status === 'suggested',
        ),
      }))
    painter()?.set('mentions', marks, { windowed: true })
  }, [ready, article, article?.mentions, entities, entityTypes, painter])

  // Only the marks around the screen are registered (see mark-painter.ts): the window follows the view.
  useEffect(() => {
    if (!ready) return
    let frame = 0
    const update = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        const p = painter()
        const element = root.current
        if (!p || !element) return
        const shown = shownBetween(chunks.current, 0, window.innerHeight)
        if (!shown) return
        const { from } = shown
        const to = Math.max(shown.to, from)
        const reach = Math.max(20_000, (to - from) * 3)
        // The window moves only when the view comes within half its reach of an edge: every move
        // re-registers ranges, which makes Chromium revalidate all of them.
        if (p.covers(Math.max(0, from - reach / 2), to + reach / 2)) return
        p.setWindow(Math.max(0, from - reach), to + reach)
      })
    }
    update()
    window.addEventListener('scroll', update, { passive: true })
    window.addEventListener('resize', update)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', update)
      window.removeEventListener('resize', update)
    }
  }, [ready, painter, root, renderedFor.tick])

  const flashTimer = useRef<number | undefined>(undefined)
  const reveal = useCallback(
    (start: number, end: number) => {
      const range = painter()?.range(start, end)
      if (!range) return false
      const element = range.startContainer.parentElement
      const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches
      element?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' })
      painter()?.set('flash', [{ id: 'flash', start, end, layer: 'flash' }])
      window.clearTimeout(flashTimer.current)
      flashTimer.current = window.setTimeout(() => painter()?.set('flash', []), FLASH_MS)
      return true
    },
    [painter],
  )

  // Reveal requests: now if the text is rendered, else once it is; hidden text is shown first.
  const target = useRef<RevealTarget | null>(null)
  const revealTarget = useCallback(
    (wanted: RevealTarget): boolean => {
      if (!article) return false
      let range: { start: number; end: number } | undefined
      if ('highlightId' in wanted)
        range = article.highlights.find((h) => h.id === wanted.highlightId)?.target.position
      else if ('mentionId' in wanted)
        range = article.mentions.find((m) => m.id === wanted.mentionId)?.target.position
      else range = wanted
      if (!range) return true
      if (reveal(range.start, range.end)) return true
      onHiddenTarget()
      return false
    },
    [article, reveal, onHiddenTarget],
  )

  useEffect(() => {
    const listener = (event: Event) => {
      if (!ready) return
      // This article takes the request; it waits here until the text is rendered or shown.
      clearPendingReveal()
      target.current = (event as CustomEvent<RevealTarget>).detail
      if (renderedFor.complete && revealTarget(target.current)) target.current = null
    }
    window.addEventListener(REVEAL_EVENT, listener)
    return () => window.removeEventListener(REVEAL_EVENT, listener)
  }, [ready, renderedFor.complete, revealTarget])

  useEffect(() => {
    if (!ready || !renderedFor.complete || !article) return
    const wanted = takePendingReveal(article.id) ?? target.current
    if (wanted && revealTarget(wanted)) target.current = null
    else if (wanted) target.current = wanted
  }, [ready, renderedFor.complete, renderedFor.tick, article, revealTarget])

  const offsetAt = useCallback(
    (x: number, y: number) => {
      const p = painter()
      return p ? offsetFromPoint(p, x, y) : null
    },
    [painter],
  )

  const showPending = useCallback(
    (start: number, end: number, layer: string) => {
      const id = pendingId(start, end)
      if (pending.current.has(id)) return false
      pending.current.set(id, { id, start, end, layer })
      painter()?.set('pending', [...pending.current.values()])
      return true
    },
    [painter],
  )
  const dropPending = useCallback(
    (start: number, end: number) => {
      if (!pending.current.delete(pendingId(start, end))) return
      painter()?.set('pending', [...pending.current.values()])
    },
    [painter],
  )

  const complete = ready && renderedFor.complete
  return useMemo(
    () => ({ onRendered, complete, painter, offsetAt, reveal, showPending, dropPending }),
    [onRendered, complete, painter, offsetAt, reveal, showPending, dropPending],
  )
}
