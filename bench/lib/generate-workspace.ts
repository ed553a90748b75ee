// Writes a benchmark workspace straight to disk: valid article files plus a dossier.json whose rows
// carry each file's mtime, exactly what Workspace.open expects of a workspace it wrote itself.
import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import { mkdir, mkdtemp, open, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { targetFor } from '../../src/main/services/annotate/target'
import { assembleText } from '../../src/main/services/import/text-blocks'
import { ARTICLES_DIR, articlePath, serializeArticle } from '../../src/main/services/store/article-file'
import { fsyncDirectory } from '../../src/main/services/store/atomic-write'
import { INDEX_FILE, summarize } from '../../src/main/services/store/workspace'
import {
  Article,
  SCHEMA_VERSION,
  WorkspaceIndex,
  type ArticleSummary,
  type Entity,
  type EntityType,
  type Mention,
} from '../../src/shared/model'
import { EQUIPMENT, ORGANIZATIONS, PEOPLE, PLACES, newsBlocks, newsTitle } from './news-text'
import { seededRandom, type Random } from './random'
import { DEFAULT_CODES, seedCodes } from '../../src/main/services/codes/codebook'

export interface BenchWorkspace {
  dir: string
  ids: string[]
  /** Mean size of an article file in bytes, to show the articles are the size the target assumes. */
  meanFileBytes: number
  remove(): Promise<void>
}

const BASE_TIME = Date.parse('2024-03-01T08:00:00Z')

// Folders not yet removed, so Ctrl-C does not leave tens of MB behind in the temp folder.
const live = new Set<string>()
process.once('SIGINT', () => {
  for (const dir of live) rmSync(dir, { recursive: true, force: true })
  process.exit(130)
})

/**
 * Written and fsynced, as the store leaves its files: otherwise the kernel would still be writing back
 * tens of MB of generated files while the saves are timed, and every fsync would pay for them.
 */
async function writeDurably(path: string, data: string): Promise<void> {
  const handle = await open(path, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export function seededId(r: Random): string {
  let id = ''
  for (let i = 0; i < 16; i++) id += r.int(0, 35).toString(36)
  return id
}

function isoAt(r: Random, spreadDays: number): string {
  return new Date(BASE_TIME - r.int(0, spreadDays * 86_400_000)).toISOString()
}

/** The people, organisations, places and equipment of news-text.ts, as entities of the workspace. */
export function makeEntities(r: Random): Entity[] {
  const groups: [EntityType, string[]][] = [
    ['Person', PEOPLE],
    ['Organization', ORGANIZATIONS],
    ['Location', PLACES],
    ['Equipment', EQUIPMENT],
  ]
  return groups.flatMap(([type, names]) =>
    names.map((name) => ({ id: seededId(r), name, type, aliases: [], notes: '', createdAt: isoAt(r, 30) })),
  )
}

/** Mentions anchor to real occurrences of entity names, as the tagger would produce them. */
function makeMentions(r: Random, text: string, entities: Entity[]): Mention[] {
  const mentions: Mention[] = []
  for (let tries = 0; tries < 12 && mentions.length < 6; tries++) {
    const entity = r.pick(entities)
    const start = text.indexOf(entity.name)
    if (start < 0) continue
    const status = r.pick(['confirmed', 'confirmed', 'suggested', 'rejected'] as const)
    mentions.push({
      id: seededId(r),
      entityId: entity.id,
      target: targetFor(text, start, start + entity.name.length),
      status,
      createdAt: isoAt(r, 10),
    })
  }
  return mentions
}

function makeArticle(r: Random, index: number, entities: Entity[]): Article {
  // Text of 3.8–6 K characters puts the article file (with blocks, highlights, mentions) near 8 KB.
  const { text, blocks } = assembleText(newsBlocks(r, r.int(3_800, 6_000)))
  const importedAt = isoAt(r, 60)
  const article: Article = {
    schemaVersion: SCHEMA_VERSION,
    id: seededId(r),
    title: newsTitle(r),
    byline: r.next() < 0.6 ? `By ${r.pick(PEOPLE)}` : undefined,
    published: isoAt(r, 400).slice(0, 10),
    sourceUrl: `https://news.example.com/world/${index}-${seededId(r)}`,
    siteName: r.pick(['WION', 'Reuters', 'The Korea Herald', 'NK News']),
    language: 'en',
    tags: r.next() < 0.3 ? ['north-korea', 'arms'] : [],
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
    // Imports carry a 64-bit SimHash (16 hex digits); a random one has the same size in the index.
    simhash: Array.from({ length: 16 }, () => r.int(0, 15).toString(16)).join(''),
    mentions: r.next() < 0.6 ? makeMentions(r, text, entities) : [],
    importedAt,
    updatedAt: importedAt,
  }
  const highlightCount = r.next() < 0.4 ? r.int(1, 4) : 0
  for (let h = 0; h < highlightCount; h++) {
    const block = r.pick(blocks)
    const at = r.int(block.start, block.end - 1)
    const target = targetFor(text, at, Math.min(block.end, at + r.int(20, 160)))
    article.highlights.push({
      id: seededId(r),
      target,
      codeId: r.pick(DEFAULT_CODES).id,
      note: r.next() < 0.3 ? 'Check against KCNA' : '',
      createdAt: importedAt,
      updatedAt: importedAt,
    })
  }
  article.highlights.sort((a, b) => a.target.position.start - b.target.position.start)
  return article
}

/** A fresh temp folder for a bench workspace, removed on Ctrl-C as well as by `remove`. */
export async function benchFolder(name: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `dossier-bench-${name}-`))
  live.add(dir)
  await mkdir(join(dir, ARTICLES_DIR))
  const remove = async () => {
    await rm(dir, { recursive: true, force: true })
    live.delete(dir)
  }
  return { dir, remove }
}

/** Validates and writes one article file durably; returns its index row and the file's size. */
export async function writeArticleFile(
  dir: string,
  draft: Article,
): Promise<{ row: ArticleSummary; bytes: number }> {
  const article = Article.parse(draft)
  const path = articlePath(dir, article.id)
  const json = serializeArticle(article)
  await writeDurably(path, json)
  // savedAt = the file's mtime, so open trusts the row and does not re-read the file.
  return { row: summarize(article, (await stat(path)).mtimeMs), bytes: Buffer.byteLength(json) }
}

/** Writes dossier.json over these rows with the default codebook, then fsyncs the folders. */
export async function writeIndexFile(dir: string, rows: ArticleSummary[], entities: Entity[]): Promise<void> {
  const index = WorkspaceIndex.parse({
    schemaVersion: SCHEMA_VERSION,
    createdAt: new Date(BASE_TIME).toISOString(),
    articles: rows,
    entities,
    codes: seedCodes(DEFAULT_CODES, new Date(BASE_TIME).toISOString()),
  })
  // Same layout as the store's lowdb adapter (one-space indent), so the index has its real size.
  await writeDurably(join(dir, INDEX_FILE), JSON.stringify(index, null, 1))
  await fsyncDirectory(join(dir, ARTICLES_DIR))
  await fsyncDirectory(dir)
}

/** Generates `count` articles in a fresh temp folder. Every article is validated, so a bad generator fails loudly. */
export async function generateWorkspace(count: number, seed = 1): Promise<BenchWorkspace> {
  const { dir, remove } = await benchFolder(String(count))
  try {
    const r = seededRandom(seed)
    const entities = makeEntities(r)
    const rows: ArticleSummary[] = []
    let totalBytes = 0
    // Batches keep a few dozen writes in flight: fast, without thousands of open handles at once.
    for (let first = 0; first < count; first += 64) {
      const batch = Array.from({ length: Math.min(64, count - first) }, (_, k) =>
        makeArticle(r, first + k, entities),
      )
      const written = await Promise.all(batch.map((article) => writeArticleFile(dir, article)))
      for (const { row, bytes } of written) {
        rows.push(row)
        totalBytes += bytes
      }
    }
    await writeIndexFile(dir, rows, entities)
    return { dir, ids: rows.map((row) => row.id), meanFileBytes: totalBytes / count, remove }
  } catch (error) {
    await remove()
    throw error
  }
}

export interface LargeArticleWorkspace extends BenchWorkspace {
  /** Size of the one article file in bytes. */
  fileBytes: number
}

/**
 * One article of about `textChars` characters of text carrying `highlights` highlights and `mentions`
 * mentions (tags at real occurrences of entity names), in a fresh workspace, as an analyst's long report
 * after weeks of work.
 */
export async function generateLargeArticle(
  textChars: number,
  highlights: number,
  mentions: number,
  seed = 7,
): Promise<LargeArticleWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), `dossier-bench-large-${highlights}-`))
  live.add(dir)
  const remove = async () => {
    await rm(dir, { recursive: true, force: true })
    live.delete(dir)
  }
  try {
    await mkdir(join(dir, ARTICLES_DIR))
    const r = seededRandom(seed)
    const entities = makeEntities(r)
    const article = makeArticle(r, 0, entities)
    const { text, blocks } = assembleText(newsBlocks(r, textChars))
    Object.assign(article, { text, blocks, highlights: [], mentions: [] })
    article.original.sha256 = createHash('sha256').update(text).digest('hex')
    for (let h = 0; h < highlights; h++) {
      const block = r.pick(blocks)
      const at = r.int(block.start, block.end - 1)
      article.highlights.push({
        id: seededId(r),
        target: targetFor(text, at, Math.min(block.end, at + r.int(20, 160))),
        codeId: r.pick(DEFAULT_CODES).id,
        note: r.next() < 0.3 ? 'Check against KCNA' : '',
        createdAt: article.importedAt,
        updatedAt: article.importedAt,
      })
    }
    while (article.mentions.length < mentions) {
      const entity = r.pick(entities)
      const start = text.indexOf(entity.name, r.int(0, text.length - 1))
      if (start < 0) continue
      article.mentions.push({
        id: seededId(r),
        entityId: entity.id,
        target: targetFor(text, start, start + entity.name.length),
        status: 'confirmed',
        createdAt: article.importedAt,
      })
    }
    const byStart = (a: Mention, b: Mention) => a.target.position.start - b.target.position.start
    article.highlights.sort((a, b) => a.target.position.start - b.target.position.start)
    article.mentions.sort(byStart)
    const used = new Set(article.mentions.map((m) => m.entityId))
    article.entityCopies = entities.filter((e) => used.has(e.id))
    const checked = Article.parse(article)
    const path = articlePath(dir, checked.id)
    const json = serializeArticle(checked)
    await writeDurably(path, json)
    const row = summarize(checked, (await stat(path)).mtimeMs)
    const index = WorkspaceIndex.parse({
      schemaVersion: SCHEMA_VERSION,
      createdAt: new Date(BASE_TIME).toISOString(),
      articles: [row],
      entities,
      codes: seedCodes(DEFAULT_CODES, new Date(BASE_TIME).toISOString()),
    })
    await writeDurably(join(dir, INDEX_FILE), JSON.stringify(index, null, 1))
    await fsyncDirectory(join(dir, ARTICLES_DIR))
    await fsyncDirectory(dir)
    const fileBytes = Buffer.byteLength(json)
    return { dir, ids: [checked.id], meanFileBytes: fileBytes, fileBytes, remove }
  } catch (error) {
    await remove()
    throw error
  }
}
