// One article in the Library: title, source, format and date, how much of it has been annotated, and
// while searching, where the words were found.
import { Badge, Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { IconHighlight, IconUsers } from '@tabler/icons-react'
import { memo, type MouseEvent, type ReactNode } from 'react'
import { formatLabel } from '../../shared/formats'
import type { LibraryHit, Snippet } from '../../shared/library'
import type { ArticleSummary } from '../../shared/model'
import { plural } from '../import/summarize-imports'
import { formatPublished, sourceLabel } from './article-format'
import { CountBadge } from './CountBadge'
import classes from './Library.module.css'

interface LibraryRowProps {
  article: ArticleSummary
  hit: LibraryHit
  opened: boolean
  chosen: boolean
  tabbable: boolean
  onClick: (event: MouseEvent) => void
  onFocus: () => void
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

export const LibraryRow = memo(function LibraryRow(props: LibraryRowProps) {
  const { article, hit, opened, chosen, tabbable, onClick, onFocus } = props
  const source = sourceLabel(article)
  const published = formatPublished(article.published)
  const format = formatLabel(article.originalType, article.originalName)
  return (
    <UnstyledButton
      className={classes.row}
      data-active={opened || undefined}
      data-chosen={chosen || undefined}
      aria-current={opened ? 'true' : undefined}
      aria-selected={chosen}
      tabIndex={tabbable ? 0 : -1}
      onClick={onClick}
      onFocus={onFocus}
    >
      <Text size="sm" fw={600} lineClamp={2} className={classes.title} dir="auto">
        {article.title}
      </Text>
      {hit.snippet && (
        <Text size="xs" className={classes.snippet} lineClamp={3} dir="auto" data-testid="search-snippet">
          {FIELD_LABEL[hit.snippet.field] ?? ''}
          {marked(hit.snippet)}
        </Text>
      )}
      <Group gap={6} justify="space-between" wrap="nowrap" mt={4}>
        <Group gap={6} wrap="nowrap" miw={0}>
          <Badge size="xs" variant="default" radius="sm" className={classes.format} data-testid="row-format">
            {format}
          </Badge>
          <Text size="xs" c="dimmed" truncate="end" title={source}>
            {source}
            {published ? ` · ${published}` : ''}
          </Text>
        </Group>
        <Group gap={4} wrap="nowrap" aria-hidden style={{ flexShrink: 0 }}>
          {hit.score !== undefined && hit.hits > 0 && (
            <Text size="xs" c="dimmed" data-testid="hit-count">
              {plural(hit.hits, 'hit')}
            </Text>
          )}
          <CountBadge
            count={article.highlightCount}
            icon={<IconHighlight size={11} />}
            label={plural(article.highlightCount, 'highlight')}
            color="yellow"
          />
          <CountBadge
            count={article.entityCount}
            icon={<IconUsers size={11} />}
            label={plural(article.entityCount, 'entity', 'entities')}
            color="grape"
          />
        </Group>
        <VisuallyHidden>
          {format}, {plural(article.highlightCount, 'highlight')},{' '}
          {plural(article.entityCount, 'entity', 'entities')}
        </VisuallyHidden>
      </Group>
    </UnstyledButton>
  )
})
