// Every mention of the workspace in memory, for the entity index, pages, network and exports: per
// article, each mention's entity id (as stored: merges are resolved when counting), range, paragraph
// and status, and each highlight's range. Built from index/entities.json when it is there, then brought
// up to date before every question by re-reading only the articles whose row changed, so no handler
// has to tell it what it changed (tagging, import, removal, re-extraction, the suggesters, the library's
// batch edits all replace the article's row).
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Article, ArticleSummary } from '../../../shared/model'
import { writeFileAtomic } from '../store/atomic-write'
import type { Workspace } from '../store/workspace'

export const ENTITY_INDEX_FILE = join('index', 'entities.json')
const FORMAT = 'dossier-entities'
const VERSION = 1
/** Articles read at once while building: enough to overlap reads, few enough to keep files open low. */
const READ_CONCURRENCY = 8
/** The file is written this long after the last change, so a burst of tags costs one write. */
const SAVE_DELAY_MS = 2_000

export interface IndexedMention {
  id: string
  /** As stored; resolve it with entityResolver. */
  entityId: string
  start: number
  end: number
  /** Index in `article.blocks` of the block the mention starts in, -1 for none. */
  block: number
  confirmed: boolean
}

export interface IndexedArticle {
  id: string
  savedAt: number
  /** The index row read, to notice that the article changed since; absent when loaded from the file. */
  row?: ArticleSummary
  mentions: IndexedMention[]
  /** [id, start, end] of each highlight. */
  highlights: [string, number, number][]
}

/** What the index reads from: the workspace, or a stand-in in a test. */
export type MentionSource = Pick<Workspace, 'articles' | 'summary' | 'peekArticle' | 'dir' | 'assertWritable'>

/** The block holding `offset` (blocks are in text order). */
export function blockAt(blocks: Article['blocks'], offset: number): number {
  let lo = 0
  let hi = blocks.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const block = blocks[mid]!
    if (offset < block.start) hi = mid - 1
    else if (offset >= block.end) lo = mid + 1
    else return mid
  }
  return -1
}

export function indexArticle(
  article: Readonly<Article>,
  savedAt: number,
  row?: ArticleSummary,
): IndexedArticle {
  const mentions: IndexedMention[] = []
  for (const m of article.mentions) {
    // A proposal is of no entity yet: it is counted nowhere until accepted.
    if (m.status === 'rejected' || m.unanchored || m.entityId === undefined) continue
    const { start, end } = m.target.position
    mentions.push({
      id: m.id,
      entityId: m.entityId,
      start,
      end,
      block: blockAt(article.blocks, start),
      confirmed: m.status === 'confirmed',
    })
  }
  const highlights = article.highlights
    .filter((h) => !h.unanchored)
    .map((h): [string, number, number] => [h.id, h.target.position.start, h.target.position.end])
  return { id: article.id, savedAt, row, mentions, highlights }
}

type StoredMention = [string, string, number, number, number, 0 | 1]
type StoredArticle = [string, number, StoredMention[], [string, number, number][]]

/** Reads the file's articles, or undefined when it is missing, damaged or of another version (rebuilt). */
async function readIndexFile(dir: string): Promise<IndexedArticle[] | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(dir, ENTITY_INDEX_FILE), 'utf8')) as {
      format?: unknown
      version?: unknown
      articles?: unknown
    }
    if (parsed.format !== FORMAT || parsed.version !== VERSION || !Array.isArray(parsed.articles))
      return undefined
    const out: IndexedArticle[] = []
    for (const [id, savedAt, mentions, highlights] of parsed.articles as StoredArticle[]) {
      if (typeof id !== 'string' || typeof savedAt !== 'number' || !Array.isArray(mentions)) return undefined
      out.push({
        id,
        savedAt,
        mentions: mentions.map(([mid, entityId, start, end, block, confirmed]) => ({
          id: mid,
          entityId,
          start,
          end,
          block,
          confirmed: confirmed === 1,
        })),
        highlights: Array.isArray(highlights) ? highlights : [],
      })
    }
    return out
  } catch {
    return undefined
  }
}

export class MentionIndex {
  private readonly articles = new Map<string, IndexedArticle>()
  private loaded: Promise<void> | undefined
  private syncing: Promise<void> = Promise.resolve()
  private timer: NodeJS.Timeout | undefined
  /** Changed since index/entities.json was last written. */
  private dirty = false

  constructor(private readonly source: MentionSource) {}

  /** The articles' mentions, up to date with the workspace's rows. */
  async current(): Promise<ReadonlyMap<string, IndexedArticle>> {
    this.loaded ??= this.load()
    await this.loaded
    const run = this.syncing.catch(() => {}).then(() => this.sync())
    this.syncing = run
    await run
    return this.articles
  }

  private async load(): Promise<void> {
    for (const article of (await readIndexFile(this.source.dir)) ?? []) this.articles.set(article.id, article)
  }

  private async sync(): Promise<void> {
    const stale: ArticleSummary[] = []
    for (const row of this.source.articles) {
      const known = this.articles.get(row.id)
      // Rows are replaced on every change; one loaded from the file is trusted while its savedAt matches.
      if (known?.row === row) continue
      if (known && known.row === undefined && known.savedAt === row.savedAt) {
        known.row = row
        continue
      }
      stale.push(row)
    }
    let changed = stale.length > 0
    for (const id of this.articles.keys()) {
      if (!this.source.summary(id)) {
        this.articles.delete(id)
        changed = true
      }
    }
    let next = 0
    const worker = async () => {
      while (next < stale.length) {
        const row = stale[next++]!
        try {
          const article = await this.source.peekArticle(row.id)
          this.articles.set(row.id, indexArticle(article, row.savedAt, row))
        } catch {
          // Unreadable: reading it reports why to the analyst; it counts for nothing here meanwhile.
          this.articles.delete(row.id)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, stale.length) }, worker))
    if (changed) {
      this.dirty = true
      this.saveLater()
    }
  }

  /**
   * For closing (after the logs are folded into the files, which changes their rows): brings the index
   * up to date and writes it, so the next opening reads no article. Nothing to do if it was never asked.
   */
  async flush(): Promise<void> {
    if (!this.loaded) return
    await this.current()
    if (this.dirty) await this.save()
    this.stop()
  }

  private saveLater(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.save().catch(() => {})
    }, SAVE_DELAY_MS)
    this.timer.unref()
  }

  /** Writes index/entities.json now (derived data: a failure only means a rebuild next time). */
  async save(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    try {
      this.source.assertWritable()
    } catch {
      return
    }
    // An article changed since it was read is left out, to be read again at the next opening.
    this.dirty = false
    const current = [...this.articles.values()].filter((a) => a.row === this.source.summary(a.id))
    const articles: StoredArticle[] = current.map((a) => [
      a.id,
      a.savedAt,
      a.mentions.map((m): StoredMention => [m.id, m.entityId, m.start, m.end, m.block, m.confirmed ? 1 : 0]),
      a.highlights,
    ])
    try {
      await mkdir(join(this.source.dir, 'index'), { recursive: true })
      await writeFileAtomic(
        join(this.source.dir, ENTITY_INDEX_FILE),
        JSON.stringify({ format: FORMAT, version: VERSION, articles }),
      )
    } catch (error) {
      this.dirty = true
      throw error
    }
  }

  /** No save is left pending (for closing). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }
}
