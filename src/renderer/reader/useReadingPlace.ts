// Keeps the reading position of every article: the offset of the first text on screen, saved in the
// workspace while scrolling and restored when the article is opened again, also after a restart.
import { useEffect, useRef } from 'react'
import { dossier } from '../api/client'
import { peekPendingReveal } from './reveal'
import type { ReaderMarks } from './useReaderMarks'

const SAVE_AFTER_MS = 700
/** The app header: text under it is not on screen. */
const HEADER_PX = 64

let places: Map<string, number> | null = null

/** The article open when the app last ran (for App to open at start), loading the places with it. */
export async function loadReadingState(): Promise<string | null> {
  const state = await dossier.reading.get()
  places = new Map(Object.entries(state.places))
  return state.openId
}

function firstOffsetOnScreen(root: HTMLElement, marks: ReaderMarks): number | null {
  const box = root.getBoundingClientRect()
  const x = box.left + Math.min(48, box.width / 3)
  for (let y = HEADER_PX + 8; y < Math.min(window.innerHeight, HEADER_PX + 240); y += 16) {
    const offset = marks.offsetAt(x, y)
    if (offset !== null) return offset
  }
  return null
}

export function useReadingPlace(
  articleId: string | null,
  root: React.RefObject<HTMLElement | null>,
  marks: ReaderMarks,
): void {
  const restoredFor = useRef<string | null>(null)

  // The open article is remembered as soon as it changes.
  useEffect(() => {
    if (places === null) return
    void dossier.reading.save({ openId: articleId }).catch(() => {})
  }, [articleId])

  // Back to where the analyst was, once the text is there (a pending reveal goes first).
  useEffect(() => {
    if (!articleId || !marks.complete || restoredFor.current === articleId) return
    restoredFor.current = articleId
    const offset = places?.get(articleId)
    if (peekPendingReveal(articleId)) return
    // Chromium's scroll methods return a promise: never hand one back to React as a cleanup.
    if (!offset) {
      window.scrollTo({ top: 0 })
      return
    }
    const element = marks.painter()?.range(offset, offset + 1)?.startContainer.parentElement
    if (!element) return
    element.scrollIntoView({ block: 'start' })
    window.scrollBy({ top: -HEADER_PX - 8 })
  }, [articleId, marks, marks.complete])

  useEffect(() => {
    if (!articleId) return
    let timer: number | undefined
    const save = () => {
      const element = root.current
      if (!element || restoredFor.current !== articleId) return
      const offset = window.scrollY < 40 ? 0 : firstOffsetOnScreen(element, marks)
      if (offset === null || places?.get(articleId) === offset) return
      places?.set(articleId, offset)
      void dossier.reading.save({ openId: articleId, articleId, offset }).catch(() => {})
    }
    const onScroll = () => {
      window.clearTimeout(timer)
      timer = window.setTimeout(save, SAVE_AFTER_MS)
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      window.clearTimeout(timer)
      window.removeEventListener('scroll', onScroll)
    }
  }, [articleId, root, marks])
}
