// The navbar: the Library's search box and list, or the welcome panel while it is empty.
import {
  AppShell,
  Badge,
  CloseButton,
  Group,
  Loader,
  ScrollArea,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useMemo, useState, type RefObject } from 'react'
import type { ArticleSummary } from '../../shared/model'
import { filterArticles } from './filter-articles'
import { LibraryEmpty } from './LibraryEmpty'
import { LibraryList } from './LibraryList'

interface LibraryPaneProps {
  articles: ArticleSummary[]
  loaded: boolean
  openId: string | null
  workspacePath?: string
  searchRef: RefObject<HTMLInputElement | null>
  onOpen: (id: string) => void
  onOpenSamples: () => Promise<void>
}

export function LibraryPane(props: LibraryPaneProps) {
  const { articles, loaded, openId, workspacePath, searchRef, onOpen, onOpenSamples } = props
  const [query, setQuery] = useState('')
  const shown = useMemo(() => filterArticles(articles, query), [articles, query])
  const empty = loaded && articles.length === 0

  return (
    <>
      <AppShell.Section px="sm" pt="sm">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h5">
            Library
          </Title>
          {articles.length > 0 && (
            <Badge variant="default" size="sm" radius="sm">
              {query ? `${shown.length} of ${articles.length}` : articles.length}
            </Badge>
          )}
        </Group>
        {!empty && (
          <TextInput
            ref={searchRef}
            size="sm"
            placeholder="Search titles and sources"
            aria-label="Search articles"
            leftSection={<IconSearch size={15} />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setQuery('')
              // Down goes into the results, Enter opens the first: the list is used from the search box.
              const rows = () =>
                event.currentTarget
                  .closest('nav, [class*="Navbar"]')
                  ?.querySelectorAll<HTMLButtonElement>('ul[aria-label="Library"] li > button')
              if (event.key === 'ArrowDown') {
                event.preventDefault()
                rows()?.[0]?.focus()
              } else if (event.key === 'Enter' && shown[0]) {
                event.preventDefault()
                onOpen(shown[0].id)
              }
            }}
            rightSection={
              query ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setQuery('')} /> : null
            }
            mb="xs"
          />
        )}
      </AppShell.Section>
      <AppShell.Section grow component={ScrollArea} px="sm" pb="sm" type="scroll">
        {!loaded && (
          <Group justify="center" mt="xl">
            <Loader size="sm" type="dots" />
          </Group>
        )}
        {empty && <LibraryEmpty onOpenSamples={onOpenSamples} />}
        {loaded && !empty && shown.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" mt="lg" px="sm">
            No article matches “{query}”.
          </Text>
        )}
        {shown.length > 0 && <LibraryList articles={shown} openId={openId} onOpen={onOpen} />}
      </AppShell.Section>
      {workspacePath && (
        <AppShell.Section px="sm" py={6} style={{ borderTop: '1px solid var(--app-shell-border-color)' }}>
          <Text size="xs" c="dimmed" truncate="start" title={workspacePath}>
            Workspace: {workspacePath}
          </Text>
        </AppShell.Section>
      )}
    </>
  )
}
