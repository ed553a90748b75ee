// One article in the Library: title, source and date, and how much of it has been annotated.
import { Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { IconHighlight, IconUsers } from '@tabler/icons-react'
import type { Ref } from 'react'
import type { ArticleSummary } from '../../shared/model'
import { plural } from '../import/summarize-imports'
import { formatPublished, sourceLabel } from './article-format'
import { CountBadge } from './CountBadge'
import classes from './Library.module.css'

interface LibraryRowProps {
  article: ArticleSummary
  opened: boolean
  tabbable: boolean
  buttonRef: Ref<HTMLButtonElement>
  onOpen: () => void
  onFocus: () => void
}

export function LibraryRow({ article, opened, tabbable, buttonRef, onOpen, onFocus }: LibraryRowProps) {
  const source = sourceLabel(article)
  const published = formatPublished(article.published)
  return (
    <UnstyledButton
      ref={buttonRef}
      className={classes.row}
      data-active={opened || undefined}
      aria-current={opened ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      onClick={onOpen}
      onFocus={onFocus}
    >
      <Text size="sm" fw={600} lineClamp={2} className={classes.title} dir="auto">
        {article.title}
      </Text>
      <Group gap={6} justify="space-between" wrap="nowrap" mt={4}>
        <Text size="xs" c="dimmed" truncate="end" title={source}>
          {source}
          {published ? ` · ${published}` : ''}
        </Text>
        <Group gap={4} wrap="nowrap" aria-hidden style={{ flexShrink: 0 }}>
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
          {plural(article.highlightCount, 'highlight')}, {plural(article.entityCount, 'entity', 'entities')}
        </VisuallyHidden>
      </Group>
    </UnstyledButton>
  )
}
