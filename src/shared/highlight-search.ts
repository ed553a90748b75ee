// The query and answer of `highlights.search`: every highlight of the workspace, filtered and paged.
import { z } from 'zod'
import { Highlight, Id } from './model'

/** position: articles newest import first, highlights in reading order; created and published: newest first. */
export const HighlightSort = z.enum(['position', 'created', 'published'])
export type HighlightSort = z.infer<typeof HighlightSort>

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date')
/** A day (taken as a UTC day) or an instant, so the page can send the bounds of the analyst's local days. */
const DayOrInstant = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'not a date')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a date')

export const HighlightQuery = z
  .object({
    /** Live codes: a highlight matches when its code, followed through merges, is one of them. */
    codeIds: z.array(Id).max(200).optional(),
    articleId: Id.optional(),
    /** The site as rows and facets name it: the article's site name, else the host of its URL. */
    site: z.string().max(300).optional(),
    /** Inclusive days of the article's published date; an article without one is left out. */
    publishedFrom: Day.optional(),
    publishedTo: Day.optional(),
    /** Inclusive bounds of the highlight's creation; a bare day covers all of that UTC day. */
    createdFrom: DayOrInstant.optional(),
    createdTo: DayOrInstant.optional(),
    /** An entity with a confirmed mention overlapping the highlighted range. */
    entityId: Id.optional(),
    /** Case- and accent-insensitive substring of the note or the quoted passage. */
    text: z.string().max(500).optional(),
    sort: HighlightSort.default('position'),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()
export type HighlightQuery = z.output<typeof HighlightQuery>

export const HighlightRow = z.object({
  articleId: Id,
  title: z.string(),
  /** The article's site name, else the host of its source URL. */
  siteName: z.string().optional(),
  published: z.string().optional(),
  sourceUrl: z.string().optional(),
  /** With its live code (after merges), as every other method returns highlights. */
  highlight: Highlight,
  /** Entities whose confirmed mentions overlap the passage. */
  entityIds: z.array(Id),
})
export type HighlightRow = z.infer<typeof HighlightRow>

const Count = z.number().int().nonnegative()

export const HighlightSearchResult = z.object({
  /** Highlights matching every filter; `rows` is the page of them from `offset`. */
  total: Count,
  rows: z.array(HighlightRow),
  /**
   * How many highlights each code and each site would give: counted under every filter but its own,
   * so a multi-select can show what choosing one more would add.
   */
  facets: z.object({
    codes: z.array(z.object({ id: Id, count: Count })),
    sites: z.array(z.object({ name: z.string(), count: Count })),
  }),
})
export type HighlightSearchResult = z.infer<typeof HighlightSearchResult>
