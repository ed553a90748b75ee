// The navbar: the Library's search box (full text, with the query syntax), its filters and sort, the
// case shown, the list with the articles chosen, and the way to the trash and to copies of one story;
// or the welcome panel while the library is empty.
import {
  ActionIcon,
  AppShell,
  Badge,
  Button,
  CloseButton,
  Collapse,
  Group,
  Indicator,
  Loader,
  Menu,
  NativeSelect,
  ScrollArea,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAdjustmentsHorizontal, IconCopy, IconSearch, IconStar, IconTrash } from '@tabler/icons-react'
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react'
import type { Case, LibraryFilters, LibraryQuery, LibrarySort, SavedSearch } from '../../shared/library'
import type { ArticleSummary } from '../../shared/model'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { useLatestCallback } from '../app/useLatestCallback'
import { CasesModal } from './CasesModal'
import { ChosenBar } from './ChosenBar'
import { DuplicatesModal } from './DuplicatesModal'
import { isFiltering, LibraryFilterPanel, SortSelect } from './LibraryFilterPanel'
import { LibraryEmpty } from './LibraryEmpty'
import { LibraryList } from './LibraryList'
import { TrashModal } from './TrashModal'
import type { LibraryActions } from './useLibraryActions'
import { useLibrarySearch } from './useLibrarySearch'

interface LibraryPaneProps {
  articles: ArticleSummary[]
  loaded: boolean
  /** Changes whenever an article is added, changed or removed. */
  version: number
  openId: string | null
  workspacePath?: string
  searchRef: RefObject<HTMLInputElement | null>
  actions: LibraryActions
  /** Opens the article; with the search's words, the reader marks them and goes to the first. */
  onOpen: (id: string, search?: string) => void
  onOpenSamples: () => Promise<void>
  onListChanged: () => void
  onStartBrief: (caseId: string) => void
}

const SYNTAX = 'Words, "a phrase", prefix*, OR, NOT or -word, and site: by: entity: code: tag: case: title:'

export function LibraryPane(props: LibraryPaneProps) {
  const { articles, loaded, version, openId, workspacePath, searchRef, actions, onOpen } = props
  const [text, setText] = useState('')
  const [filters, setFilters] = useState<LibraryFilters>({})
  const [sorting, setSorting] = useState<{ sort: LibrarySort; order: 'asc' | 'desc' } | null>(null)
  const [filtersOpen, setFiltersOpen] = useState(false)
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [cases, setCases] = useState<Case[]>([])
  const [saved, setSaved] = useState<SavedSearch[]>([])
  const [trashOpen, setTrashOpen] = useState(false)
  const [duplicatesOpen, setDuplicatesOpen] = useState(false)
  const [managing, setManaging] = useState(false)
  const [listed, setListed] = useState(0)
  const searching = text.trim().length > 0
  const sort = sorting?.sort ?? (searching ? 'relevance' : 'imported')
  const order = sorting?.order ?? 'desc'
  const queryFor = (words: string): LibraryQuery => {
    const ranked = sorting?.sort ?? (words.trim() ? 'relevance' : 'imported')
    return {
      text: words,
      filters,
      sort: ranked === 'relevance' && !words.trim() ? 'imported' : ranked,
      order,
      // Counts are only worked out while the filters, which show them, are open.
      facets: filtersOpen,
    }
  }
  const search = useLibrarySearch(queryFor(text), version)
  /** A key press in the search box: the question goes out before the page renders the new text. */
  const type = (words: string) => {
    search.prime(queryFor(words))
    setText(words)
  }
  const byId = useMemo(() => new Map(articles.map((a) => [a.id, a])), [articles])
  const empty = loaded && articles.length === 0
  const filtering = isFiltering(filters)
  const shownCase = filters.cases?.length === 1 ? cases.find((c) => c.id === filters.cases![0]) : undefined

  useEffect(() => {
    let live = true
    Promise.all([dossier.cases.list(), dossier.searches.list()]).then(
      ([caseList, searches]) => {
        if (!live) return
        setCases(caseList)
        setSaved(searches)
      },
      (error: unknown) => notifyError(error, 'Could not read the cases'),
    )
    return () => {
      live = false
    }
  }, [version, listed])

  // The list's props stay the same while only the search text changes (see LibraryList).
  const current = useCallback((article: ArticleSummary) => byId.get(article.id) ?? article, [byId])
  const openRow = useLatestCallback((id: string) => onOpen(id, searching ? text : undefined))
  const removeRows = useLatestCallback((ids: string[]) => void remove(ids))

  const chosenRows = () => [...chosen].flatMap((id) => byId.get(id) ?? [])

  async function remove(ids: string[]) {
    const rows = ids.flatMap((id) => byId.get(id) ?? [])
    if (await actions.remove(rows)) setChosen(new Set())
  }

  async function newCase(name: string, add: boolean) {
    try {
      const made = await dossier.cases.create({ name })
      setCases((list) => [...list, made])
      if (add) await actions.label(chosenRows(), { addCases: [made.id] }, `Added to “${made.name}”`)
      props.onListChanged()
    } catch (error) {
      notifyError(error, 'Could not create the case')
    }
  }

  // Reads the text when chosen, so the saved-searches menu does not render again at each key press.
  const saveSearch = useLatestCallback(async () => {
    const name = text.trim() || shownCase?.name || 'Filtered articles'
    try {
      const made = await dossier.searches.save({
        name,
        query: { text: text || undefined, filters, sort, order },
      })
      setSaved((list) => [...list.filter((s) => s.id !== made.id && s.name !== made.name), made])
      notifications.show({ message: `Search saved as “${made.name}”.`, autoClose: 2500 })
    } catch (error) {
      notifyError(error, 'Could not save the search')
    }
  })

  function applySaved(entry: SavedSearch) {
    setText(entry.query.text ?? '')
    setFilters(entry.query.filters ?? {})
    setSorting(entry.query.sort ? { sort: entry.query.sort, order: entry.query.order ?? 'desc' } : null)
  }

  const count = search.loaded
    ? searching || filtering
      ? `${search.total} of ${articles.length}`
      : `${articles.length}`
    : `${articles.length}`

  return (
    <>
      <AppShell.Section px="sm" pt="sm">
        <Group justify="space-between" mb="xs" wrap="nowrap">
          <Title order={2} size="h5">
            Library
          </Title>
          {articles.length > 0 && (
            <Badge variant="default" size="sm" radius="sm" data-testid="library-count">
              {count}
            </Badge>
          )}
        </Group>
        {!empty && (
          <>
            <Group gap={6} wrap="nowrap" mb={6}>
              <NativeSelect
                size="xs"
                flex={1}
                aria-label="Case"
                value={shownCase?.id ?? ''}
                onChange={(e) => {
                  const id = e.currentTarget.value
                  setFilters({ ...filters, cases: id ? [id] : undefined })
                }}
                data={[
                  { value: '', label: 'All articles' },
                  ...cases.map((c) => ({ value: c.id, label: `Case: ${c.name}` })),
                ]}
              />
              {shownCase && (
                <Tooltip label="Start a brief from this case's highlights">
                  <Button size="compact-xs" variant="light" onClick={() => props.onStartBrief(shownCase.id)}>
                    Brief
                  </Button>
                </Tooltip>
              )}
            </Group>
            <TextInput
              ref={searchRef}
              size="sm"
              placeholder="Search the library"
              aria-label="Search articles"
              title={SYNTAX}
              leftSection={<IconSearch size={15} />}
              value={text}
              onChange={(event) => type(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setText('')
                // Down goes into the results, Enter opens the first: the list is used from the search box.
                if (event.key === 'ArrowDown') {
                  event.preventDefault()
                  document.querySelector<HTMLButtonElement>('ul[aria-label="Library"] li > button')?.focus()
                } else if (event.key === 'Enter' && search.rows[0]) {
                  event.preventDefault()
                  onOpen(search.rows[0].article.id, searching ? text : undefined)
                }
              }}
              rightSection={
                text ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setText('')} /> : null
              }
            />
            <Group gap={4} mt={6} mb={6} wrap="nowrap">
              <Indicator disabled={!filtering} size={7} offset={3}>
                <ActionIcon
                  variant={filtersOpen ? 'light' : 'subtle'}
                  color="gray"
                  aria-label="Filters"
                  aria-expanded={filtersOpen}
                  onClick={() => setFiltersOpen(!filtersOpen)}
                >
                  <IconAdjustmentsHorizontal size={16} />
                </ActionIcon>
              </Indicator>
              <div style={{ flex: 1 }}>
                <SortSelect
                  sort={sort}
                  order={order}
                  searching={searching}
                  onChange={(s, o) => setSorting({ sort: s, order: o })}
                />
              </div>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label="Saved searches">
                    <IconStar size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item disabled={!searching && !filtering} onClick={() => void saveSearch()}>
                    Save this search
                  </Menu.Item>
                  {saved.length > 0 && <Menu.Divider />}
                  {saved.map((entry) => (
                    <Menu.Item key={entry.id} onClick={() => applySaved(entry)}>
                      {entry.name}
                    </Menu.Item>
                  ))}
                  <Menu.Divider />
                  <Menu.Item onClick={() => setManaging(true)}>Manage cases and saved searches…</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
            {search.warning && (
              <Text size="xs" c="orange" mb={4}>
                {search.warning}
              </Text>
            )}
            <Collapse expanded={filtersOpen}>
              <ScrollArea.Autosize mah="40vh" type="auto" scrollbars="y" mb={6} pr={8}>
                {/* Not rendered while closed: its lists would re-render at every key press. */}
                {filtersOpen && (
                  <LibraryFilterPanel filters={filters} facets={search.facets} onChange={setFilters} />
                )}
              </ScrollArea.Autosize>
            </Collapse>
            {chosen.size > 0 && (
              <ChosenBar
                count={chosen.size}
                cases={cases}
                onAddToCase={(caseId) =>
                  void actions.label(
                    chosenRows(),
                    { addCases: [caseId] },
                    `Added to “${cases.find((c) => c.id === caseId)?.name}”`,
                  )
                }
                onNewCase={(name) => void newCase(name, true)}
                onTag={(tag) => void actions.label(chosenRows(), { addTags: [tag] }, `Tagged “${tag}”`)}
                onUntag={(tag) =>
                  void actions.label(chosenRows(), { removeTags: [tag] }, `Untagged “${tag}”`)
                }
                onRemove={() => void remove([...chosen])}
                onClear={() => setChosen(new Set())}
              />
            )}
          </>
        )}
      </AppShell.Section>
      <AppShell.Section
        grow
        style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}
        data-answered={search.answered}
      >
        {!loaded && (
          <Group justify="center" mt="xl">
            <Loader size="sm" type="dots" />
          </Group>
        )}
        {empty && <LibraryEmpty onOpenSamples={props.onOpenSamples} />}
        {loaded && !empty && search.loaded && search.total === 0 && (
          <Text size="sm" c="dimmed" ta="center" mt="lg" px="sm">
            {search.error ??
              (searching ? `No article matches “${text.trim()}”` : 'No article matches these filters') +
                (filtering ? '. Clear a filter to see more.' : '.')}
          </Text>
        )}
        {!empty && search.rows.length > 0 && (
          <LibraryList
            rows={search.rows}
            total={search.total}
            current={current}
            openId={openId}
            chosen={chosen}
            onChoose={setChosen}
            onOpen={openRow}
            onRemove={removeRows}
            onLoadMore={search.loadMore}
          />
        )}
      </AppShell.Section>
      {(!empty || workspacePath) && (
        <AppShell.Section px="sm" py={4} style={{ borderTop: '1px solid var(--app-shell-border-color)' }}>
          {!empty && (
            <Group gap={4} justify="space-between" wrap="nowrap">
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                leftSection={<IconCopy size={13} />}
                onClick={() => setDuplicatesOpen(true)}
              >
                Duplicates
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                leftSection={<IconTrash size={13} />}
                onClick={() => setTrashOpen(true)}
              >
                Trash
              </Button>
            </Group>
          )}
          {workspacePath && (
            <Text size="xs" c="dimmed" truncate="start" title={workspacePath}>
              Workspace: {workspacePath}
            </Text>
          )}
        </AppShell.Section>
      )}
      <CasesModal
        opened={managing}
        cases={cases}
        searches={saved}
        onClose={() => setManaging(false)}
        onChanged={() => {
          setListed((n) => n + 1)
          props.onListChanged()
        }}
      />
      <TrashModal opened={trashOpen} onClose={() => setTrashOpen(false)} onRestored={props.onListChanged} />
      <DuplicatesModal
        opened={duplicatesOpen}
        onClose={() => setDuplicatesOpen(false)}
        onRemove={(copies) => actions.remove(copies)}
      />
    </>
  )
}
