// What the highlight index keeps of each highlight: the article's facts, precomputed search keys and
// the entities in the passage, and the orders a search can return them in.
import type { Article, Highlight, Mention } from '../../../shared/model'
import type { HighlightSort } from '../../../shared/highlight-search'

export interface ArticleFacts {
  id: string
  title: string
  /** Site name, else the host of the source URL. */
  site?: string
  published?: string
  /** The published date as YYYY-MM-DD, when it can be read as one. */
  publishedDay?: string
  sourceUrl?: string
  importedAt: string
}

export interface HighlightEntry {
  article: ArticleFacts
  highlight: Highlight
  start: number
  createdMs: number
  /** Folded quote and note, for the text filter. */
  folded: string
  entityIds: string[]
}

const PUNCTUATION: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-' }

/**
 * Lower case without accents, curly quotes and dashes made plain, whitespace collapsed: "etude 'a'"
 * finds "Étude ‘A’". (Plain text also keeps the joined search text one byte per character.)
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[‘’“”–—]/g, (c) => PUNCTUATION[c]!)
    .replace(/\s+/g, ' ')
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined
  } catch {
    return undefined
  }
}

/** A published date as a calendar day, taken as written (…T23:30+05:30 is that day wherever one is). */
export function publishedDay(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  if (!trimmed) return undefined
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(trimmed)
  if (day) return day[1]
  const parsed = Date.parse(trimmed)
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10)
}

export function articleFacts(article: Article): ArticleFacts {
  return {
    id: article.id,
    title: article.title,
    site: article.siteName?.trim() || hostOf(article.sourceUrl),
    published: article.published,
    publishedDay: publishedDay(article.published),
    sourceUrl: article.sourceUrl,
    importedAt: article.importedAt,
  }
}

/** Entities with a confirmed mention overlapping [start, end); `mentions` sorted by start. */
function entitiesIn(mentions: readonly Mention[], start: number, end: number): string[] {
  const ids = new Set<string>()
  for (const mention of mentions) {
    const position = mention.target.position
    if (position.start >= end) break
    if (position.end > start && mention.entityId !== undefined) ids.add(mention.entityId)
  }
  return [...ids]
}

export function entriesOf(article: Article): HighlightEntry[] {
  const facts = articleFacts(article)
  const confirmed = article.mentions
    .filter((m) => m.status === 'confirmed')
    .sort((a, b) => a.target.position.start - b.target.position.start)
  return article.highlights.map((highlight) => {
    const { start, end } = highlight.target.position
    return {
      article: facts,
      highlight,
      start,
      createdMs: Date.parse(highlight.createdAt) || 0,
      folded: `${foldText(highlight.target.quote.exact)}\u0000${foldText(highlight.note)}`,
      entityIds: entitiesIn(confirmed, start, end),
    }
  })
}

export type Compare = (a: HighlightEntry, b: HighlightEntry) => number

const ascending = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Library order (newest import first), then reading order; ids break every tie so orders are total. */
const byPosition: Compare = (a, b) =>
  ascending(b.article.importedAt, a.article.importedAt) ||
  ascending(a.article.id, b.article.id) ||
  a.start - b.start ||
  ascending(a.highlight.id, b.highlight.id)

export const ORDERS: Record<HighlightSort, Compare> = {
  position: byPosition,
  created: (a, b) => b.createdMs - a.createdMs || ascending(a.highlight.id, b.highlight.id),
  // Undated articles last.
  published: (a, b) =>
    ascending(b.article.publishedDay ?? '', a.article.publishedDay ?? '') || byPosition(a, b),
}
