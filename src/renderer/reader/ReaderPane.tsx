// The main pane: the open article as clean text, with the selection toolbar, the H and T keys and the
// "Tag entity" dialog.
import { Alert, Center, Loader } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useEffectEvent, useRef, useState } from 'react'
import type { EntityType } from '../../shared/model'
import { hasAnyModifier, isDialogOpen, isTypingTarget } from '../app/keyboard'
import type { AnnotationActions, MentionTarget } from '../app/useAnnotationActions'
import { ArticleBody } from './ArticleBody'
import { ArticleHeader } from './ArticleHeader'
import classes from './Reader.module.css'
import { ReaderWelcome } from './ReaderWelcome'
import { highlightSelector, revealInReader } from './reveal'
import { selectionOffsets } from './selection-offsets'
import { SelectionToolbar } from './SelectionToolbar'
import { TagEntityDialog } from './TagEntityDialog'
import { quoteOf, type TextRange } from './text-range'
import type { OpenArticle } from './useArticleView'
import { useReaderSelection } from './useReaderSelection'

interface ReaderPaneProps {
  openId: string | null
  open: OpenArticle
  actions: AnnotationActions
  hasArticles: boolean
}

function clearSelection() {
  document.getSelection()?.removeAllRanges()
}

export function ReaderPane({ openId, open, actions, hasArticles }: ReaderPaneProps) {
  const root = useRef<HTMLElement>(null)
  const article = open.view?.article
  const selection = useReaderSelection(root, article?.text)
  const [tagging, setTagging] = useState<TextRange | null>(null)
  const [lastType, setLastType] = useState<EntityType>('Person')
  const [busy, setBusy] = useState(false)

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

  return (
    <>
      <article
        ref={root}
        data-testid="reader"
        className={classes.article}
        lang={article.language || undefined}
      >
        <ArticleHeader article={article} />
        <ArticleBody article={article} entities={open.view.entities} />
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
    </>
  )
}
