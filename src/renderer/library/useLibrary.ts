// The Library's rows from the services, newest import first, with a refresh that callers can await.
import { useCallback, useEffect, useState } from 'react'
import { dossier } from '../api/client'
import type { ArticleSummary } from '../../shared/model'
import { notifyError } from '../app/notify'
import { newestFirst } from './filter-articles'

export interface Library {
  articles: ArticleSummary[]
  loaded: boolean
  refresh(): Promise<ArticleSummary[]>
  /** Replaces one row in place with what the services returned after a change. */
  patch(summary: ArticleSummary): void
}

export function useLibrary(): Library {
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const [loaded, setLoaded] = useState(false)

  const refresh = useCallback(async () => {
    try {
      const list = newestFirst(await dossier.articles.list())
      setArticles(list)
      return list
    } catch (error) {
      notifyError(error, 'Could not read the library')
      return []
    } finally {
      setLoaded(true)
    }
  }, [])

  useEffect(() => {
    let live = true
    dossier.articles.list().then(
      (list) => {
        if (!live) return
        setArticles(newestFirst(list))
        setLoaded(true)
      },
      (error: unknown) => {
        if (!live) return
        notifyError(error, 'Could not read the library')
        setLoaded(true)
      },
    )
    return () => {
      live = false
    }
  }, [])

  const patch = useCallback((summary: ArticleSummary) => {
    setArticles((list) => {
      const at = list.findIndex((a) => a.id === summary.id)
      if (at < 0) return list
      const next = [...list]
      next[at] = summary
      return next
    })
  }, [])

  return { articles, loaded, refresh, patch }
}
