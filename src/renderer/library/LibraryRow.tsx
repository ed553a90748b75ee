// One article in the Library: title, source, format and date, how much of it has been annotated, and
// while searching, where the words were found.
import { IconHighlight, IconUsers } from '@tabler/icons-react'
import { memo, type MouseEvent, type ReactNode } from 'react'
import { formatLabel } from '../../shared/formats'
import type { LibraryHit, Snippet } from '../../shared/library'
import type { ArticleSummary } from '../../shared/model'
import { plural } from '../import/summarize-imports'
import { formatPublished, sourceLabel } from './article-format'
import classes from './Library.module.css'

interface LibraryRowProps {
  article: ArticleSummary
  hit: LibraryHit
  opened: boolean
  chosen: boolean
  tabbable: boolean
  /** The row's place in the list, given back to the handlers (which stay the same across renders). */
  index: number
  onClick: (event: MouseEvent, index: number) => void
  onFocus: (index: number) => void
}

/** The snippet with its hits in <mark>. */
function marked(snippet: Snippet): ReactNode[] {
  const parts: ReactNode[] = []
  let at = 0
  for (const [start, end] of snippet.marks) {
    if (start > at) parts.push(snippet.text.slice(at, start))
    parts.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>)
    at = end
  }
  parts.push(snippet.text.slice(at))
  return parts
}

const FIELD_LABEL: Record<string, string> = {
  text: '',
  title: 'Title: ',
  byline: 'By: ',
  site: 'Source: ',
  notes: 'Note: ',
  codes: 'Code: ',
  entities: 'Entity: ',
  tags: 'Tag: ',
  cases: 'Case: ',
  trimmed: 'Trimmed text: ',
}

/**
 * A count with its icon, titled for the pointer. Plain elements: the list renders a few dozen rows at
 * each key press of a search, and Mantine's Badge and Tooltip cost most of that time.
 */
function Count({
  count,
  icon,
  label,
  tone,
}: {
  count: number
  icon: ReactNode
  label: string
  tone: string
}) {
  return (
    <span className={classes.count} data-tone={count > 0 ? tone : undefined} title={label}>
      {icon}
      {count}
    </span>
  )
}

export const LibraryRow = memo(function LibraryRow(props: LibraryRowProps) {
  const { article, hit, opened, chosen, tabbable, index, onClick, onFocus } = props
  const source = sourceLabel(article)
  const published = formatPublished(article.published)
  const format = formatLabel(article.originalType, article.originalName)
  return (
    <button
      type="button"
      className={classes.row}
      data-active={opened || undefined}
      data-chosen={chosen || undefined}
      aria-current={opened ? 'true' : undefined}
      aria-selected={chosen}
      tabIndex={tabbable ? 0 : -1}
      onClick={(event) => onClick(event, index)}
      onFocus={() => onFocus(index)}
    >
      <span className={classes.title} dir="auto">
        {article.title}
      </span>
      {hit.snippet && (
        <span className={classes.snippet} dir="auto" data-testid="search-snippet">
          {FIELD_LABEL[hit.snippet.field] ?? ''}
          {marked(hit.snippet)}
        </span>
      )}
      <span className={classes.meta}>
        <span className={classes.format} data-testid="row-format">
          {format}
        </span>
        <span className={classes.source} title={source}>
          {source}
          {published ? ` · ${published}` : ''}
        </span>
        <span className={classes.counts} aria-hidden>
          {hit.score !== undefined && hit.hits > 0 && (
            <span data-testid="hit-count">{plural(hit.hits, 'hit')}</span>
          )}
          <Count
            count={article.highlightCount}
            icon={<IconHighlight size={11} />}
            label={plural(article.highlightCount, 'highlight')}
            tone="yellow"
          />
          <Count
            count={article.entityCount}
            icon={<IconUsers size={11} />}
            label={plural(article.entityCount, 'entity', 'entities')}
            tone="grape"
          />
        </span>
        {/* A plain span, not Mantine's VisuallyHidden: a page of rows renders at every answer. */}
        <span className={classes.spoken}>
          {format}, {plural(article.highlightCount, 'highlight')},{' '}
          {plural(article.entityCount, 'entity', 'entities')}
        </span>
      </span>
    </button>
  )
})
