// The main pane: the open article as clean text with its marks painted over it, the selection toolbar,
// the reading keys (J/K sentences, [ ] paragraphs, Shift to extend, H highlight, T tag, 1–9 codes,
// N next highlight), the "Tag entity" and "Edit article details" dialogs, and trimmed passages on
// request. The article's direction and language go on its container, so Hebrew or Arabic reads right to left.
import { Alert, Center, Loader } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { startTransition, useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react'
import type { Code, Highlight } from '../../shared/model'
import { hasAnyModifier, hasMod, isDialogOpen, isTypingTarget } from '../app/keyboard'
import type { AnnotationActions, MentionTarget } from '../app/useAnnotationActions'
import type { ArticleActions } from '../app/useArticleActions'
import { useAddToBrief } from '../brief/AddToBrief'
import type { Codebook } from '../codes/useCodebook'
import { codeLayer } from '../codes/code-styles'
import { ArticleBody } from './ArticleBody'
import { ArticleHeader } from './ArticleHeader'
import { EditDetailsModal } from './EditDetailsModal'
import { FindBar } from './FindBar'
import classes from './Reader.module.css'
import { ReaderWelcome } from './ReaderWelcome'
import { moveCursor, ReadingCursor, type Unit } from './reading-cursor'
import { revealInReader } from './reveal'
import { selectionOffsets } from './selection-offsets'
import { SelectionToolbar } from './SelectionToolbar'
import { countTrimmed, hasMarksIn, renderedBlocks, repeatedTitle } from './segments'
import { TagEntityDialog } from './TagEntityDialog'
import { quoteOf, type TextRange } from './text-range'
import { TrimmedToggle } from './TrimmedToggle'
import type { OpenArticle } from './useArticleView'
import { useReaderMarks } from './useReaderMarks'
import { useFind, type LibrarySearchHits } from './useFind'
import { useReaderSelection } from './useReaderSelection'
import { useReadingPlace } from './useReadingPlace'
import { useTrimmedView } from './useTrimmedView'

interface ReaderPaneProps {
  openId: string | null
  open: OpenArticle
  actions: AnnotationActions
  articleActions: ArticleActions
  codebook: Codebook
  hasArticles: boolean
  /** The highlight the keys act on when nothing is selected; shown in the inspector too. */
  focusedId: string | null
  onFocus: (id: string | null) => void
  /** The library search the open article was opened from: its hits are marked and stepped through. */
  fromSearch?: LibrarySearchHits
}

function clearSelection() {
  document.getSelection()?.removeAllRanges()
}

/** Digit keys 1–9, by their physical key so layouts with shifted digits work too. */
function digitOf(event: KeyboardEvent): number | null {
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code)
  return match ? Number(match[1]) : null
}

export function ReaderPane(props: ReaderPaneProps) {
  const { openId, open, actions, articleActions, codebook, hasArticles, focusedId, onFocus } = props
  const root = useRef<HTMLElement>(null)
  const article = open.view?.article
  const entities = open.view?.entities
  const selection = useReaderSelection(root, article?.text)
  const [tagging, setTagging] = useState<TextRange | null>(null)
  const [editing, setEditing] = useState(false)
  const [penId, setPenId] = useState<string | null>(null)
  const addToBrief = useAddToBrief()
  const trimmedView = useTrimmedView(article?.id)
  const { noteRestored, show: showTrimmed } = trimmedView
  const marks = useReaderMarks(root, article, entities ?? [], codebook.byId, showTrimmed)
  useReadingPlace(openId, root, marks)
  const find = useFind(article, marks, trimmedView.shown, props.fromSearch)
  const cursorState = useRef<{ anchor: number; focus: number } | null>(null)

  const pen: Code | undefined = (penId ? codebook.byId.get(penId) : undefined) ?? codebook.codes[0]

  const setTrimmedNow = useRef<(index: number, trimmed: boolean) => void>(() => {})
  useEffect(() => {
    setTrimmedNow.current = (index, trimmed) => {
      if (!article) return
      void articleActions.setTrimmed(article.id, index, trimmed).then((ok) => {
        if (ok) noteRestored(index, !trimmed)
      })
    }
  })
  // Stable, so the memoised body does not re-render for it.
  const onSetTrimmed = useCallback(
    (index: number, trimmed: boolean) => setTrimmedNow.current(index, trimmed),
    [],
  )

  // A first heading that repeats the title stays when something is anchored in it.
  const titleHeading = article ? repeatedTitle(article) : undefined
  const keepTitleHeading = Boolean(article && titleHeading && hasMarksIn(article, titleHeading))

  // Made on the first J, K, [ or ], not while the article opens.
  const text = article?.text
  const blocks = article?.blocks
  const title = article?.title ?? ''
  const inline = article?.inline
  const language = article?.language
  const trimmedShown = trimmedView.shown
  const cursorOf = useMemo(() => {
    if (text === undefined || !blocks) return () => null
    let made: ReadingCursor | undefined
    return () => {
      made ??= new ReadingCursor(
        text,
        renderedBlocks({ title, text, blocks, inline }, { showTrimmed: trimmedShown, keepTitleHeading }),
        language,
      )
      return made
    }
  }, [text, blocks, title, inline, language, trimmedShown, keepTitleHeading])

  /** Highlights the range (or finds the highlight already on it); the highlight's id, or undefined. */
  async function highlight(range: TextRange, code: Code | undefined = pen): Promise<string | undefined> {
    if (!article) return
    const same = article.highlights.find(
      (h) => h.target.position.start === range.start && h.target.position.end === range.end,
    )
    if (same) {
      // Already highlighted: a code key recodes it, H shows it instead of stacking a second mark.
      clearSelection()
      onFocus(same.id)
      if (code && code.id !== same.codeId) void actions.setHighlightCode(article.id, same, code.id)
      else revealInReader({ highlightId: same.id })
      return same.id
    }
    // Painted at once, in the frame after the key press; the saved highlight takes its place.
    if (!marks.showPending(range.start, range.end, code ? codeLayer(code.id) : 'code-unknown')) return
    clearSelection()
    cursorState.current = null
    const created = await actions.createHighlight(article.id, range, code?.id)
    if (!created) {
      marks.dropPending(range.start, range.end)
      // The selection comes back, so the analyst can try again.
      select({ anchor: range.start, focus: range.end })
      return
    }
    startTransition(() => {
      if (code) setPenId(code.id)
      onFocus(created.id)
    })
    return created.id
  }

  /** B: the selection, highlighted if it is not yet, or the focused highlight, goes into a brief. */
  async function addToBriefFrom(range: TextRange | null, focused: Highlight | undefined) {
    if (!article) return
    const highlightId = range ? await highlight(range) : focused?.id
    if (highlightId) addToBrief([{ articleId: article.id, highlightId }])
  }

  async function tag(target: MentionTarget): Promise<boolean> {
    if (!article || !tagging) return false
    const ok = await actions.createMention(article.id, tagging, target)
    if (ok) {
      setTagging(null)
      clearSelection()
    }
    return ok
  }

  /** Puts the DOM selection on [anchor, focus] of the canonical text and keeps it in view. */
  function select(next: { anchor: number; focus: number }) {
    const painter = marks.painter()
    const low = Math.min(next.anchor, next.focus)
    const high = Math.max(next.anchor, next.focus)
    const range = painter?.range(low, high)
    const selected = document.getSelection()
    if (!selected) return
    cursorState.current = next
    if (!range || high === low) {
      selected.removeAllRanges()
      return
    }
    selected.removeAllRanges()
    selected.addRange(range)
    const box = range.getBoundingClientRect()
    if (box.top < 80 || box.bottom > window.innerHeight - 40)
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' })
  }

  /** Where the cursor is: the selection the keys made, else the DOM selection, else the top of the view. */
  function currentCursor(): { anchor: number; focus: number } | null {
    if (!article) return null
    const range = selectionOffsets(document.getSelection(), root.current, article.text)
    const made = cursorState.current
    if (
      range &&
      made &&
      Math.min(made.anchor, made.focus) <= range.start + 1 &&
      Math.max(made.anchor, made.focus) >= range.end - 1
    )
      return made
    if (range) return { anchor: range.start, focus: range.end }
    const focused = focusedId ? article.highlights.find((h) => h.id === focusedId) : undefined
    if (focused) return { anchor: focused.target.position.start, focus: focused.target.position.end }
    return null
  }

  function topOfView(): number {
    const box = root.current?.getBoundingClientRect()
    const x = box ? box.left + Math.min(box.width / 2, 120) : 200
    for (const y of [120, 200, 320]) {
      const offset = marks.offsetAt(x, y)
      if (offset !== null) return offset
    }
    return 0
  }

  function moveBy(unit: Unit, direction: 1 | -1, extend: boolean) {
    const cursor = cursorOf()
    if (!cursor) return
    const next = moveCursor(cursor, unit, direction, currentCursor(), topOfView(), extend)
    if (next) select(next)
  }

  function nextHighlight(direction: 1 | -1) {
    if (!article || article.highlights.length === 0) return
    const list = article.highlights
    const here = currentCursor()
    const from = here ? Math.min(here.anchor, here.focus) : topOfView()
    const focused = focusedId ? list.findIndex((h) => h.id === focusedId) : -1
    let target: Highlight | undefined
    if (focused >= 0) target = list[(focused + direction + list.length) % list.length]
    else if (direction === 1) target = list.find((h) => h.target.position.start > from) ?? list[0]
    else target = [...list].reverse().find((h) => h.target.position.start < from) ?? list[list.length - 1]
    if (!target) return
    clearSelection()
    cursorState.current = null
    onFocus(target.id)
    revealInReader({ highlightId: target.id })
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (hasMod(event) && !event.shiftKey && !event.altKey && event.code === 'KeyF') {
      if (!article || isDialogOpen()) return
      event.preventDefault()
      find.show()
      return
    }
    if (event.key === 'F3' && find.open) {
      event.preventDefault()
      find.step(event.shiftKey ? -1 : 1)
      return
    }
    if (hasMod(event) && event.shiftKey && !event.altKey && event.code === 'KeyD') {
      if (!article || isDialogOpen()) return
      event.preventDefault()
      setEditing(true)
      return
    }
    // A list that handled the key itself (the library's j/k) keeps it.
    if (event.defaultPrevented) return
    if (hasAnyModifier(event) || isTypingTarget(event.target) || isDialogOpen() || !article) return
    const key = event.key.toLowerCase()
    const act = (work: () => void) => {
      event.preventDefault()
      work()
    }
    if (event.code === 'KeyJ') return act(() => moveBy('sentence', 1, event.shiftKey))
    if (event.code === 'KeyK') return act(() => moveBy('sentence', -1, event.shiftKey))
    if (event.code === 'BracketRight') return act(() => moveBy('paragraph', 1, event.shiftKey))
    if (event.code === 'BracketLeft') return act(() => moveBy('paragraph', -1, event.shiftKey))
    if (event.code === 'KeyN') return act(() => nextHighlight(event.shiftKey ? -1 : 1))

    // Read now rather than from state: a key pressed right after selecting must not miss the selection.
    const range = selectionOffsets(document.getSelection(), root.current, article.text)
    const focused = focusedId ? article.highlights.find((h) => h.id === focusedId) : undefined
    const digit = digitOf(event)
    if (digit !== null) {
      const code = codebook.codes[digit - 1]
      if (!code) return
      if (range) return act(() => void highlight(range, code))
      if (focused && focused.codeId !== code.id)
        return act(
          () => void actions.setHighlightCode(article.id, focused, code.id).then(() => setPenId(code.id)),
        )
      return
    }
    if (event.shiftKey) return
    if (key === 'escape' && (range || focused)) return act(() => (range ? clearSelection() : onFocus(null)))
    if (!range && focused && (key === 'delete' || key === 'backspace'))
      return act(() => {
        onFocus(null)
        void actions.removeHighlight(article.id, focused)
      })
    if (key === 'b' && (range || focused)) return act(() => void addToBriefFrom(range, focused))
    if (!range) return
    if (key === 'h') return act(() => void highlight(range))
    if (key === 't') return act(() => setTagging(range))
  })

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  // A click on highlighted text (not a drag that selects) focuses that highlight.
  function onClick(event: React.MouseEvent) {
    if (!article || !document.getSelection()?.isCollapsed) return
    const offset = marks.offsetAt(event.clientX, event.clientY)
    if (offset === null) return
    const ids = marks.painter()?.at('highlights', offset) ?? []
    onFocus(ids.length > 0 ? ids[ids.length - 1]! : null)
  }

  // Names of tagged entities as a tooltip under the pointer.
  const hoverFrame = useRef(0)
  function onPointerMove(event: React.PointerEvent) {
    const { clientX, clientY } = event
    cancelAnimationFrame(hoverFrame.current)
    hoverFrame.current = requestAnimationFrame(() => {
      const element = root.current
      if (!element || !open.view) return
      const offset = marks.offsetAt(clientX, clientY)
      const ids = offset === null ? [] : (marks.painter()?.at('mentions', offset) ?? [])
      const names = ids.flatMap((id) => {
        const mention = open.view!.article.mentions.find((m) => m.id === id)
        const entity = mention && open.view!.entities.find((e) => e.id === mention.entityId)
        return entity ? [`${entity.type}: ${entity.name}`] : []
      })
      const title = names.join('\n')
      if (element.title !== title) element.title = title
    })
  }

  useEffect(() => {
    const painter = marks.painter()
    if (!painter || !article) return
    const focused = focusedId ? article.highlights.find((h) => h.id === focusedId) : undefined
    painter.set(
      'focus',
      focused
        ? [
            {
              id: 'focus',
              start: focused.target.position.start,
              end: focused.target.position.end,
              layer: 'focus',
            },
          ]
        : [],
    )
  }, [focusedId, article, marks, marks.complete])

  // An article opened from the library takes the keyboard, so J, K and H work at once.
  const articleId = article?.id
  useEffect(() => {
    if (!articleId) return
    const active = document.activeElement
    if (active === document.body || active?.closest('ul[aria-label="Library"]'))
      root.current?.focus({ preventScroll: true })
  }, [articleId])

  if (!openId) return <ReaderWelcome hasArticles={hasArticles} />
  if (open.error) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title="This article could not be opened" m="xl">
        {open.error}
      </Alert>
    )
  }
  if (!open.view || !article) {
    return (
      <Center mt={120}>
        <Loader type="dots" aria-label="Opening the article" />
      </Center>
    )
  }

  const trimmed = countTrimmed(article)
  return (
    <>
      {find.open && (
        <FindBar
          inputRef={find.inputRef}
          text={find.text}
          fromLibrary={find.fromLibrary}
          count={find.count}
          index={find.index}
          onText={find.setText}
          onStep={find.step}
          onSelectSentence={() => {
            const sentence = find.current && cursorOf()?.at('sentence', find.current[0])
            if (!sentence) return
            root.current?.focus({ preventScroll: true })
            select({ anchor: sentence.start, focus: sentence.end })
          }}
          onClose={() => {
            find.close()
            root.current?.focus({ preventScroll: true })
          }}
        />
      )}
      <article
        ref={root}
        data-testid="reader"
        data-rendered={marks.complete ? 'complete' : 'partial'}
        tabIndex={-1}
        aria-label="Article"
        className={classes.article}
        lang={article.language || undefined}
        dir={article.direction ?? 'auto'}
        onClick={onClick}
        onPointerMove={onPointerMove}
      >
        <ArticleHeader article={article} onEdit={() => setEditing(true)} />
        <ArticleBody
          title={article.title}
          text={article.text}
          blocks={article.blocks}
          inline={article.inline}
          keepTitleHeading={keepTitleHeading}
          showTrimmed={trimmedView.shown}
          restored={trimmedView.restored}
          onSetTrimmed={onSetTrimmed}
          onRendered={marks.onRendered}
        />
        {(trimmed > 0 || trimmedView.shown) && (
          <TrimmedToggle count={trimmed} shown={trimmedView.shown} onToggle={trimmedView.toggle} />
        )}
      </article>
      {selection && !tagging && (
        <SelectionToolbar
          selection={selection}
          codes={codebook.codes}
          pen={pen}
          onHighlight={(code) => void highlight(selection.range, code)}
          onTag={() => setTagging(selection.range)}
          onAddToBrief={() => void addToBriefFrom(selection.range, undefined)}
        />
      )}
      <TagEntityDialog
        range={tagging}
        quote={tagging ? quoteOf(article.text, tagging) : ''}
        onTag={tag}
        onClose={() => setTagging(null)}
      />
      <EditDetailsModal
        article={article}
        opened={editing}
        onSave={(before, changes) => articleActions.updateDetails(article.id, before, changes)}
        onClose={() => setEditing(false)}
      />
    </>
  )
}
