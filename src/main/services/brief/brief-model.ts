// What a brief says, independent of its format: Markdown and the print HTML both render this.
import type { Article, Code, Entity, EntityType } from '../../../shared/model'
import { codeResolver } from '../codes/codebook'
import { entityLookup } from '../entities/resolve'
import { quoteParts, type QuotePart } from './quote-parts'

export interface BriefQuote {
  text: string
  /** The quote cut along the article's blocks, to render with their structure. */
  parts: QuotePart[]
  note: string
  /** The highlight's code; none when its code is unknown. */
  code?: { name: string; color: string }
  /** The passage is no longer found in the article's text: still in the brief, said so. */
  unanchored: boolean
}

export interface BriefEntity {
  name: string
  type: EntityType
  /** Other ways the article writes the name, e.g. a typo or a short form. */
  forms: string[]
  mentions: number
}

export interface BriefDocument {
  title: string
  siteName?: string
  published?: string
  byline?: string
  credits: string[]
  sourceUrl?: string
  originalName: string
  quotes: BriefQuote[]
  entities: BriefEntity[]
  generatedAt: Date
}

// Made once: a brief of hundreds of citations formats hundreds of dates.
const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
  if (Number.isNaN(date.getTime())) return iso
  return DAY.format(date)
}

export function buildBrief(
  article: Article,
  entities: readonly Entity[],
  codes: readonly Code[] = [],
  now = new Date(),
): BriefDocument {
  const resolve = codeResolver(codes)
  const codesById = new Map(codes.map((c) => [c.id, c]))
  const codeOf = (id: string) => {
    const code = codesById.get(resolve(id))
    return code && { name: code.name, color: code.color }
  }
  // Merged entities count as the one they were merged into; deleted ones are left out.
  const byId = entityLookup(entities)
  const found = new Map<string, BriefEntity>()
  for (const mention of article.mentions) {
    if (mention.status !== 'confirmed' || mention.entityId === undefined) continue
    const entity = byId.get(mention.entityId)
    if (!entity) continue
    const row = found.get(entity.id) ?? { name: entity.name, type: entity.type, forms: [], mentions: 0 }
    row.mentions++
    const form = mention.target.quote.exact
    if (form !== entity.name && !row.forms.includes(form)) row.forms.push(form)
    found.set(entity.id, row)
  }
  const order = ['Person', 'Organization', 'Location', 'Equipment', 'Event', 'Date', 'Other']
  return {
    title: article.title,
    siteName: article.siteName,
    published: article.published,
    byline: article.byline,
    credits: article.credits ?? [],
    sourceUrl: article.sourceUrl,
    originalName: article.original.name,
    quotes: article.highlights.map((h) => ({
      text: h.target.quote.exact,
      parts: quoteParts(article, h.target.position.start, h.target.position.end, h.target.quote.exact),
      note: h.note.trim(),
      code: codeOf(h.codeId),
      unanchored: h.unanchored === true,
    })),
    entities: [...found.values()].sort(
      (a, b) => order.indexOf(a.type) - order.indexOf(b.type) || a.name.localeCompare(b.name),
    ),
    generatedAt: now,
  }
}

/** "Example Wire · 13 June 2023 · By Wire Staff · With inputs from Reuters" */
export function sourceLine(brief: BriefDocument): string {
  return [
    brief.siteName,
    formatDate(brief.published),
    brief.byline && `By ${brief.byline}`,
    brief.credits.length > 0 && `With inputs from ${brief.credits.join(', ')}`,
  ]
    .filter(Boolean)
    .join(' · ')
}

export function exportFileName(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  // Cut at a word boundary: the last hyphen within the limit, unless the first word alone is longer.
  const cut =
    base.length <= 80 ? base : base.slice(0, base.lastIndexOf('-', 80) > 0 ? base.lastIndexOf('-', 80) : 80)
  return `${cut || 'brief'}.${extension}`
}

export const UNANCHORED_LABEL =
  'Unanchored: this passage is no longer found in the current text of the article.'

export const TYPE_LABELS: Record<EntityType, string> = {
  Person: 'People',
  Organization: 'Organizations',
  Location: 'Places',
  Equipment: 'Equipment',
  Event: 'Events',
  Date: 'Dates',
  Other: 'Other',
}
