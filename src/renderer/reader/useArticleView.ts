// Loads the open article with its entities, and patches it in place with the changes the services
// return, so a highlight or a tag never fetches the article again.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ArticleView } from '../../shared/api'
import type { Article, Entity, Highlight, Mention } from '../../shared/model'
import { dossier, errorMessage } from '../api/client'
import { notifyError } from '../app/notify'
import { withItem, withoutItem } from './article-patch'

interface Loaded {
  id: string
  view?: ArticleView
  error?: string
}

export interface ArticlePatches {
  putHighlight(articleId: string, highlight: Highlight): void
  dropHighlight(articleId: string, id: string): void
  putMention(articleId: string, mention: Mention, entity: Entity): void
  dropMention(articleId: string, id: string): void
  /** Fields the analyst edited, or a block's trimmed state. */
  patchArticle(articleId: string, change: (article: Article) => Article): void
}

export interface OpenArticle extends ArticlePatches {
  view: ArticleView | undefined
  loading: boolean
  error: string | undefined
  reload(): Promise<void>
}

export function useArticleView(id: string | null): OpenArticle {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const current = useRef(id)

  useEffect(() => {
    current.current = id
    if (!id) return
    let live = true
    dossier.articles.get({ id }).then(
      (view) => live && setLoaded({ id, view }),
      (error: unknown) => live && setLoaded({ id, error: errorMessage(error) }),
    )
    return () => {
      live = false
    }
  }, [id])

  const reload = useCallback(async () => {
    const wanted = current.current
    if (!wanted) return
    try {
      const view = await dossier.articles.get({ id: wanted })
      if (current.current === wanted) setLoaded({ id: wanted, view })
    } catch (error) {
      notifyError(error, 'Could not reload the article')
    }
  }, [])

  const patches = useMemo((): ArticlePatches => {
    const patch = (articleId: string, change: (view: ArticleView) => ArticleView) =>
      setLoaded((state) =>
        state?.view && state.id === articleId ? { ...state, view: change(state.view) } : state,
      )
    return {
      putHighlight: (articleId, highlight) =>
        patch(articleId, (view) => ({
          ...view,
          article: { ...view.article, highlights: withItem(view.article.highlights, highlight) },
        })),
      dropHighlight: (articleId, highlightId) =>
        patch(articleId, (view) => ({
          ...view,
          article: { ...view.article, highlights: withoutItem(view.article.highlights, highlightId) },
        })),
      putMention: (articleId, mention, entity) =>
        patch(articleId, (view) => ({
          article: { ...view.article, mentions: withItem(view.article.mentions, mention) },
          entities: [...view.entities.filter((e) => e.id !== entity.id), entity],
        })),
      dropMention: (articleId, mentionId) =>
        patch(articleId, (view) => {
          const mentions = withoutItem(view.article.mentions, mentionId)
          const used = new Set(mentions.map((m) => m.entityId))
          return {
            article: { ...view.article, mentions },
            entities: view.entities.filter((e) => used.has(e.id)),
          }
        }),
      patchArticle: (articleId, change) =>
        patch(articleId, (view) => ({ ...view, article: change(view.article) })),
    }
  }, [])

  const mine = loaded && loaded.id === id ? loaded : undefined
  return { view: mine?.view, error: mine?.error, loading: id !== null && !mine, reload, ...patches }
}
