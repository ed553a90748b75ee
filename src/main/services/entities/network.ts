// Connections: the co-occurrence network of the most mentioned entities (both in one paragraph, or
// anywhere in one article, at least `threshold` times), filtered by type, case and published date, and
// the passages where two entities appear together.
import type { Network, NetworkQuery, SharedPassage } from '../../../shared/entities'
import type { Article, ArticleSummary, Entity, EntityTypeDef } from '../../../shared/model'
import { publishedOf, type RowOf } from './entity-index'
import type { IndexedArticle, IndexedMention } from './mention-index'
import { byPublishedDesc } from './entity-page'
import { entityResolver, isLive } from './resolve'

export const DEFAULT_NODES = 200
const DEFAULT_PASSAGES = 200
/** A passage of two paragraphs far apart is cut to this much of each. */
const PASSAGE_CHARS = 600
const ELLIPSIS = ' … '

/** Whether the article passes the network's case and date filters. */
function articleFilter(
  query: Pick<NetworkQuery, 'caseId' | 'published'>,
  rowOf: RowOf,
): (article: IndexedArticle) => boolean {
  const { caseId, published } = query
  const from = published?.from || undefined
  // A bare day as the upper bound takes the whole day in.
  const to = published?.to || undefined
  return (article) => {
    if (caseId === undefined && from === undefined && to === undefined) return true
    const row = rowOf(article.id)
    if (!row) return false
    if (caseId !== undefined && !row.cases?.includes(caseId)) return false
    if (from === undefined && to === undefined) return true
    const day = publishedOf(row)
    if (day === undefined) return false
    if (from !== undefined && day < from) return false
    if (to !== undefined && day.slice(0, to.length) > to) return false
    return true
  }
}

export function entityNetwork(
  query: NetworkQuery,
  articles: ReadonlyMap<string, IndexedArticle>,
  entities: readonly Entity[],
  rowOf: RowOf,
  entityTypes: readonly EntityTypeDef[] = [],
): Network {
  const resolve = entityResolver(entities)
  const byId = new Map(entities.filter(isLive).map((e) => [e.id, e]))
  const types = query.types?.length ? new Set(query.types) : undefined
  const keep = articleFilter(query, rowOf)
  const chosen = [...articles.values()].filter(keep)

  // Each confirmed mention once, resolved, with the entity's number for the pair counts.
  const mentionCount = new Map<string, number>()
  for (const article of chosen) {
    for (const m of article.mentions) {
      if (!m.confirmed) continue
      const id = resolve(m.entityId)
      const entity = id === undefined ? undefined : byId.get(id)
      if (!entity || (types && !types.has(entity.type))) continue
      mentionCount.set(entity.id, (mentionCount.get(entity.id) ?? 0) + 1)
    }
  }
  const nodes = [...mentionCount]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, query.limit ?? DEFAULT_NODES)
  const number = new Map(nodes.map(([id], n) => [id, n]))
  const size = nodes.length

  // weights[a * size + b] (a < b): units (paragraphs or articles) where both appear.
  const weights = new Uint32Array(size * size)
  const unit: number[] = []
  const flush = () => {
    unit.sort((a, b) => a - b)
    for (let i = 0; i < unit.length; i++) {
      if (i > 0 && unit[i] === unit[i - 1]) continue
      for (let j = i + 1; j < unit.length; j++) {
        if (unit[j] === unit[j - 1]) continue
        weights[unit[i]! * size + unit[j]!]!++
      }
    }
    unit.length = 0
  }
  for (const article of chosen) {
    let block = Number.NaN
    // Mentions are in text order, so a paragraph's mentions come together.
    for (const m of article.mentions) {
      if (!m.confirmed) continue
      const id = resolve(m.entityId)
      const n = id === undefined ? undefined : number.get(id)
      if (n === undefined) continue
      if (query.scope === 'paragraph' && m.block !== block) {
        flush()
        block = m.block
      }
      unit.push(n)
    }
    flush()
  }

  const edges: Network['edges'] = []
  for (let a = 0; a < size; a++) {
    for (let b = a + 1; b < size; b++) {
      const weight = weights[a * size + b]!
      if (weight >= query.threshold) edges.push({ source: nodes[a]![0], target: nodes[b]![0], weight })
    }
  }
  edges.sort((x, y) => y.weight - x.weight)
  return {
    nodes: nodes.map(([id, mentions]) => {
      const entity = byId.get(id)!
      const customType = entityTypes.find((t) => t.id === entity.customType)
      return { id, name: entity.name, type: entity.type, mentions, ...(customType ? { customType } : {}) }
    }),
    edges,
  }
}

export interface PassageSources {
  articles: ReadonlyMap<string, IndexedArticle>
  entities: readonly Entity[]
  rowOf: RowOf
  peek(id: string): Promise<Readonly<Article>>
}

interface Found {
  row: ArticleSummary
  /** The two mentions, in text order. */
  first: IndexedMention
  second: IndexedMention
  /** Every mention of either entity in the article, with the entity it resolves to. */
  both: { entityId: string; mention: IndexedMention }[]
}

/** Where both appear: each shared paragraph, or per article the closest pair of mentions. */
function sharedPlaces(
  articles: ReadonlyMap<string, IndexedArticle>,
  resolve: (id: string) => string | undefined,
  a: string,
  b: string,
  scope: 'paragraph' | 'article',
  rowOf: RowOf,
  keep: (article: IndexedArticle) => boolean,
): Found[] {
  const found: Found[] = []
  for (const article of articles.values()) {
    if (!keep(article)) continue
    const row = rowOf(article.id)
    if (!row) continue
    const ofA = article.mentions.filter((m) => m.confirmed && resolve(m.entityId) === a)
    if (!ofA.length) continue
    const ofB = article.mentions.filter((m) => m.confirmed && resolve(m.entityId) === b)
    if (!ofB.length) continue
    const both = [
      ...ofA.map((mention) => ({ entityId: a, mention })),
      ...ofB.map((mention) => ({ entityId: b, mention })),
    ].sort((x, y) => x.mention.start - y.mention.start)
    if (scope === 'paragraph') {
      const blocks = new Set<number>()
      for (const x of ofA) {
        const y = ofB.find((m) => m.block === x.block)
        if (!y || blocks.has(x.block)) continue
        blocks.add(x.block)
        found.push({ row, both, first: x.start < y.start ? x : y, second: x.start < y.start ? y : x })
      }
      continue
    }
    let best: Found | undefined
    let gap = Infinity
    for (const x of ofA) {
      for (const y of ofB) {
        const d = Math.abs(x.start - y.start)
        if (d < gap) {
          gap = d
          best = { row, both, first: x.start < y.start ? x : y, second: x.start < y.start ? y : x }
        }
      }
    }
    if (best) found.push(best)
  }
  return found.sort((x, y) => byPublishedDesc(x.row, y.row) || x.first.start - y.first.start)
}

function passageOf(article: Readonly<Article>, found: Found): SharedPassage {
  const blockA = article.blocks[found.first.block]
  const blockB = article.blocks[found.second.block]
  const start = blockA?.start ?? found.first.start
  const end = blockB?.end ?? found.second.end
  // The pieces of the article shown, joined by an ellipsis: the whole span, or the start of the first
  // paragraph and the end of the last when they are far apart.
  let pieces: [number, number][] = [[start, end]]
  if (end - start > PASSAGE_CHARS * 2 && blockA && blockB && blockA !== blockB) {
    pieces = [
      [blockA.start, Math.min(blockA.end, blockA.start + PASSAGE_CHARS)],
      [Math.max(blockB.start, blockB.end - PASSAGE_CHARS), blockB.end],
    ]
  }
  const text = pieces.map(([from, to]) => article.text.slice(from, to)).join(ELLIPSIS)
  const marks: SharedPassage['marks'] = []
  let offset = 0
  for (const [from, to] of pieces) {
    for (const { entityId, mention } of found.both) {
      if (mention.start >= from && mention.end <= to) {
        marks.push({ entityId, start: offset + mention.start - from, end: offset + mention.end - from })
      }
    }
    offset += to - from + ELLIPSIS.length
  }
  const published = publishedOf(found.row)
  return {
    articleId: article.id,
    title: article.title,
    ...(published ? { published } : {}),
    start,
    end,
    text,
    marks,
  }
}

export interface PassageQuery extends Pick<NetworkQuery, 'scope' | 'caseId' | 'published'> {
  a: string
  b: string
  limit?: number
}

export async function sharedPassages(query: PassageQuery, from: PassageSources): Promise<SharedPassage[]> {
  const { a, b, scope, limit } = query
  const resolve = entityResolver(from.entities)
  const liveA = resolve(a)
  const liveB = resolve(b)
  if (liveA === undefined || liveB === undefined || liveA === liveB) return []
  const keep = articleFilter(query, from.rowOf)
  const places = sharedPlaces(from.articles, resolve, liveA, liveB, scope, from.rowOf, keep).slice(
    0,
    limit ?? DEFAULT_PASSAGES,
  )
  const out: SharedPassage[] = []
  for (const place of places) {
    try {
      out.push(passageOf(await from.peek(place.row.id), place))
    } catch {
      // An article that cannot be read gives no passage; reading it reports why.
    }
  }
  return out
}
