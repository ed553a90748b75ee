// Runs highlights.search for the filters (the text debounced while typing) and pages in more rows as
// the list scrolls; the previous rows stay on screen until the new ones arrive.
import { useDebouncedValue } from '@mantine/hooks'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { HighlightRow, HighlightSearchResult } from '../../shared/highlight-search'
import { dossier, errorMessage } from '../api/client'
import { searchQuery, type HighlightFilters } from './highlight-filters'

const PAGE = 100

export interface HighlightSearch {
  rows: HighlightRow[]
  total: number
  facets: HighlightSearchResult['facets']
  /** False until the first answer. */
  loaded: boolean
  error: string | undefined
  loadMore(): void
}

interface Answer {
  key: string
  rows: HighlightRow[]
  total: number
  facets: HighlightSearchResult['facets']
  error?: string
}

const NO_FACETS: HighlightSearchResult['facets'] = { codes: [], sites: [] }

export function useHighlightSearch(filters: HighlightFilters): HighlightSearch {
  const [text] = useDebouncedValue(filters.text, 150)
  const query = useMemo(() => searchQuery({ ...filters, text }), [filters, text])
  const key = JSON.stringify(query)
  const [answer, setAnswer] = useState<Answer | null>(null)
  const loadingMore = useRef(false)

  useEffect(() => {
    let live = true
    dossier.highlights.search({ ...query, offset: 0, limit: PAGE }).then(
      (result) => live && setAnswer({ key, ...result }),
      (error: unknown) =>
        live && setAnswer({ key, rows: [], total: 0, facets: NO_FACETS, error: errorMessage(error) }),
    )
    return () => {
      live = false
    }
    // `key` stands for `query`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  const loadMore = useCallback(() => {
    if (!answer || answer.key !== key || loadingMore.current || answer.rows.length >= answer.total) return
    loadingMore.current = true
    dossier.highlights
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
  }, [answer, key, query])

  return {
    rows: answer?.rows ?? [],
    total: answer?.total ?? 0,
    facets: answer?.facets ?? NO_FACETS,
    loaded: answer !== null,
    error: answer?.error,
    loadMore,
  }
}
