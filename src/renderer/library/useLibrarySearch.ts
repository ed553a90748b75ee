// Runs library.search for the search box, filters and sort at each key press, pages in more rows as the
// list scrolls, and asks again whenever the library changes (usePagedSearch).
import { NO_FACETS, type LibraryFacets, type LibraryHit, type LibraryQuery } from '../../shared/library'
import { dossier } from '../api/client'
import { usePagedSearch, type PagedSearch } from '../app/usePagedSearch'

const PAGE = 60

export interface LibrarySearch extends Omit<
  PagedSearch<LibraryHit, LibraryFacets, LibraryQuery>,
  'answered'
> {
  /** The search text the rows on screen answer (what a test or a bench waits for). */
  answered: string | undefined
}

/** `version` changes whenever an article is added, changed or removed. */
export function useLibrarySearch(query: LibraryQuery, version: number): LibrarySearch {
  const search = usePagedSearch(dossier.library.search, asked(query), {
    pageSize: PAGE,
    noFacets: NO_FACETS,
    version,
  })
  return {
    ...search,
    answered: search.answered ? (search.answered.text ?? '') : undefined,
    prime: (next) => search.prime(asked(next)),
  }
}

/** The question sent for a query: the text trimmed, none if blank. */
const asked = (query: LibraryQuery): LibraryQuery => ({ ...query, text: query.text?.trim() || undefined })
