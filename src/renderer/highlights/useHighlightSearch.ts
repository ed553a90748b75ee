// Runs highlights.search for the filters (the text debounced while typing) and pages in more rows as
// the list scrolls (usePagedSearch).
import { useDebouncedValue } from '@mantine/hooks'
import { useMemo } from 'react'
import type { HighlightRow, HighlightSearchResult } from '../../shared/highlight-search'
import { dossier } from '../api/client'
import { usePagedSearch, type PagedSearch } from '../app/usePagedSearch'
import { searchQuery, type HighlightFilters } from './highlight-filters'

const PAGE = 100

type Facets = HighlightSearchResult['facets']
export type HighlightSearch = Omit<PagedSearch<HighlightRow, Facets, unknown>, 'answered' | 'warning'>

const NO_FACETS: Facets = { codes: [], sites: [] }

export function useHighlightSearch(filters: HighlightFilters): HighlightSearch {
  const [text] = useDebouncedValue(filters.text, 150)
  const query = useMemo(() => searchQuery({ ...filters, text }), [filters, text])
  return usePagedSearch(dossier.highlights.search, query, { pageSize: PAGE, noFacets: NO_FACETS })
}
