// The main pane: the open article as clean text, with the selection toolbar, the H and T keys, the
// "Tag entity" and "Edit article details" dialogs, and its trimmed passages on request. The article's
// direction and language go on its container, so Hebrew or Arabic reads right to left.
import { Alert, Center, Loader } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react'
import type { EntityType } from '../../shared/model'
import { hasAnyModifier, hasMod, isDialogOpen, isTypingTarget } from '../app/keyboard'
import type { AnnotationActions, MentionTarget } from '../app/useAnnotationActions'
import type { ArticleActions } from '../app/useArticleActions'
import { ArticleBody } from './ArticleBody'
import { ArticleHeader } from './ArticleHeader'
import { EditDetailsModal } from './EditDetailsModal'
import classes from './Reader.module.css'
import { ReaderWelcome } from './ReaderWelcome'
import { highlightSelector, revealInReader, SHOW_TRIMMED_EVENT } from './reveal'
import { selectionOffsets } from './selection-offsets'
import { SelectionToolbar } from './SelectionToolbar'
import { countTrimmed } from './segments'
import { TagEntityDialog } from './TagEntityDialog'
import { quoteOf, type TextRange } from './text-range'
import { TrimmedToggle } from './TrimmedToggle'
import type { OpenArticle } from './useArticleView'
import { useReaderSelection } from './useReaderSelection'
import { useTrimmedView } from './useTrimmedView'

interface ReaderPaneProps {
  openId: string | null
  open: OpenArticle
  actions: AnnotationActions
  articleActions: ArticleActions
  hasArticles: boolean
}

function clearSelection() {
  document.getSelection()?.removeAllRanges()
}

export function ReaderPane({ openId, open, actions, articleActions, hasArticles }: ReaderPaneProps) {
  const root = useRef<HTMLElement>(null)
  const article = open.view?.article
  const selection = useReaderSelection(root, article?.text)
  const [tagging, setTagging] = useState<TextRange | null>(null)
  const [lastType, setLastType] = useState<EntityType>('Person')
  const [busy, setBusy] = useState(false)
  const [editing, setEditing] = useState(false)
  const trimmedView = useTrimmedView(article?.id)
  const { noteRestored, show: showTrimmed } = trimmedView

  // The inspector asks for this when the mark it reveals sits in a hidden trimmed passage.
  useEffect(() => {
    window.addEventListener(SHOW_TRIMMED_EVENT, showTrimmed)
    return () => window.removeEventListener(SHOW_TRIMMED_EVENT, showTrimmed)
  }, [showTrimmed])

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

  async function highlight(range: TextRange) {
    if (!article || busy) return
    const same = article.highlights.find(
      (h) => h.target.position.start === range.start && h.target.position.end === range.end,
    )
    if (same) {
      // Already highlighted: show it instead of stacking a second identical mark.
      clearSelection()
      revealInReader(highlightSelector(same.id))
      return
    }
    setBusy(true)
    const ok = await actions.createHighlight(article.id, range)
    setBusy(false)
    if (ok) clearSelection()
  }

  async function tag(target: MentionTarget): Promise<boolean> {
    if (!article || !tagging) return false
    const ok = await actions.createMention(article.id, tagging, target)
    if (ok) {
      setLastType(target.type)
      setTagging(null)
      clearSelection()
    }
    return ok
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (hasMod(event) && event.shiftKey && !event.altKey && event.code === 'KeyD') {
      if (!article || isDialogOpen()) return
      event.preventDefault()
      setEditing(true)
      return
    }
    if (hasAnyModifier(event) || isTypingTarget(event.target) || isDialogOpen()) return
    const key = event.key.toLowerCase()
    if (!article || event.shiftKey || !['h', 't', 'escape'].includes(key)) return
    // Read now rather than from state: a key pressed right after selecting must not miss the selection.
    const range = selectionOffsets(document.getSelection(), root.current, article.text)
    if (!range) return
    event.preventDefault()
    if (key === 'escape') clearSelection()
    else if (key === 'h') void highlight(range)
    else setTagging(range)
  })

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

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
      <article
        ref={root}
        data-testid="reader"
        className={classes.article}
        lang={article.language || undefined}
        dir={article.direction ?? 'auto'}
      >
        <ArticleHeader article={article} onEdit={() => setEditing(true)} />
        <ArticleBody
          article={article}
          entities={open.view.entities}
          showTrimmed={trimmedView.shown}
          restored={trimmedView.restored}
          onSetTrimmed={onSetTrimmed}
        />
        {(trimmed > 0 || trimmedView.shown) && (
          <TrimmedToggle count={trimmed} shown={trimmedView.shown} onToggle={trimmedView.toggle} />
        )}
      </article>
      {selection && !tagging && (
        <SelectionToolbar
          selection={selection}
          busy={busy}
          onHighlight={() => void highlight(selection.range)}
          onTag={() => setTagging(selection.range)}
        />
      )}
      <TagEntityDialog
        range={tagging}
        quote={tagging ? quoteOf(article.text, tagging) : ''}
        initialType={lastType}
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
