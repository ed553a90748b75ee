// The app shell: header, Library (navbar), Reader (main), Inspector (aside), and the state they share.
import { AppShell, Button, Group, Text, useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { startTransition, useDeferredValue, useEffect, useRef, useState } from 'react'
import type { ImportResult } from '../../shared/api'
import { dossier, isDesktop } from '../api/client'
import { AddToBriefProvider } from '../brief/AddToBrief'
import { BriefsView } from '../brief/BriefsView'
import { EntitiesView } from '../entities/EntitiesView'
import { neverSuggest } from '../entities/never-suggest'
import { OccurrencesModal } from '../entities/OccurrencesModal'
import { reviewSuggestions } from '../entities/review-suggestions'
import type { ExportFormat } from '../brief/useExport'
import { useExport } from '../brief/useExport'
import { HighlightsBrowser } from '../highlights/HighlightsBrowser'
import { ViewSwitch, type MainView } from '../highlights/ViewSwitch'
import { ImportFileInput } from '../import/ImportFileInput'
import { batchFromDrop, batchFromFiles, batchFromPaste, batchFromPaths } from '../import/import-sources'
import { articleToOpen } from '../import/summarize-imports'
import { useImportRunner } from '../import/useImportRunner'
import { usePasteImport } from '../import/usePasteImport'
import { InspectorPane } from '../inspector/InspectorPane'
import { LibraryPane } from '../library/LibraryPane'
import { useLibraryActions } from '../library/useLibraryActions'
import type { LibrarySearchHits } from '../reader/useFind'
import { useLibrary } from '../library/useLibrary'
import { ReaderPane } from '../reader/ReaderPane'
import { useArticleView } from '../reader/useArticleView'
import { revealInReader } from '../reader/reveal'
import { loadReadingState } from '../reader/useReadingPlace'
import { useHighlightStyles } from '../codes/code-styles'
import { useEntityTypes } from '../entities/useEntityTypes'
import { useCodebook } from '../codes/useCodebook'
import { CodebookModal } from '../codes/CodebookModal'
import { AppHeader } from './AppHeader'
import { CommandPalette } from './CommandPalette'
import { PaneToggles } from './PaneToggles'
import { DropOverlay } from './DropOverlay'
import { notifyError } from './notify'
import { ShortcutsModal } from './ShortcutsModal'
import { useAnnotationActions, type AnnotationDelta } from './useAnnotationActions'
import { useAppShortcuts } from './useAppShortcuts'
import { useArticleActions } from './useArticleActions'
import { useFileDrop } from './useFileDrop'
import { useUndoStack } from './useUndoStack'
import { useWorkspaceInfo } from './useWorkspaceInfo'
import { WorkspaceProblems } from './WorkspaceProblems'

export function App() {
  const library = useLibrary()
  const workspace = useWorkspaceInfo()
  const [openId, setOpenId] = useState<string | null>(null)
  const open = useArticleView(openId)
  const exporter = useExport()
  const [helpOpen, setHelpOpen] = useState(false)
  const [codebookOpen, setCodebookOpen] = useState(false)
  // Below 1280 px the inspector starts folded and below 900 px the library too, so the text keeps its
  // measure; either comes back with its button or key.
  const narrow = useMediaQuery('(max-width: 1279px)', window.innerWidth < 1280, {
    getInitialValueInEffect: false,
  })
  const tiny = useMediaQuery('(max-width: 899px)', window.innerWidth < 900, {
    getInitialValueInEffect: false,
  })
  const [libraryShown, setLibraryShown] = useState<boolean | null>(null)
  const [inspectorShown, setInspectorShown] = useState<boolean | null>(null)
  const libraryOpen = libraryShown ?? !tiny
  const inspectorOpen = inspectorShown ?? !narrow
  const { setColorScheme } = useMantineColorScheme()
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false })
  const fileInput = useRef<HTMLInputElement>(null)
  const search = useRef<HTMLInputElement>(null)
  const [view, setView] = useState<MainView>('reader')
  const [briefToOpen, setBriefToOpen] = useState<string | undefined>(undefined)
  /** The library search an article was opened from: the reader marks its words. */
  const [searchWords, setSearchWords] = useState<LibrarySearchHits | undefined>(undefined)
  /** The entity whose occurrences in an article are being reviewed, from the inspector. */
  const [tagAllIn, setTagAllIn] = useState<{
    entity: { id: string; name: string }
    articleId: string
  } | null>(null)

  const openIdNow = useRef(openId)
  useEffect(() => {
    openIdNow.current = openId
  })
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const undoStack = useUndoStack()
  const codebook = useCodebook(undoStack)
  const entityTypes = useEntityTypes()
  useHighlightStyles(codebook.codes, entityTypes)

  // The article open when the app last ran comes back, at the place it was read to.
  useEffect(() => {
    let live = true
    loadReadingState().then(
      (id) => live && id && setOpenId((current) => current ?? id),
      () => {},
    )
    return () => {
      live = false
    }
  }, [])

  function openArticle(id: string | null) {
    setSearchWords(undefined)
    setOpenId(id)
    setFocusedId(null)
    setView('reader')
  }

  /** Shows a passage of an article (a mention, a hit), scrolled to and flashed. */
  function openRange(articleId: string, range: { start: number; end: number }) {
    revealInReader(range, articleId)
    openArticle(articleId)
  }

  /** Shows a highlight in its article: the reader opens it, then scrolls to the mark and flashes it. */
  function openPassage(articleId: string, highlightId: string) {
    revealInReader({ highlightId }, articleId)
    // The open article may have gained highlights elsewhere since the reader loaded it.
    if (articleId === openId) void open.reload()
    openArticle(articleId)
    setFocusedId(highlightId)
  }

  // A transition: the reader has painted the change already, and the lists it updates render in slices
  // between frames, so typing and scrolling never wait for them.
  const onDelta = (delta: AnnotationDelta) =>
    startTransition(() => {
      library.patch(delta.summary)
      if (delta.kind === 'highlight') open.putHighlight(delta.articleId, delta.highlight)
      else if (delta.kind === 'highlight-removed') open.dropHighlight(delta.articleId, delta.id)
      else if (delta.kind === 'mention') open.putMention(delta.articleId, delta.mention, delta.entity)
      else open.dropMention(delta.articleId, delta.id)
    })
  const actions = useAnnotationActions(undoStack, onDelta)
  const libraryActions = useLibraryActions(undoStack, {
    onListChanged: (removed) => {
      if (openId && removed.includes(openId)) openArticle(null)
      void library.refresh()
    },
    onSummaries: (rows) => library.patch(...rows),
  })
  const articleActions = useArticleActions(undoStack, {
    onPatch: open.patchArticle,
    onSummary: library.patch,
    onListChanged: () => void library.refresh(),
  })

  /**
   * An import never takes the open article away. With nothing open the first new article opens; a single
   * file imported by hand offers to open it.
   */
  async function afterImport(results: ImportResult[], byHand: boolean) {
    await library.refresh()
    const id = articleToOpen(results)
    // What is open now, not when the import began: the analyst may have opened an article meanwhile.
    const current = openIdNow.current
    if (!id || id === current) return
    if (current === null) return openArticle(id)
    const single = results.length === 1 ? results[0] : undefined
    if (!byHand || !single?.articleId) return
    const key = `open-${single.articleId}-${Date.now()}`
    notifications.show({
      id: key,
      autoClose: 8000,
      message: (
        <Group gap="sm" wrap="nowrap" justify="space-between">
          <Text size="sm" lineClamp={2}>
            {single.status === 'duplicate' ? 'Already in the library:' : 'Imported:'}{' '}
            {single.title ?? single.file}
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(key)
              openArticle(single.articleId!)
            }}
          >
            Open
          </Button>
        </Group>
      ),
    })
  }

  /** "Remove new copy" of a likely duplicate: if it is open, the article it duplicates takes its place. */
  async function removeCopy(result: ImportResult): Promise<boolean> {
    if (!result.articleId) return false
    const ok = await articleActions.removeArticle(result.articleId, result.title ?? result.file)
    if (ok && openId === result.articleId) openArticle(result.similarTo?.articleId ?? null)
    return ok
  }

  const runImport = useImportRunner({
    onFinished: (results) => void afterImport(results, true),
    onRemoveCopy: removeCopy,
  })
  const dragging = useFileDrop((items) => runImport(batchFromDrop(items)))
  usePasteImport({
    onContent: (content) => runImport(batchFromPaste(content)),
    onFiles: (files) => runImport(batchFromFiles(files)),
  })

  async function openSamples() {
    try {
      const results = await dossier.import.samples()
      for (const failed of results.filter((r) => r.status === 'failed')) {
        notifyError(
          failed.error?.message ?? `${failed.file} could not be imported.`,
          'A sample could not be opened',
        )
      }
      await afterImport(results, false)
    } catch (error) {
      notifyError(error, 'Could not open the sample articles')
    }
  }

  /** The desktop app asks main for its open dialog, so what is chosen there may be read by path. */
  async function chooseFiles() {
    if (!isDesktop) return fileInput.current?.click()
    try {
      const { paths } = await dossier.import.choose()
      if (paths.length > 0) runImport(batchFromPaths(paths))
    } catch (error) {
      notifyError(error, 'Could not open the file dialog')
    }
  }

  // The inspector follows the reader: a newly opened article's text paints first, its lists just after.
  const deferredView = useDeferredValue(open.view)
  const inspectorView = deferredView?.article.id === open.view?.article.id ? deferredView : undefined

  const canExport = openId !== null && open.view !== undefined
  function exportOpen(format: ExportFormat) {
    if (openId && canExport) void exporter.exportBrief(openId, format)
  }

  useAppShortcuts({
    onImport: () => void chooseFiles(),
    onExport: exportOpen,
    onUndo: () => void undoStack.undo(),
    onRedo: () => void undoStack.redo(),
    onSearch: () => search.current?.focus(),
    onHelp: () => setHelpOpen(true),
    onToggleLibrary: () => setLibraryShown(!libraryOpen),
    onToggleInspector: () => setInspectorShown(!inspectorOpen),
  })

  function focusSearch() {
    document.querySelector<HTMLInputElement>('input[aria-label="Search articles"]')?.focus()
  }

  async function reextractOpen() {
    if (!openId) return
    try {
      const result = await dossier.articles.reextract({ id: openId })
      library.patch(result.article)
      await open.reload()
      const { position, quote, fuzzy } = result.reanchored
      const moved = quote + fuzzy
      notifications.show({
        color: result.unanchored > 0 ? 'yellow' : 'teal',
        title: 'Extracted again',
        message:
          `${position + moved} annotations in place` +
          (moved > 0 ? ` (${moved} found where their words moved)` : '') +
          (result.unanchored > 0 ? `; ${result.unanchored} no longer found, listed under Unanchored.` : '.'),
      })
    } catch (error) {
      notifyError(error, 'Could not extract the article again')
    }
  }

  /** Confirms or rejects suggested tags in the open article, then shows it as it now is. */
  async function reviewOpenSuggestions(accept: boolean, mentionIds: string[]) {
    const articleId = open.view?.article.id
    if (!articleId) return
    const items = mentionIds.map((id) => ({ articleId, id }))
    await reviewSuggestions(undoStack, items, accept, entitiesChanged)
  }

  /** Entities or their mentions changed elsewhere than in the reader: the article and library follow. */
  function entitiesChanged() {
    void open.reload()
    void library.refresh()
  }

  async function startBrief(caseId: string) {
    try {
      const brief = await dossier.briefs.create({ caseId })
      openBrief(brief.id)
    } catch (error) {
      notifyError(error, 'Could not start a brief from the case')
    }
  }

  function openBrief(id: string) {
    setBriefToOpen(id)
    setView('briefs')
  }

  return (
    <AddToBriefProvider onOpenBrief={openBrief}>
      <AppShell
        header={{ height: 56 }}
        navbar={{
          width: { base: 260, lg: 300 },
          breakpoint: 'xs',
          // The briefs view lists the briefs where the library stands.
          collapsed: {
            desktop: !libraryOpen || view === 'briefs' || view === 'entities',
            mobile: !libraryOpen || view === 'briefs' || view === 'entities',
          },
        }}
        aside={{
          width: { base: 300, lg: 340 },
          breakpoint: 'sm',
          collapsed: {
            desktop: view !== 'reader' || !inspectorOpen,
            mobile: view !== 'reader' || !inspectorOpen,
          },
        }}
        padding={0}
      >
        <AppShell.Header>
          <AppHeader
            canExport={canExport && view === 'reader'}
            canImport={!workspace?.readOnly}
            exporting={exporter.pending}
            onImport={() => void chooseFiles()}
            onExport={exportOpen}
            onHelp={() => setHelpOpen(true)}
            navigation={<ViewSwitch value={view} onChange={setView} />}
            panes={
              <PaneToggles
                library={libraryOpen}
                inspector={inspectorOpen}
                onLibrary={() => setLibraryShown(!libraryOpen)}
                onInspector={() => setInspectorShown(!inspectorOpen)}
              />
            }
          />
        </AppShell.Header>

        <AppShell.Navbar>
          <LibraryPane
            articles={library.articles}
            loaded={library.loaded}
            version={library.version}
            openId={openId}
            workspacePath={workspace?.path}
            searchRef={search}
            actions={libraryActions}
            onListChanged={() => void library.refresh()}
            onStartBrief={(caseId) => void startBrief(caseId)}
            onOpen={(id, words) => {
              openArticle(id)
              setSearchWords(words?.trim() ? { articleId: id, words } : undefined)
              // The article already open takes the keyboard again; a new one takes it once it is shown.
              if (id === openId)
                document.querySelector<HTMLElement>('[data-testid="reader"]')?.focus({ preventScroll: true })
            }}
            onOpenSamples={openSamples}
          />
        </AppShell.Navbar>

        <AppShell.Main>
          <WorkspaceProblems problems={workspace?.problems ?? []} readOnly={workspace?.readOnly ?? false} />
          {view === 'entities' ? (
            <EntitiesView
              undoStack={undoStack}
              onEntitiesChanged={entitiesChanged}
              onOpenPassage={(articleId, target) =>
                'highlightId' in target
                  ? openPassage(articleId, target.highlightId)
                  : openRange(articleId, target)
              }
            />
          ) : view === 'briefs' ? (
            <BriefsView
              codes={codebook.codes}
              undoStack={undoStack}
              openId={briefToOpen}
              onOpenPassage={openPassage}
            />
          ) : view === 'highlights' ? (
            <HighlightsBrowser onOpenPassage={openPassage} />
          ) : (
            <ReaderPane
              openId={openId}
              open={open}
              actions={actions}
              articleActions={articleActions}
              codebook={codebook}
              hasArticles={library.articles.length > 0}
              focusedId={focusedId}
              onFocus={setFocusedId}
              fromSearch={searchWords}
            />
          )}
        </AppShell.Main>

        <AppShell.Aside role="region" aria-label="Inspector">
          <InspectorPane
            view={inspectorView}
            loading={openId !== null && !inspectorView && !open.error}
            actions={actions}
            codebook={codebook}
            focusedId={focusedId}
            onFocus={setFocusedId}
            onEditCodebook={() => setCodebookOpen(true)}
            onReviewSuggestions={(accept, ids) => void reviewOpenSuggestions(accept, ids)}
            onTagAll={(entity) =>
              inspectorView && setTagAllIn({ entity, articleId: inspectorView.article.id })
            }
            onNeverSuggest={(form, entity) => void neverSuggest(undoStack, form, entity, entitiesChanged)}
          />
        </AppShell.Aside>

        <ImportFileInput ref={fileInput} onFiles={(files) => runImport(batchFromFiles(files))} />
        <DropOverlay visible={dragging} />
        {tagAllIn && (
          <OccurrencesModal
            entity={tagAllIn.entity}
            articleId={tagAllIn.articleId}
            undoStack={undoStack}
            onClose={() => setTagAllIn(null)}
            onChanged={entitiesChanged}
          />
        )}
        <ShortcutsModal opened={helpOpen} onClose={() => setHelpOpen(false)} />
        <CodebookModal opened={codebookOpen} onClose={() => setCodebookOpen(false)} codebook={codebook} />
        <CommandPalette
          state={{
            readOnly: workspace?.readOnly ?? false,
            canExport,
            reading: Boolean(open.view) && view === 'reader',
            hasArticle: Boolean(open.view),
            allHighlights: view === 'highlights',
            dark: scheme === 'dark',
            libraryOpen,
            inspectorOpen,
            codes: codebook.codes,
          }}
          on={{
            importFiles: () => void chooseFiles(),
            exportOpen,
            undo: () => void undoStack.undo(),
            redo: () => void undoStack.redo(),
            search: focusSearch,
            toggleView: () => setView(view === 'highlights' ? 'reader' : 'highlights'),
            editCodebook: () => setCodebookOpen(true),
            reextract: () => void reextractOpen(),
            toggleScheme: () => setColorScheme(scheme === 'dark' ? 'light' : 'dark'),
            help: () => setHelpOpen(true),
            toggleLibrary: () => setLibraryShown(!libraryOpen),
            toggleInspector: () => setInspectorShown(!inspectorOpen),
          }}
        />
      </AppShell>
    </AddToBriefProvider>
  )
}
