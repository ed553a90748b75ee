// The library's side of the contract: full-text search with filters, facets and sorting, the hits inside
// one article, cases and tags, the trash, duplicates and saved searches.
import { z } from 'zod'
import { ArticleSummary, Id } from './model'

export { Case, CaseName } from './model'

/** An ISO day or moment; a range is inclusive at both ends and open where an end is missing. */
const Day = z.string().max(40)
export const DateRange = z.object({ from: Day.optional(), to: Day.optional() }).strict()
export type DateRange = z.infer<typeof DateRange>

const Many = <T extends z.ZodType>(item: T) => z.array(item).max(1000).optional()

export const LibraryFilters = z
  .object({
    sites: Many(z.string().max(300)),
    published: DateRange.optional(),
    imported: DateRange.optional(),
    codes: Many(Id),
    entities: Many(Id),
    hasHighlights: z.boolean().optional(),
    hasNotes: z.boolean().optional(),
    languages: Many(z.string().max(40)),
    cases: Many(Id),
    tags: Many(z.string().max(100)),
  })
  .strict()
export type LibraryFilters = z.infer<typeof LibraryFilters>

export const LIBRARY_SORTS = ['relevance', 'published', 'imported', 'title', 'site', 'highlights'] as const
export const LibrarySort = z.enum(LIBRARY_SORTS)
export type LibrarySort = z.infer<typeof LibrarySort>

export const LibraryQuery = z
  .object({
    /**
     * The search, in the query syntax: words (prefixes with a trailing *), "quoted phrases", AND / OR /
     * NOT (or a leading -), parentheses, and fields: site:, by:, entity:, code:, title:, tag:, case:.
     * Empty: every article, filtered and sorted.
     */
    text: z.string().max(2000).optional(),
    filters: LibraryFilters.optional(),
    sort: LibrarySort.optional(),
    order: z.enum(['asc', 'desc']).optional(),
    /** Trimmed furniture is searched too. */
    includeTrimmed: z.boolean().optional(),
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().positive().max(10_000).optional(),
    /**
     * Count the facets (the default). False while the filter panel is closed: the result's facets are
     * then empty lists and zero counts, and the search is cheaper.
     */
    facets: z.boolean().optional(),
  })
  .strict()
export type LibraryQuery = z.infer<typeof LibraryQuery>

/** A piece of an article's text around a hit, with the hits inside it as [start, end) offsets into `text`. */
export const Snippet = z.object({
  text: z.string(),
  marks: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** Where the snippet comes from: the article's text, or a field such as a note or the byline. */
  field: z.string(),
})
export type Snippet = z.infer<typeof Snippet>

export const LibraryHit = z.object({
  article: ArticleSummary,
  /** The engine's score; absent when nothing was searched for. */
  score: z.number().optional(),
  /** How many times the words were found in the article's text. */
  hits: z.number().int().nonnegative(),
  snippet: Snippet.optional(),
})
export type LibraryHit = z.infer<typeof LibraryHit>

export const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() })
export type FacetValue = z.infer<typeof FacetValue>

/** Counts over the articles that match the search, each facet counted with its own filter left out. */
export const LibraryFacets = z.object({
  sites: z.array(FacetValue),
  codes: z.array(FacetValue),
  entities: z.array(FacetValue),
  languages: z.array(FacetValue),
  cases: z.array(FacetValue),
  tags: z.array(FacetValue),
  hasHighlights: z.number().int(),
  hasNotes: z.number().int(),
})
export type LibraryFacets = z.infer<typeof LibraryFacets>

/** No facets: what a search that did not ask for them returns, and what the page shows until an answer. */
export const NO_FACETS: LibraryFacets = {
  sites: [],
  codes: [],
  entities: [],
  languages: [],
  cases: [],
  tags: [],
  hasHighlights: 0,
  hasNotes: 0,
}

export const LibraryResult = z.object({
  total: z.number().int().nonnegative(),
  rows: z.array(LibraryHit),
  facets: LibraryFacets,
  /** A problem with the query, said as a sentence; the words that could be read were still searched. */
  warning: z.string().optional(),
})
export type LibraryResult = z.infer<typeof LibraryResult>

/** Every place the search's words are found in one article's canonical text, in order. */
export const ArticleHits = z.object({
  ranges: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
})
export type ArticleHits = z.infer<typeof ArticleHits>

export type { Case as CaseRecord } from './model'

export const TagName = z.string().trim().min(1).max(100)

export const SavedSearch = z.object({
  id: Id,
  name: z.string().trim().min(1).max(200),
  query: LibraryQuery,
  createdAt: z.string(),
})
export type SavedSearch = z.infer<typeof SavedSearch>

/** One copy in a group of likely-same stories. */
export const DuplicateCopy = z.object({
  article: ArticleSummary,
  /** What the original was: "HTML", "PDF", "Word", "Text", "E-mail", "Saved page"… */
  format: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Highlights and tags on this copy: the copy with work on it is the one to keep. */
  highlightCount: z.number().int().nonnegative(),
  entityCount: z.number().int().nonnegative(),
})
export type DuplicateCopy = z.infer<typeof DuplicateCopy>

export const DuplicateGroup = z.object({
  /** The copy suggested to keep: the one with the most work on it, then the fullest text. */
  keep: Id,
  copies: z.array(DuplicateCopy).min(2),
  /** How alike the texts are, 0–1 (1: the same text). */
  similarity: z.number(),
})
export type DuplicateGroup = z.infer<typeof DuplicateGroup>
