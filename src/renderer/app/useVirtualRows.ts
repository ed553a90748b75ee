// What the app's long lists share: a virtualiser over the rows (only those in view are in the page), the
// next page asked for as the end comes near, and moving the keyboard focus to a row that may not be
// rendered yet. The library and All highlights lists are built on it.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'

/** The keys that move the focus one row: the arrows, and j/k as in a mail reader. */
export const ROW_STEPS: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }

interface VirtualRowsOptions {
  count: number
  /** Rows the services hold in all; more are asked for within `prefetch` rows of the end. */
  total: number
  prefetch: number
  onLoadMore: () => void
  estimateSize: (index: number) => number
  overscan: number
  getItemKey: (index: number) => string
  /** The focusable element of the row at `index`, once it is rendered. */
  rowSelector: (index: number) => string
}

export function useVirtualRows(options: VirtualRowsOptions) {
  const { count, total, prefetch, onLoadMore, rowSelector } = options
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- no memoised child receives its functions
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: options.estimateSize,
    overscan: options.overscan,
    getItemKey: options.getItemKey,
  })
  const items = virtualizer.getVirtualItems()
  const last = items.at(-1)?.index ?? 0

  useEffect(() => {
    if (count < total && last >= count - prefetch) onLoadMore()
  }, [last, count, total, prefetch, onLoadMore])

  /** Scrolls to the row (kept within the list) and focuses it; returns the index it went to. */
  function focusRow(index: number): number {
    const next = Math.min(Math.max(0, index), count - 1)
    virtualizer.scrollToIndex(next, { align: 'auto' })
    // The row may only exist after the virtualiser renders it.
    const focus = (tries: number) => {
      const element = scroller.current?.querySelector<HTMLElement>(rowSelector(next))
      if (element) element.focus({ preventScroll: true })
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1))
    }
    focus(5)
    return next
  }

  return { scroller, virtualizer, items, focusRow }
}
