// The All highlights view's filters as the analyst sets them, and the search query they make.
import type { MethodInput } from '../../shared/api'
import type { HighlightSort } from '../../shared/highlight-search'

export interface HighlightFilters {
  codeIds: string[]
  articleId: string | null
  site: string | null
  entityId: string | null
  /** Days as YYYY-MM-DD, or '' for no bound. */
  publishedFrom: string
  publishedTo: string
  createdFrom: string
  createdTo: string
  text: string
  sort: HighlightSort
}

export const NO_FILTERS: HighlightFilters = {
  codeIds: [],
  articleId: null,
  site: null,
  entityId: null,
  publishedFrom: '',
  publishedTo: '',
  createdFrom: '',
  createdTo: '',
  text: '',
  sort: 'position',
}

/** True when any filter narrows the list (the sort does not). */
export function isFiltered(filters: HighlightFilters): boolean {
  return (
    filters.codeIds.length > 0 ||
    filters.articleId !== null ||
    filters.site !== null ||
    filters.entityId !== null ||
    dateFilterCount(filters) > 0 ||
    filters.text.trim() !== ''
  )
}

export function dateFilterCount(filters: HighlightFilters): number {
  return [filters.publishedFrom, filters.publishedTo, filters.createdFrom, filters.createdTo].filter(isDay)
    .length
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value)

/**
 * The first or last instant of a day on the analyst's clock: a highlight made at 00:30 local time on
 * 2 June belongs to 2 June, whatever day it was in UTC.
 */
export function localDayBound(day: string, end: boolean): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const at = end ? new Date(y, m - 1, d + 1).getTime() - 1 : new Date(y, m - 1, d).getTime()
  return new Date(at).toISOString()
}

export function searchQuery(filters: HighlightFilters): MethodInput<'highlights.search'> {
  const text = filters.text.trim()
  return {
    sort: filters.sort,
    ...(filters.codeIds.length > 0 && { codeIds: filters.codeIds }),
    ...(filters.articleId && { articleId: filters.articleId }),
    ...(filters.site && { site: filters.site }),
    ...(filters.entityId && { entityId: filters.entityId }),
    ...(isDay(filters.publishedFrom) && { publishedFrom: filters.publishedFrom }),
    ...(isDay(filters.publishedTo) && { publishedTo: filters.publishedTo }),
    ...(isDay(filters.createdFrom) && { createdFrom: localDayBound(filters.createdFrom, false) }),
    ...(isDay(filters.createdTo) && { createdTo: localDayBound(filters.createdTo, true) }),
    ...(text && { text }),
  }
}
