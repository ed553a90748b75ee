// Runs library.search for the search box, filters and sort at each key press (an answer that comes
// after a newer question is dropped), pages in more rows as the list scrolls, and asks again whenever
// the library changes; the previous rows stay on screen until the new ones arrive.
import { useCallback, useEffect, useRef, useState } from 'react'
import { NO_FACETS, type LibraryFacets, type LibraryHit, type LibraryQuery } from '../../shared/library'
import { dossier, errorMessage } from '../api/client'

const PAGE = 60

export interface LibrarySearch {
  rows: LibraryHit[]
  total: number
  facets: LibraryFacets
  warning: string | undefined
  /** False until the first answer. */
  loaded: boolean
  error: string | undefined
  /** The search text the rows on screen answer (what a test or a bench waits for). */
  answered: string | undefined
  loadMore(): void
}

interface Answer {
  key: string
  rows: LibraryHit[]
  total: number
  facets: LibraryFacets
  warning?: string
  error?: string
}

/** `version` changes whenever an article is added, changed or removed. */
export function useLibrarySearch(query: LibraryQuery, version: number): LibrarySearch {
  const effective: LibraryQuery = { ...query, text: query.text?.trim() || undefined }
  const key = JSON.stringify(effective)
  const [answer, setAnswer] = useState<Answer | null>(null)
  const loadingMore = useRef(false)

  useEffect(() => {
    let live = true
    dossier.library.search({ ...effective, offset: 0, limit: PAGE }).then(
      (result) => live && setAnswer({ key, ...result }),
      (error: unknown) =>
        live && setAnswer({ key, rows: [], total: 0, facets: NO_FACETS, error: errorMessage(error) }),
    )
    return () => {
      live = false
    }
    // `key` stands for the query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version])

  const loadMore = useCallback(() => {
    if (!answer || answer.key !== key || loadingMore.current || answer.rows.length >= answer.total) return
    loadingMore.current = true
    const query = JSON.parse(key) as LibraryQuery
    dossier.library
      .search({ ...query, offset: answer.rows.length, limit: PAGE })
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
  }, [answer, key])

  return {
    rows: answer?.rows ?? [],
    total: answer?.total ?? 0,
    facets: answer?.facets ?? NO_FACETS,
    warning: answer?.warning,
    loaded: answer !== null,
    error: answer?.error,
    answered: answer ? ((JSON.parse(answer.key) as LibraryQuery).text ?? '') : undefined,
    loadMore,
  }
}
