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

  return { articles, loaded, refresh }
}
