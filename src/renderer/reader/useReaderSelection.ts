// Follows the text selection inside the reader: its canonical range and where it is on screen, so the
// floating toolbar can sit next to it. Nothing is reported while the mouse is still dragging.
import { useEffect, useState, type RefObject } from 'react'
import { selectionOffsets } from './selection-offsets'
import type { TextRange } from './text-range'

export interface ReaderSelection {
  range: TextRange
  /** Viewport box of the selection. */
  box: { top: number; bottom: number; left: number; right: number }
}

function same(a: ReaderSelection | null, b: ReaderSelection | null): boolean {
  if (a === null || b === null) return a === b
  return (
    a.range.start === b.range.start &&
    a.range.end === b.range.end &&
    a.box.top === b.box.top &&
    a.box.left === b.box.left &&
    a.box.right === b.box.right
  )
}

export function useReaderSelection(
  root: RefObject<HTMLElement | null>,
  text: string | undefined,
): ReaderSelection | null {
  const [selection, setSelection] = useState<ReaderSelection | null>(null)

  useEffect(() => {
    if (text === undefined) return
    let dragging = false
    let frame = 0

    const measure = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        const current = document.getSelection()
        const range = dragging ? null : selectionOffsets(current, root.current, text)
        if (!range || !current) {
          setSelection(null)
          return
        }
        const rect = current.getRangeAt(0).getBoundingClientRect()
        const next = {
          range,
          box: { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right },
        }
        setSelection((previous) => (same(previous, next) ? previous : next))
      })
    }
    const onPointerDown = (event: PointerEvent) => {
      if (event.button === 0 && root.current?.contains(event.target as Node)) dragging = true
    }
    const onPointerUp = () => {
      if (!dragging) return
      dragging = false
      measure()
    }

    document.addEventListener('selectionchange', measure)
    document.addEventListener('pointerdown', onPointerDown, true)
    document.addEventListener('pointerup', onPointerUp, true)
    window.addEventListener('scroll', measure, true)
    window.addEventListener('resize', measure)
    measure()
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('selectionchange', measure)
      document.removeEventListener('pointerdown', onPointerDown, true)
      document.removeEventListener('pointerup', onPointerUp, true)
      window.removeEventListener('scroll', measure, true)
      window.removeEventListener('resize', measure)
    }
  }, [root, text])

  return text === undefined ? null : selection
}
