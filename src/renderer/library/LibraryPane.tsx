// The navbar: the Library's search box (full text, with the query syntax), its filters and sort, the
// case shown, the list with the articles chosen, and the way to the trash and to copies of one story;
// or the welcome panel while the library is empty.
import { AppShell, Badge, CloseButton, Group, Loader, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconSearch } from '@tabler/icons-react'
import { memo, useCallback, useEffect, useMemo, useState, type RefObject } from 'react'
import {
  NO_FACETS,
  type Case,
  type LibraryFilters,
  type LibraryQuery,
  type LibrarySort,
  type SavedSearch,
} from '../../shared/library'
import type { ArticleSummary } from '../../shared/model'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { useLatestCallback } from '../app/useLatestCallback'
import { CasesModal } from './CasesModal'
import { ChosenBar } from './ChosenBar'
import { DuplicatesModal } from './DuplicatesModal'
import { isFiltering } from './LibraryFilterPanel'
import { CaseChoice, FilterDrawer, LibraryFoot, SearchTools } from './LibraryTools'
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

  const applySaved = useCallback((entry: SavedSearch) => {
    setText(entry.query.text ?? '')
    setFilters(entry.query.filters ?? {})
    setSorting(entry.query.sort ? { sort: entry.query.sort, order: entry.query.order ?? 'desc' } : null)
  }, [])

  // The handlers of the memoised controls (LibraryTools.tsx) keep their identity from render to render.
  const showCase = useCallback(
    (caseId: string | undefined) =>
      setFilters((current) => ({ ...current, cases: caseId ? [caseId] : undefined })),
    [],
  )
  const toggleFilters = useCallback(() => setFiltersOpen((open) => !open), [])
  const setSort = useCallback((s: LibrarySort, o: 'asc' | 'desc') => setSorting({ sort: s, order: o }), [])
  const manage = useCallback(() => setManaging(true), [])
  const showDuplicates = useCallback(() => setDuplicatesOpen(true), [])
  const showTrash = useCallback(() => setTrashOpen(true), [])
  const closeModals = useCallback(() => {
    setManaging(false)
    setTrashOpen(false)
    setDuplicatesOpen(false)
  }, [])
  const casesChanged = useLatestCallback(() => {
    setListed((n) => n + 1)
    props.onListChanged()
  })
  const removeCopies = useLatestCallback((copies: Pick<ArticleSummary, 'id' | 'title'>[]) =>
    actions.remove(copies),
  )

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
            <CaseChoice cases={cases} shown={shownCase} onShow={showCase} onStartBrief={props.onStartBrief} />
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
            <SearchTools
              filtersOpen={filtersOpen}
              filtering={filtering}
              sort={sort}
              order={order}
              searching={searching}
              saved={saved}
              onToggleFilters={toggleFilters}
              onSort={setSort}
              onSave={saveSearch}
              onApplySaved={applySaved}
              onManage={manage}
            />
            {search.warning && (
              <Text size="xs" c="orange" mb={4}>
                {search.warning}
              </Text>
            )}
            <FilterDrawer
              open={filtersOpen}
              filters={filters}
              facets={filtersOpen ? search.facets : NO_FACETS}
              onChange={setFilters}
            />
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
          <LibraryFoot
            listed={!empty}
            workspacePath={workspacePath}
            onDuplicates={showDuplicates}
            onTrash={showTrash}
          />
        </AppShell.Section>
      )}
      <LibraryModals
        managing={managing}
        trashOpen={trashOpen}
        duplicatesOpen={duplicatesOpen}
        cases={cases}
        saved={saved}
        onClose={closeModals}
        onCasesChanged={casesChanged}
        onRestored={props.onListChanged}
        onRemoveCopies={removeCopies}
      />
    </>
  )
}

interface LibraryModalsProps {
  managing: boolean
  trashOpen: boolean
  duplicatesOpen: boolean
  cases: Case[]
  saved: SavedSearch[]
  onClose: () => void
  onCasesChanged: () => void
  onRestored: () => void
  onRemoveCopies: (copies: Pick<ArticleSummary, 'id' | 'title'>[]) => Promise<boolean>
}

/** The Library's dialogs, memoised with the controls: closed, they take no part in a search. */
const LibraryModals = memo(function LibraryModals(props: LibraryModalsProps) {
  return (
    <>
      <CasesModal
        opened={props.managing}
        cases={props.cases}
        searches={props.saved}
        onClose={props.onClose}
        onChanged={props.onCasesChanged}
      />
      <TrashModal opened={props.trashOpen} onClose={props.onClose} onRestored={props.onRestored} />
      <DuplicatesModal
        opened={props.duplicatesOpen}
        onClose={props.onClose}
        onRemove={props.onRemoveCopies}
      />
    </>
  )
})
