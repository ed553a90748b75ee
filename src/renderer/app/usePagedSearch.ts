// A search whose answer is paged: asked again whenever the query (or `version`) changes, an answer that
// comes after a newer question dropped, more rows paged in on demand, and the previous rows kept on screen
// until the new ones arrive. The library and the All highlights list both read their rows this way.
import { useEffect, useRef, useState } from 'react'
import { errorMessage } from '../api/client'
import { useLatestCallback } from './useLatestCallback'

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
  /**
   * Sends the question for a query about to be set (from the key press, before React renders it), so
   * the services answer while the page renders the key press; the answer is used once the query is.
   */
  prime(query: Query): void
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
  const asking = useLatestCallback(ask)

  const primed = useRef<{ key: string; version: number; answer: Promise<SearchPage<Row, Facets>> } | null>(
    null,
  )
  const prime = useLatestCallback((next: Query) => {
    const nextKey = JSON.stringify(next)
    if (nextKey === key || primed.current?.key === nextKey) return
    const early = asking({ ...next, offset: 0, limit: pageSize })
    // Answered below if the query is set; a question overtaken by the next key press fails unheard.
    early.catch(() => {})
    primed.current = { key: nextKey, version, answer: early }
  })

  useEffect(() => {
    let live = true
    const asked = JSON.parse(key) as Query
    const early = primed.current
    primed.current = null
    const answer =
      early && early.key === key && early.version === version
        ? early.answer
        : asking({ ...asked, offset: 0, limit: pageSize })
    answer.then(
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

  // The same function from one answer to the next, so a memoised list does not render at each key press.
  const loadMore = useLatestCallback(() => {
    if (!answer || answer.key !== key || loadingMore.current || answer.rows.length >= answer.total) return
    loadingMore.current = true
    const asked = JSON.parse(key) as Query
    asking({ ...asked, offset: answer.rows.length, limit: pageSize })
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
  })

  return {
    rows: answer?.rows ?? [],
    total: answer?.total ?? 0,
    facets: answer?.facets ?? noFacets,
    warning: answer?.warning,
    loaded: answer !== null,
    error: answer?.error,
    answered: answer ? (JSON.parse(answer.key) as Query) : undefined,
    loadMore,
    prime,
  }
}
