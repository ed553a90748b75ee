// The virtualised list of highlights: only the rows in view are in the page, so 50,000 scroll as
// lightly as 50. ↑/↓ (or j/k), Home and End move through the rows, Enter opens the passage, and
// Ctrl/Cmd+C copies the focused row as a quotation, Space chooses it (Shift+Space a run from the last
// one chosen) and B adds the chosen rows to a brief; more rows are fetched as the end comes near.
import { useState, type KeyboardEvent } from 'react'
import type { HighlightRow as Row } from '../../shared/highlight-search'
import type { Code, Entity } from '../../shared/model'
import { hasMod } from '../app/keyboard'
import { ROW_STEPS as steps, useVirtualRows } from '../app/useVirtualRows'
import { HighlightRow } from './HighlightRow'
import classes from './Highlights.module.css'

interface HighlightListProps {
  rows: Row[]
  total: number
  codes: Map<string, Code>
  entities: Map<string, Entity>
  onLoadMore: () => void
  onOpen: (row: Row) => void
  onCopy: (row: Row) => void
  chosen: ReadonlySet<string>
  /** Chooses or unchooses a row; with `run`, every row from the last one chosen to this one. */
  onChoose: (index: number, run: boolean) => void
  onAddToBrief: (row: Row) => void
}

/** Rows before the end at which the next page is fetched. */
const PREFETCH = 20

export function HighlightList({
  rows,
  total,
  codes,
  entities,
  onLoadMore,
  onOpen,
  onCopy,
  chosen,
  onChoose,
  onAddToBrief,
}: HighlightListProps) {
  const [active, setActive] = useState(0)
  const current = Math.min(active, Math.max(0, rows.length - 1))
  const { scroller, virtualizer, items, ...list } = useVirtualRows({
    count: rows.length,
    total,
    prefetch: PREFETCH,
    onLoadMore,
    estimateSize: () => 132,
    overscan: 6,
    getItemKey: (index) => rows[index]!.highlight.id,
    rowSelector: (index) => `[role="listitem"][data-index="${index}"]`,
  })
  const focusRow = (index: number) => setActive(list.focusRow(index))

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const row = rows[current]
    if (!row || !(event.target instanceof HTMLElement) || !event.target.matches('[role="listitem"]')) return
    if (hasMod(event) && event.key.toLowerCase() === 'c' && !event.shiftKey && !event.altKey) {
      // A selection inside a row copies as the analyst selected it.
      if (!window.getSelection()?.isCollapsed) return
      onCopy(row)
    } else if (event.ctrlKey || event.metaKey || event.altKey) {
      return
    } else if (steps[event.key] !== undefined) focusRow(current + steps[event.key]!)
    else if (event.key === 'Home') focusRow(0)
    else if (event.key === 'End') focusRow(rows.length - 1)
    else if (event.key === 'Enter') onOpen(row)
    else if (event.key === ' ') onChoose(current, event.shiftKey)
    else if (event.key.toLowerCase() === 'b' && !event.shiftKey) onAddToBrief(row)
    else return
    event.preventDefault()
  }

  return (
    <div ref={scroller} className={classes.scroller} data-testid="highlight-list">
      <div
        role="list"
        aria-label="Highlights"
        className={classes.list}
        style={{ height: virtualizer.getTotalSize() + 12 }}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const row = rows[item.index]!
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className={classes.item}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <HighlightRow
                row={row}
                index={item.index}
                code={codes.get(row.highlight.codeId)}
                entities={entities}
                active={item.index === current}
                tabbable={item.index === current}
                onFocus={() => setActive(item.index)}
                onOpen={() => onOpen(row)}
                onCopy={() => onCopy(row)}
                chosen={chosen.has(row.highlight.id)}
                onChoose={(run) => onChoose(item.index, run)}
                onAddToBrief={() => onAddToBrief(row)}
              />
            </div>
          )
        })}
      </div>
    </div>
  )
}
