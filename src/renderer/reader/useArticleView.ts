// Loads the open article with its entities, and reloads it in place after an annotation changes.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleView } from '../../shared/api'
import { dossier, errorMessage } from '../api/client'
import { notifyError } from '../app/notify'

interface Loaded {
  id: string
  view?: ArticleView
  error?: string
}

export interface OpenArticle {
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

  const mine = loaded && loaded.id === id ? loaded : undefined
  return { view: mine?.view, error: mine?.error, loading: id !== null && !mine, reload }
}
