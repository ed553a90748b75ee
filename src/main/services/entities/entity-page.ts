// An entity's page: each mention in context (keyword in context) across the articles, newest first,
// the highlights and briefs that hold a mention of it, and its mentions by month of publication.
import type { EntityPage, MentionInContext } from '../../../shared/entities'
import type { Article, ArticleSummary, EntityTypeDef } from '../../../shared/model'
import type { Brief } from '../../../shared/brief'
import type { Entity } from '../../../shared/model'
import { countEntities, entityRow, publishedOf, type RowOf } from './entity-index'
import type { IndexedArticle, IndexedMention } from './mention-index'
import { entityResolver } from './resolve'

/** Characters of context each side of a mention, before cutting back to a word boundary. */
export const CONTEXT_CHARS = 60
/**
 * Articles whose text a page reads for its contexts and highlights, newest first: a name in thousands of
 * articles would otherwise read them all to open its page. The row keeps the whole counts.
 */
export const PAGE_ARTICLES = 400
const READ_CONCURRENCY = 8

const squash = (text: string) => text.replace(/\s+/g, ' ')

/** ~60 characters each side of [start, end), cut back to whole words, white space made single. */
export function keywordInContext(
  text: string,
  start: number,
  end: number,
  chars = CONTEXT_CHARS,
): { before: string; text: string; after: string } {
  let from = Math.max(0, start - chars)
  if (from > 0 && /\S/.test(text[from - 1]!)) {
    const space = text.slice(from, start).search(/\s/)
    from = space < 0 ? start : from + space + 1
  }
  let to = Math.min(text.length, end + chars)
  if (to < text.length && /\S/.test(text[to]!)) {
    const tail = text.slice(end, to)
    const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'), tail.lastIndexOf('\t'))
    to = space < 0 ? end : end + space
  }
  return {
    before: squash(text.slice(from, start)).trimStart(),
    text: text.slice(start, end),
    after: squash(text.slice(end, to)).trimEnd(),
  }
}

export interface PageSources {
  articles: ReadonlyMap<string, IndexedArticle>
  entities: readonly Entity[]
  types: readonly EntityTypeDef[]
  rowOf: RowOf
  peek(id: string): Promise<Readonly<Article>>
  briefs(): Brief[]
}

/** Newest published first; undated articles last, then by title. */
export function byPublishedDesc(a: ArticleSummary, b: ArticleSummary): number {
  const x = publishedOf(a)
  const y = publishedOf(b)
  if (x !== y) {
    if (x === undefined) return 1
    if (y === undefined) return -1
    return x < y ? 1 : -1
  }
  return a.title.localeCompare(b.title)
}

export async function entityPage(entity: Entity, from: PageSources): Promise<EntityPage> {
  const resolve = entityResolver(from.entities)
  const mine = new Map<string, IndexedMention[]>()
  for (const article of from.articles.values()) {
    const found = article.mentions.filter((m) => resolve(m.entityId) === entity.id)
    if (found.length) mine.set(article.id, found)
  }
  const only = new Map([...mine.keys()].map((id) => [id, from.articles.get(id)!]))
  const row = entityRow(entity, countEntities(only, from.entities, from.rowOf).get(entity.id), from.types)
  const summaries = [...mine.keys()]
    .map((id) => from.rowOf(id))
    .filter((r): r is ArticleSummary => r !== undefined)
    .sort(byPublishedDesc)

  const timeline = new Map<string, number>()
  for (const summary of summaries) {
    const month = publishedOf(summary)?.slice(0, 7)
    if (!month) continue
    const confirmed = mine.get(summary.id)!.filter((m) => m.confirmed).length
    if (confirmed) timeline.set(month, (timeline.get(month) ?? 0) + confirmed)
  }

  const mentions: MentionInContext[] = []
  const highlights: EntityPage['highlights'] = []
  const read = summaries.slice(0, PAGE_ARTICLES)
  const texts = new Map<string, Readonly<Article>>()
  let next = 0
  const worker = async () => {
    while (next < read.length) {
      const id = read[next++]!.id
      try {
        texts.set(id, await from.peek(id))
      } catch {
        // An article that cannot be read shows in the list, without its contexts.
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, read.length) }, worker))
  for (const summary of read) {
    const article = texts.get(summary.id)
    if (!article) continue
    const found = mine.get(summary.id)!
    for (const m of found) {
      mentions.push({
        articleId: summary.id,
        mentionId: m.id,
        start: m.start,
        end: m.end,
        ...keywordInContext(article.text, m.start, m.end),
        status: m.confirmed ? 'confirmed' : 'suggested',
      })
    }
    for (const h of article.highlights) {
      const { start, end } = h.target.position
      if (!h.unanchored && found.some((m) => m.start >= start && m.end <= end))
        highlights.push({ articleId: summary.id, highlightId: h.id, quote: h.target.quote.exact })
    }
  }

  // Briefs are looked up from every highlight holding a mention, not only those of the articles read.
  const holding = new Set<string>()
  for (const [articleId, found] of mine) {
    for (const [hid, start, end] of from.articles.get(articleId)!.highlights)
      if (found.some((m) => m.start >= start && m.end <= end)) holding.add(`${articleId}\u0000${hid}`)
  }
  const briefs = from
    .briefs()
    .filter((brief) =>
      brief.sections.some((s) =>
        s.items.some((i) => i.kind === 'excerpt' && holding.has(`${i.articleId}\u0000${i.highlightId}`)),
      ),
    )
    .map((b) => ({ id: b.id, title: b.title }))

  return {
    row,
    mentions,
    articles: summaries,
    highlights,
    briefs,
    timeline: [...timeline]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, count]) => ({ month, mentions: count })),
  }
}
