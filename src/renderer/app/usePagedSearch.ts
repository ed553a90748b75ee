// A search whose answer is paged: asked again whenever the query (or `version`) changes, an answer that
// comes after a newer question dropped, more rows paged in on demand, and the previous rows kept on screen
// until the new ones arrive. The library and the All highlights list both read their rows this way.
import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../api/client'

export interface SearchPage<Row, Facets> {
  rows: Row[]
  total: number
  facets: Facets
  warning?: string
}

export interface PagedSearch<Row, Facets, Query> {
  rows: Row[]
  total: number
  facets: Facets
  warning: string | undefined
  /** False until the first answer. */
  loaded: boolean
  error: string | undefined
  /** The query the rows on screen answer. */
  answered: Query | undefined
  loadMore(): void
}

interface Answer<Row, Facets> extends SearchPage<Row, Facets> {
  key: string
  error?: string
}

/** `ask` is called with the query and the page wanted; `version` asks again for the same query. */
export function usePagedSearch<Query extends object, Row, Facets>(
  ask: (query: Query & { offset: number; limit: number }) => Promise<SearchPage<Row, Facets>>,
  query: Query,
  options: { pageSize: number; noFacets: Facets; version?: number },
): PagedSearch<Row, Facets, Query> {
  const { pageSize, noFacets, version = 0 } = options
  const key = JSON.stringify(query)
  const [answer, setAnswer] = useState<Answer<Row, Facets> | null>(null)
  const loadingMore = useRef(false)
  // The caller's function may be a new one at each render; the latest is the one to call.
  const asking = useRef(ask)
  useEffect(() => {
    asking.current = ask
  })

  useEffect(() => {
    let live = true
    const asked = JSON.parse(key) as Query
    asking.current({ ...asked, offset: 0, limit: pageSize }).then(
      (result) => live && setAnswer({ key, ...result }),
      (error: unknown) =>
        live && setAnswer({ key, rows: [], total: 0, facets: noFacets, error: errorMessage(error) }),
    )
    return () => {
      live = false
    }
    // `key` stands for the query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version, pageSize])

  const loadMore = useCallback(() => {
    if (!answer || answer.key !== key || loadingMore.current || answer.rows.length >= answer.total) return
    loadingMore.current = true
    const asked = JSON.parse(key) as Query
    asking
      .current({ ...asked, offset: answer.rows.length, limit: pageSize })
      .then(
        (result) =>
          setAnswer((current) =>
            current && current.key === key && current.rows.length === answer.rows.length
              ? { ...current, rows: [...current.rows, ...result.rows], total: result.total }
              : current,
          ),
        () => {},
      )
      .finally(() => (loadingMore.current = false))
  }, [answer, key, pageSize])

  return {
    rows: answer?.rows ?? [],
    total: answer?.total ?? 0,
    facets: answer?.facets ?? noFacets,
    warning: answer?.warning,
    loaded: answer !== null,
    error: answer?.error,
    answered: answer ? (JSON.parse(answer.key) as Query) : undefined,
    loadMore,
  }
}
