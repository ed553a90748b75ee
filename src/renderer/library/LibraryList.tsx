// The Library list with a roving focus: arrows or j/k move between rows, Enter or a click opens one.
import { Button } from '@mantine/core'
import { useRef, useState, type KeyboardEvent } from 'react'
import type { ArticleSummary } from '../../shared/model'
import { hasAnyModifier } from '../app/keyboard'
import classes from './Library.module.css'
import { LibraryRow } from './LibraryRow'

/** Rows rendered at first; a 10,000-article workspace stays quick to open and to search. */
const PAGE = 200

interface LibraryListProps {
  articles: ArticleSummary[]
  openId: string | null
  onOpen: (id: string) => void
}

const steps: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }

export function LibraryList({ articles, openId, onOpen }: LibraryListProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  /** The row that takes Tab; until the list is used, the open article's row. */
  const [focusIndex, setFocusIndex] = useState<number | null>(null)
  const [limit, setLimit] = useState(PAGE)

  const openIndex = articles.findIndex((a) => a.id === openId)
  const tabbable = Math.min(Math.max(0, focusIndex ?? openIndex), articles.length - 1)
  const shown = articles.slice(0, limit)

  function moveTo(index: number) {
    const next = Math.min(Math.max(0, index), articles.length - 1)
    setFocusIndex(next)
    if (next < limit) {
      buttons.current[next]?.focus()
      return
    }
    // The row only exists after the re-render that raises the limit.
    setLimit(next + PAGE)
    requestAnimationFrame(() => buttons.current[next]?.focus())
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (hasAnyModifier(event) || articles.length === 0) return
    const step = steps[event.key]
    const current = buttons.current.findIndex((b) => b === document.activeElement)
    const from = current >= 0 ? current : tabbable
    if (step !== undefined) moveTo(from + step)
    else if (event.key === 'Home') moveTo(0)
    else if (event.key === 'End') moveTo(articles.length - 1)
    else return
    event.preventDefault()
  }

  return (
    <>
      <ul className={classes.list} aria-label="Library" onKeyDown={onKeyDown}>
        {shown.map((article, index) => (
          <li key={article.id}>
            <LibraryRow
              article={article}
              opened={article.id === openId}
              tabbable={index === tabbable}
              buttonRef={(element) => {
                buttons.current[index] = element
              }}
              onOpen={() => onOpen(article.id)}
              onFocus={() => setFocusIndex(index)}
            />
          </li>
        ))}
      </ul>
      {articles.length > shown.length && (
        <Button variant="subtle" size="xs" fullWidth mt="xs" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, articles.length - shown.length)} more of {articles.length - shown.length}
        </Button>
      )}
    </>
  )
}
