// The rows of the review list, virtualised: an article's title, site and date with its own Select all /
// none, then each occurrence in context with its checkbox, or marked as tagged already.
import { Badge, Button, Checkbox, Group, Text } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import type { Virtualizer } from '@tanstack/react-virtual'
import { formatPublished } from '../library/article-format'
import classes from './Entities.module.css'
import type { ArticleGroup, ReviewRow } from './occurrence-review'

interface OccurrenceRowsProps {
  rows: ReviewRow[]
  virtualizer: Virtualizer<HTMLDivElement, Element>
  entityId: string
  /** Names of the other entities some occurrences are tagged as. */
  names: ReadonlyMap<string, string>
  chosen: ReadonlySet<string>
  disabled: boolean
  onToggle: (key: string, on: boolean) => void
  onArticle: (group: ArticleGroup, on: boolean) => void
}

export function OccurrenceRows(props: OccurrenceRowsProps) {
  const { rows, virtualizer, chosen } = props
  return (
    <div
      role="list"
      aria-label="Occurrences"
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index]!
        return (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            role={row.kind === 'article' ? 'heading' : 'listitem'}
            aria-level={row.kind === 'article' ? 3 : undefined}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${item.start}px)`,
            }}
          >
            {row.kind === 'article' ? (
              <ArticleHeading
                {...props}
                group={row.group}
                chosenHere={row.group.open.filter((k) => chosen.has(k)).length}
              />
            ) : (
              <OccurrenceLine {...props} row={row} />
            )}
          </div>
        )
      })}
    </div>
  )
}

function ArticleHeading({
  group,
  chosenHere,
  disabled,
  onArticle,
}: OccurrenceRowsProps & { group: ArticleGroup; chosenHere: number }) {
  const { article } = group
  const meta = [article?.siteName, article?.published && formatPublished(article.published)].filter(Boolean)
  return (
    <Group className={classes.reviewArticle} justify="space-between" wrap="nowrap" gap="sm">
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={650} truncate="end" title={article?.title}>
          {article?.title ?? 'An article no longer in the library'}
        </Text>
        <Text size="xs" c="dimmed" truncate="end">
          {[...meta, `${chosenHere} of ${group.occurrences.length} chosen`].join(' · ')}
        </Text>
      </div>
      {group.open.length > 0 && (
        <Group gap={2} wrap="nowrap">
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={disabled}
            aria-label={`Select all in ${article?.title ?? 'this article'}`}
            onClick={() => onArticle(group, true)}
          >
            All
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            disabled={disabled}
            aria-label={`Select none in ${article?.title ?? 'this article'}`}
            onClick={() => onArticle(group, false)}
          >
            None
          </Button>
        </Group>
      )}
    </Group>
  )
}

function OccurrenceLine({
  row,
  entityId,
  names,
  chosen,
  disabled,
  onToggle,
}: OccurrenceRowsProps & { row: Extract<ReviewRow, { kind: 'occurrence' }> }) {
  const { occurrence } = row
  const context = (
    <span className={classes.reviewContext}>
      {/* Isolated, so the start of a sentence clipped on the left keeps its punctuation where it is. */}
      <span className={classes.before}>
        <bdi>{occurrence.before}</bdi>
      </span>
      <span className={classes.keyword}>{occurrence.text}</span>
      <span className={classes.after}>{occurrence.after}</span>
    </span>
  )
  if (occurrence.taggedAs !== undefined) {
    const other = occurrence.taggedAs !== entityId
    return (
      <div className={classes.reviewLine} data-tagged>
        <IconCheck size={14} aria-hidden className={classes.reviewTick} />
        {context}
        <Badge
          size="xs"
          variant="light"
          color={other ? 'orange' : 'teal'}
          radius="sm"
          tt="none"
          maw="100%"
          title={other ? undefined : 'Already tagged as this entity'}
        >
          {other ? `Tagged as ${names.get(occurrence.taggedAs) ?? 'another entity'}` : 'Tagged'}
        </Badge>
      </div>
    )
  }
  return (
    <label className={classes.reviewLine}>
      <Checkbox
        size="xs"
        disabled={disabled}
        checked={chosen.has(row.key)}
        onChange={(e) => onToggle(row.key, e.currentTarget.checked)}
        aria-label={`${occurrence.before}${occurrence.text}${occurrence.after}`}
      />
      {context}
      <span />
    </label>
  )
}
