// The head of the open article: title, where and when it was published, tags, and notes from the import.
import { Badge, Group, List, Stack, Text } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import type { Article } from '../../shared/model'
import { formatDay, formatPublished } from '../library/article-format'
import classes from './Reader.module.css'
import { SourceUrl } from './SourceUrl'

export function ArticleHeader({ article }: { article: Article }) {
  const published = formatPublished(article.published)
  const meta = [article.siteName, published, article.byline].filter((part): part is string =>
    Boolean(part?.trim()),
  )
  const imported = formatDay(article.importedAt)

  return (
    <header>
      <h1 className={classes.title}>{article.title}</h1>
      <Stack gap={6} style={{ fontFamily: 'var(--mantine-font-family)' }}>
        {meta.length > 0 && (
          <Text size="sm" c="dimmed" fw={500}>
            {meta.join(' · ')}
          </Text>
        )}
        {article.sourceUrl && <SourceUrl url={article.sourceUrl} />}
        {article.tags.length > 0 && (
          <Group gap={6}>
            {article.tags.map((tag) => (
              <Badge key={tag} variant="light" color="gray" size="sm" radius="sm" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          From {article.original.name}
          {imported ? `, imported ${imported}` : ''}
        </Text>
        {article.warnings.length > 0 && (
          <Group gap={6} wrap="nowrap" align="flex-start" c="dimmed" mt={4}>
            <IconInfoCircle size={15} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
            <div>
              <Text size="xs" fw={600}>
                Notes from the import
              </Text>
              <List size="xs" c="dimmed" spacing={0}>
                {article.warnings.map((warning, i) => (
                  <List.Item key={i}>{warning}</List.Item>
                ))}
              </List>
            </div>
          </Group>
        )}
      </Stack>
    </header>
  )
}
