// The Library list, virtualised: only the rows in view are in the page, so 10,000 articles scroll as
// lightly as ten. A click opens an article; Ctrl/Cmd+click and Shift+click choose several, as do Space
// and Shift+↑/↓; ↑/↓ (or j/k), Home and End move, Enter opens, Delete moves the chosen to the trash.
import { memo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { LibraryHit } from '../../shared/library'
import type { ArticleSummary } from '../../shared/model'
import { hasMod } from '../app/keyboard'
import { useLatestCallback } from '../app/useLatestCallback'
import { ROW_STEPS as steps, useVirtualRows } from '../app/useVirtualRows'
import classes from './Library.module.css'
import { LibraryRow } from './LibraryRow'

interface LibraryListProps {
  rows: LibraryHit[]
  total: number
  /** The freshest row of each article, patched after every change; search answers may lag behind. */
  current: (article: ArticleSummary) => ArticleSummary
  openId: string | null
  chosen: ReadonlySet<string>
  onChoose: (ids: Set<string>) => void
  onOpen: (id: string) => void
  onRemove: (ids: string[]) => void
  onLoadMore: () => void
}

/** Rows before the end at which the next page is fetched. */
const PREFETCH = 30

/** Memoised: a key press in the search box renders the list only once the answer has come. */
export const LibraryList = memo(function LibraryList(props: LibraryListProps) {
  const { rows, total, current, openId, chosen, onChoose, onOpen, onRemove, onLoadMore } = props
  /** The row that takes Tab and the arrows; until the list is used, the open article's row. */
  const [focusIndex, setFocusIndex] = useState<number | null>(null)
  const anchor = useRef<number | null>(null)
  const openIndex = rows.findIndex((r) => r.article.id === openId)
  const focused = Math.min(Math.max(0, focusIndex ?? openIndex), Math.max(0, rows.length - 1))

  const { scroller, virtualizer, items, ...list } = useVirtualRows({
    count: rows.length,
    total,
    prefetch: PREFETCH,
    onLoadMore,
    estimateSize: (index) => (rows[index]?.snippet ? 118 : 68),
    overscan: 8,
    getItemKey: (index) => rows[index]!.article.id,
    rowSelector: (index) => `li[data-index="${index}"] > button`,
  })
  function focusRow(index: number): number {
    const next = list.focusRow(index)
    setFocusIndex(next)
    return next
  }

  const idsBetween = (a: number, b: number) =>
    rows.slice(Math.min(a, b), Math.max(a, b) + 1).map((r) => r.article.id)

  const onRowClick = useLatestCallback((event: MouseEvent, index: number) => {
    const id = rows[index]!.article.id
    setFocusIndex(index)
    if (event.shiftKey && anchor.current !== null) {
      onChoose(new Set([...chosen, ...idsBetween(anchor.current, index)]))
      return
    }
    anchor.current = index
    if (hasMod(event)) {
      const next = new Set(chosen)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      onChoose(next)
      return
    }
    onChoose(new Set())
    onOpen(id)
  })

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const row = rows[focused]
    if (!row || event.altKey) return
    const key = event.key
    if (hasMod(event) && key.toLowerCase() === 'a') {
      onChoose(new Set(rows.map((r) => r.article.id)))
    } else if (hasMod(event)) {
      return
    } else if (steps[key] !== undefined) {
      const next = focusRow(focused + steps[key]!)
      if (event.shiftKey) {
        // A run starts where the focus was, unless one is being extended.
        if (chosen.size === 0 || anchor.current === null) anchor.current = focused
        onChoose(new Set(idsBetween(anchor.current, next)))
      } else anchor.current = next
    } else if (key === 'Home') focusRow(0)
    else if (key === 'End') focusRow(rows.length - 1)
    else if (key === ' ') {
      const next = new Set(chosen)
      if (next.has(row.article.id)) next.delete(row.article.id)
      else next.add(row.article.id)
      anchor.current = focused
      onChoose(next)
    } else if (key === 'Delete' || key === 'Backspace') {
      onRemove(chosen.size > 0 ? [...chosen] : [row.article.id])
    } else if (key === 'Escape' && chosen.size > 0) onChoose(new Set())
    else return
    event.preventDefault()
  }

  return (
    <div ref={scroller} className={classes.scroller} data-testid="library-scroller">
      <ul
        className={classes.list}
        aria-label="Library"
        aria-multiselectable="true"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const hit = rows[item.index]!
          const article = current(hit.article)
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className={classes.item}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <LibraryRow
                article={article}
                hit={hit}
                opened={article.id === openId}
                chosen={chosen.has(article.id)}
                tabbable={item.index === focused}
                index={item.index}
                onClick={onRowClick}
                onFocus={setFocusIndex}
              />
            </li>
          )
        })}
      </ul>
    </div>
  )
})
