// The workspace of the entity scenarios: 5,000 articles on disk with 50,000 mentions of 2,000 entities
// (two of them with 1,000 mentions each, the rest spread as names are in news: a few very often, most
// rarely), ten per article, each in a paragraph of its article.
import { createHash } from 'node:crypto'
import { targetFor } from '../../src/main/services/annotate/target'
import { assembleText } from '../../src/main/services/import/text-blocks'
import { SCHEMA_VERSION, type Article, type Entity, type Mention } from '../../src/shared/model'
import { seededId, writeArticleFile, writeIndexFile } from './generate-workspace'
import { newsBlocks, newsTitle } from './news-text'
import { seededRandom, type Random } from './random'

export const ARTICLES = 5_000
export const MENTIONS = 50_000
export const ENTITIES = 2_000
/** The two entities merged: 1,000 mentions each. */
export const MERGED_MENTIONS = 1_000
const TYPES = ['Person', 'Organization', 'Location', 'Equipment', 'Event', 'Date', 'Other'] as const

function makeEntities(r: Random): Entity[] {
  return Array.from({ length: ENTITIES }, (_, i) => ({
    id: seededId(r),
    name: `Entity ${i}`,
    type: TYPES[i % TYPES.length]!,
    aliases: i % 5 === 0 ? [`E${i}`] : [],
    notes: '',
    createdAt: '2024-01-01T00:00:00.000Z',
  }))
}

/** Which entity each of the 50,000 mentions is of: 1,000 each for the first two, Zipf for the rest. */
function mentionEntities(r: Random, entities: Entity[]): string[] {
  const rest = entities.slice(2)
  const weights = rest.map((_, i) => 1 / (i + 1))
  const total = weights.reduce((a, b) => a + b, 0)
  const cumulative: number[] = []
  let sum = 0
  for (const w of weights) cumulative.push((sum += w / total))
  const ids: string[] = []
  for (let i = 0; i < MERGED_MENTIONS; i++) ids.push(entities[0]!.id, entities[1]!.id)
  while (ids.length < MENTIONS) {
    const x = r.next()
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < x) lo = mid + 1
      else hi = mid
    }
    ids.push(rest[lo]!.id)
  }
  // Shuffled, so the two merged entities are spread over the articles.
  for (let i = ids.length - 1; i > 0; i--) {
    const j = r.int(0, i)
    ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
  }
  return ids
}

function makeArticle(r: Random, index: number, entityIds: string[]): Article {
  const { text, blocks } = assembleText(newsBlocks(r, r.int(3_800, 6_000)))
  const published = new Date(Date.parse('2024-03-01T00:00:00Z') - r.int(0, 700) * 86_400_000)
  const mentions: Mention[] = entityIds
    .map((entityId) => {
      const block = r.pick(blocks)
      const start = r.int(block.start, Math.max(block.start, block.end - 12))
      return {
        id: seededId(r),
        entityId,
        target: targetFor(text, start, Math.min(block.end, start + 10)),
        status: 'confirmed' as const,
        createdAt: '2024-03-01T00:00:00.000Z',
      }
    })
    .sort((a, b) => a.target.position.start - b.target.position.start)
  return {
    schemaVersion: SCHEMA_VERSION,
    id: seededId(r),
    title: newsTitle(r),
    published: published.toISOString().slice(0, 10),
    siteName: r.pick(['WION', 'Reuters', 'The Korea Herald', 'NK News']),
    sourceUrl: `https://news.example.com/${index}`,
    language: 'en',
    tags: [],
    text,
    blocks,
    warnings: [],
    original: {
      name: `article-${index}.html`,
      sha256: createHash('sha256').update(text).digest('hex'),
      type: 'text/html',
      size: text.length * 3,
    },
    highlights: [],
    mentions,
    importedAt: '2024-03-01T00:00:00.000Z',
    updatedAt: '2024-03-01T00:00:00.000Z',
  }
}

/** Writes the workspace into `dir` (a bench folder); returns its entities, the two merged ones first. */
export async function writeEntityWorkspace(dir: string): Promise<Entity[]> {
  const r = seededRandom(11)
  const entities = makeEntities(r)
  const assigned = mentionEntities(r, entities)
  const rows = []
  for (let first = 0; first < ARTICLES; first += 64) {
    const batch = Array.from({ length: Math.min(64, ARTICLES - first) }, (_, k) => {
      const n = first + k
      return makeArticle(r, n, assigned.slice(n * 10, n * 10 + 10))
    })
    for (const { row } of await Promise.all(batch.map((a) => writeArticleFile(dir, a)))) rows.push(row)
  }
  await writeIndexFile(dir, rows, entities)
  return entities
}
