// The head of the open article: title, standfirst, where and when it was published, tags, notes from the
// import, and the button that edits what the importer guessed. Interface text carries lang="en", so an
// article in another language keeps the right voice around it, and sits in <bdi> so its punctuation stays
// put inside a right-to-left article.
import { ActionIcon, Badge, Group, List, Stack, Text, Tooltip } from '@mantine/core'
import { IconInfoCircle, IconPencil } from '@tabler/icons-react'
import { Fragment } from 'react'
import { gradeMeaning } from '../../shared/brief'
import type { Article } from '../../shared/model'
import { modLabel } from '../app/keyboard'
import { formatDay, formatPublishedDetail } from '../library/article-format'
import { creditLine, standfirstOf } from './article-meta'
import classes from './Reader.module.css'
import { SourceUrl } from './SourceUrl'

interface ArticleHeaderProps {
  article: Article
  onEdit: () => void
}

interface MetaPart {
  key: string
  text: string
  title?: string
  lang?: string
}

function metaParts(article: Article): MetaPart[] {
  const parts: (MetaPart | undefined)[] = [
    article.siteName?.trim() ? { key: 'site', text: article.siteName.trim() } : undefined,
    article.published?.trim()
      ? { key: 'published', text: formatPublishedDetail(article.published)!, title: article.published }
      : undefined,
    article.byline?.trim() ? { key: 'byline', text: article.byline.trim() } : undefined,
  ]
  const credit = creditLine(article.credits)
  if (credit) parts.push({ key: 'credits', text: credit, lang: 'en' })
  return parts.filter((part): part is MetaPart => part !== undefined)
}

export function ArticleHeader({ article, onEdit }: ArticleHeaderProps) {
  const meta = metaParts(article)
  const standfirst = standfirstOf(article)
  const imported = formatDay(article.importedAt)

  return (
    <header>
      <div className={classes.titleRow}>
        <h1 className={classes.title}>{article.title}</h1>
        <Tooltip label={`Edit details (${modLabel}+Shift+D)`} withArrow>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label="Edit details"
            lang="en"
            onClick={onEdit}
            className={classes.editButton}
          >
            <IconPencil size={18} />
          </ActionIcon>
        </Tooltip>
      </div>
      {standfirst && <p className={classes.standfirst}>{standfirst}</p>}
      <Stack gap={6} style={{ fontFamily: 'var(--mantine-font-family)' }}>
        {meta.length > 0 && (
          <Text size="sm" c="dimmed" fw={500} data-testid="article-meta">
            {meta.map((part, i) => (
              <Fragment key={part.key}>
                {i > 0 && ' · '}
                <bdi title={part.title} lang={part.lang}>
                  {part.text}
                </bdi>
              </Fragment>
            ))}
          </Text>
        )}
        {article.sourceUrl && <SourceUrl url={article.sourceUrl} />}
        {article.grade && (
          <Group gap={6} lang="en">
            <Tooltip label={gradeMeaning(article.grade)} withArrow>
              <Badge variant="outline" color="gray" size="sm" radius="sm" data-testid="source-grade">
                Graded {article.grade}
              </Badge>
            </Tooltip>
          </Group>
        )}
        {article.tags.length > 0 && (
          <Group gap={6}>
            {article.tags.map((tag) => (
              <Badge key={tag} variant="light" color="gray" size="sm" radius="sm" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="xs" c="dimmed" lang="en" style={{ overflowWrap: 'anywhere' }}>
          <bdi>
            From {article.original.name}
            {imported ? `, imported ${imported}` : ''}
          </bdi>
        </Text>
        {article.warnings.length > 0 && (
          <Group gap={6} wrap="nowrap" align="flex-start" c="dimmed" mt={4} lang="en">
            <IconInfoCircle size={15} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
            <div>
              <Text size="xs" fw={600}>
                <bdi>Notes from the import</bdi>
              </Text>
              <List size="xs" c="dimmed" spacing={0}>
                {article.warnings.map((warning, i) => (
                  <List.Item key={i}>
                    <bdi>{warning}</bdi>
                  </List.Item>
                ))}
              </List>
            </div>
          </Group>
        )}
      </Stack>
    </header>
  )
}
