// The Library's rows from the services, newest import first, with a refresh that callers can await.
import { useCallback, useEffect, useState } from 'react'
import { dossier } from '../api/client'
import type { ArticleSummary } from '../../shared/model'
import { notifyError } from '../app/notify'
import { newestFirst } from './filter-articles'

export interface Library {
  articles: ArticleSummary[]
  loaded: boolean
  /** Goes up with every change to the library, so searches over it are asked again. */
  version: number
  refresh(): Promise<ArticleSummary[]>
  /** Replaces rows in place with what the services returned after a change. */
  patch(...summaries: ArticleSummary[]): void
}

export function useLibrary(): Library {
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const [loaded, setLoaded] = useState(false)
  const [version, setVersion] = useState(0)

  const refresh = useCallback(async () => {
    try {
      const list = newestFirst(await dossier.articles.list())
      setArticles(list)
      setVersion((v) => v + 1)
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

  const patch = useCallback((...summaries: ArticleSummary[]) => {
    const changed = new Map(summaries.map((s) => [s.id, s]))
    setArticles((list) => list.map((a) => changed.get(a.id) ?? a))
    setVersion((v) => v + 1)
  }, [])

  return { articles, loaded, version, refresh, patch }
}
