// A workspace holding one long news article (about 1 MB of text in some 4,500 blocks) in several copies
// that differ only in their marks: none, then growing numbers of highlights beside a fixed set of
// mentions. Plus one short article, to switch away to and open the long one again.
import { createHash } from 'node:crypto'
import { targetFor } from '../../src/main/services/annotate/target'
import { DEFAULT_CODES } from '../../src/main/services/codes/codebook'
import { assembleText } from '../../src/main/services/import/text-blocks'
import { SCHEMA_VERSION, type Article, type Block, type Entity, type Mention } from '../../src/shared/model'
import { benchFolder, makeEntities, seededId, writeArticleFile, writeIndexFile } from './generate-workspace'
import { newsBlocks } from './news-text'
import { seededRandom, type Random } from './random'
import type { BareMark } from './reader-probe-api'

export interface MarkedVariant {
  id: string
  title: string
  /** The marks as the reader paints them (layer = the ::highlight() group), sorted by start. */
  highlights: BareMark[]
  mentions: BareMark[]
}

export interface LongArticleWorkspace {
  dir: string
  text: string
  blocks: Block[]
  variants: MarkedVariant[]
  /** The short article opened in between, so every open of a long one is a fresh open. */
  other: { id: string; title: string }
  fileBytes: Record<string, number>
  remove(): Promise<void>
}

const AT = '2024-03-01T08:00:00.000Z'

function shell(r: Random, title: string, text: string, blocks: Block[]): Article {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: seededId(r),
    title,
    byline: 'By the bench',
    published: '2024-02-28',
    sourceUrl: `https://news.example.com/long/${seededId(r)}`,
    siteName: 'Reuters',
    language: 'en',
    tags: [],
    text,
    blocks,
    warnings: [],
    original: {
      name: `${title}.html`,
      sha256: createHash('sha256').update(title).digest('hex'),
      type: 'text/html',
      size: text.length,
    },
    highlights: [],
    mentions: [],
    importedAt: AT,
    updatedAt: AT,
  }
}

/** Highlights inside blocks (never across one), spread evenly over the text, with every default code. */
function spreadHighlights(r: Random, text: string, blocks: Block[], count: number): Article['highlights'] {
  const highlights: Article['highlights'] = []
  for (let i = 0; i < count; i++) {
    // The i-th of `count` equal stretches of the text, so the first screen holds its fair share.
    const near = Math.floor(((i + r.next()) * text.length) / count)
    const block = blocks.find((b) => b.end > near) ?? blocks[blocks.length - 1]!
    const start = Math.max(block.start, Math.min(near, block.end - 12))
    const end = Math.min(block.end, start + r.int(12, 160))
    highlights.push({
      id: seededId(r),
      target: targetFor(text, start, end),
      codeId: DEFAULT_CODES[i % DEFAULT_CODES.length]!.id,
      note: i % 7 === 0 ? 'Check against KCNA' : '',
      createdAt: AT,
      updatedAt: AT,
    })
  }
  return highlights.sort((a, b) => a.target.position.start - b.target.position.start)
}

/** Mentions on real occurrences of the entities' names, `count` of them picked evenly over the text. */
function spreadMentions(r: Random, text: string, entities: Entity[], count: number): Mention[] {
  const found: { start: number; entity: Entity }[] = []
  for (const entity of entities) {
    for (let at = text.indexOf(entity.name); at >= 0; at = text.indexOf(entity.name, at + 1))
      found.push({ start: at, entity })
  }
  found.sort((a, b) => a.start - b.start)
  if (found.length < count) throw new Error(`only ${found.length} entity names in the text`)
  return Array.from({ length: count }, (_, i) => {
    const { start, entity } = found[Math.floor((i * found.length) / count)]!
    return {
      id: seededId(r),
      entityId: entity.id,
      target: targetFor(text, start, start + entity.name.length),
      status: i % 5 === 0 ? ('suggested' as const) : ('confirmed' as const),
      createdAt: AT,
    }
  })
}

/** Writes the workspace: one copy of the long article per highlight count (0 = no marks at all). */
export async function longArticleWorkspace(
  highlightCounts: readonly number[],
  mentionCount: number,
  targetChars = 1_000_000,
): Promise<LongArticleWorkspace> {
  const { dir, remove } = await benchFolder('reader')
  try {
    const r = seededRandom(1_000)
    const entities = makeEntities(r)
    const { text, blocks } = assembleText(
      newsBlocks(r, targetChars, { sentences: [1, 4], listItems: [2, 5] }),
    )
    const variants: MarkedVariant[] = []
    const articles: Article[] = []
    for (const count of highlightCounts) {
      const title =
        count === 0 ? 'Long report, no marks' : `Long report, ${count.toLocaleString('en')} highlights`
      const article = shell(r, title, text, blocks)
      if (count > 0) {
        article.highlights = spreadHighlights(r, text, blocks, count)
        article.mentions = spreadMentions(r, text, entities, mentionCount)
        const used = new Set(article.mentions.map((m) => m.entityId))
        article.entityCopies = entities.filter((e) => used.has(e.id))
      }
      articles.push(article)
      const types = new Map(entities.map((e) => [e.id, e.type]))
      variants.push({
        id: article.id,
        title,
        highlights: article.highlights.map(({ target: { position }, codeId }) => ({
          start: position.start,
          end: position.end,
          layer: `code-${codeId}`,
        })),
        mentions: article.mentions
          .map(({ target: { position }, entityId }) => ({
            start: position.start,
            end: position.end,
            layer: `entity-${types.get(entityId ?? '')}`,
          }))
          .sort((a, b) => a.start - b.start),
      })
    }
    const short = assembleText(newsBlocks(r, 2_000))
    const otherArticle = shell(r, 'Short note between the long reports', short.text, short.blocks)
    articles.push(otherArticle)

    const rows = []
    const fileBytes: Record<string, number> = {}
    for (const article of articles) {
      const { row, bytes } = await writeArticleFile(dir, article)
      rows.push(row)
      fileBytes[article.title] = bytes
    }
    await writeIndexFile(dir, rows, entities)
    return {
      dir,
      text,
      blocks,
      variants,
      other: { id: otherArticle.id, title: otherArticle.title },
      fileBytes,
      remove,
    }
  } catch (error) {
    await remove()
    throw error
  }
}
