// Changes to an article itself rather than its annotations: its details, its trimmed passages, and
// removing it. Each goes on the shared undo stack with its inverse.
import { useEffect, useMemo, useRef } from 'react'
import type { Article, ArticleSummary } from '../../shared/model'
import { dossier } from '../api/client'
import type { ArticleDetails } from '../reader/article-details'
import { notifyError } from './notify'
import { pushRemoval } from './push-removal'
import type { UndoStack } from './useUndoStack'

export interface ArticleActions {
  setTrimmed(articleId: string, block: number, trimmed: boolean): Promise<boolean>
  /** Saves the changed details. Throws the service's error, so the form can show it where it happened. */
  updateDetails(articleId: string, before: ArticleDetails, changes: Partial<ArticleDetails>): Promise<void>
  removeArticle(articleId: string, title: string): Promise<boolean>
}

export interface ArticleChangeEvents {
  /** The open article changed: `change` patches it in place. */
  onPatch(articleId: string, change: (article: Article) => Article): void
  /** An article's Library row changed. */
  onSummary(summary: ArticleSummary): void
  /** An article left or came back to the Library. */
  onListChanged(): void
}

function detailsLabel(changes: Partial<ArticleDetails>): string {
  const keys = Object.keys(changes)
  return keys.length === 1 && keys[0] === 'title' ? 'Title changed' : 'Details edited'
}

export function useArticleActions(stack: UndoStack, events: ArticleChangeEvents): ArticleActions {
  const eventsRef = useRef(events)

  useEffect(() => {
    eventsRef.current = events
  })

  return useMemo(() => {
    const changed = (articleId: string, summary: ArticleSummary, change: (article: Article) => Article) => {
      eventsRef.current.onSummary(summary)
      eventsRef.current.onPatch(articleId, change)
    }
    const listChanged = () => eventsRef.current.onListChanged()

    const trim = (articleId: string, block: number, trimmed: boolean) => async () => {
      const summary = await dossier.articles.setTrimmed({ id: articleId, block, trimmed })
      changed(articleId, summary, (article) => ({
        ...article,
        blocks: article.blocks.map((b, i) => (i === block ? { ...b, trimmed } : b)),
      }))
    }
    const update = (articleId: string, fields: Partial<ArticleDetails>) => async () => {
      const summary = await dossier.articles.update({ id: articleId, ...fields })
      // Empty fields are cleared by the services; the row and the view follow them.
      changed(articleId, summary, (article) => {
        const next: Article = { ...article }
        for (const [key, value] of Object.entries(fields) as [keyof ArticleDetails, string][])
          (next as Record<string, unknown>)[key] = value === '' ? undefined : value
        return next
      })
    }
    const remove = (articleId: string) => async () => {
      await dossier.articles.remove({ id: articleId })
      listChanged()
    }
    const restore = (articleId: string) => async () => {
      await dossier.articles.restore({ id: articleId })
      listChanged()
    }

    return {
      async setTrimmed(articleId, block, trimmed) {
        try {
          await trim(articleId, block, trimmed)()
        } catch (error) {
          notifyError(error, trimmed ? 'Could not trim the passage' : 'Could not restore the passage')
          return false
        }
        stack.push({
          label: trimmed ? 'Passage trimmed' : 'Passage restored',
          undo: trim(articleId, block, !trimmed),
          redo: trim(articleId, block, trimmed),
        })
        return true
      },

      async updateDetails(articleId, before, changes) {
        if (Object.keys(changes).length === 0) return
        await update(articleId, changes)()
        const previous: Partial<ArticleDetails> = {}
        for (const key of Object.keys(changes) as (keyof ArticleDetails)[]) previous[key] = before[key]
        stack.push({
          label: detailsLabel(changes),
          undo: update(articleId, previous),
          redo: update(articleId, changes),
        })
      },

      async removeArticle(articleId, title) {
        try {
          await remove(articleId)()
        } catch (error) {
          notifyError(error, 'Could not remove the article')
          return false
        }
        pushRemoval(stack, `“${title}” removed from the library`, {
          label: 'Article removed',
          undo: restore(articleId),
          redo: remove(articleId),
        })
        return true
      },
    }
  }, [stack])
}
