// The workspace on disk: dossier.json (lowdb) for the index and entities, one file per article,
// the originals, backups and quarantine. Only this module writes there, one writer per folder.
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { DossierError } from '../../../shared/errors'
import {
  SCHEMA_VERSION,
  WorkspaceIndex,
  type Article,
  type ArticleSummary,
  type Entity,
  type WorkspaceProblem,
} from '../../../shared/model'
import { ARTICLES_DIR, articlePath, readArticleFile, writeArticleFile } from './article-file'
import { InvalidFileError, ValidatedJsonFile } from './json-file-adapter'
import { acquireLock, type WorkspaceLock } from './lock'
import { ORIGINALS_DIR } from './originals'
import { quarantine } from './quarantine'

export const INDEX_FILE = 'dossier.json'
const BACKUPS_DIR = 'backups'
const TRASH_DIR = 'trash'
const BACKUPS_KEPT = 5
/**
 * Article saves only mark the index dirty: the article file is already durable, and opening re-reads any
 * file newer than its row. Rewriting the whole index (megabytes at thousands of articles) on every save
 * would make a save's cost grow with the workspace, so it is written when idle, on close, or at once
 * for changes that live only in the index (entities, removals).
 */
const INDEX_IDLE_WRITE_MS = 30_000
/** Recently used articles kept parsed: this process is the only writer, so they cannot go stale. */
const CACHED_ARTICLES = 32

export function summarize(article: Article, savedAt: number): ArticleSummary {
  const entityIds = new Set(article.mentions.filter((m) => m.status !== 'rejected').map((m) => m.entityId))
  return {
    id: article.id,
    title: article.title,
    siteName: article.siteName,
    sourceUrl: article.sourceUrl,
    published: article.published,
    originalName: article.original.name,
    sha256: article.original.sha256,
    importedAt: article.importedAt,
    highlightCount: article.highlights.length,
    entityCount: entityIds.size,
    simhash: article.simhash,
    savedAt,
  }
}

function emptyIndex(): WorkspaceIndex {
  return { schemaVersion: SCHEMA_VERSION, createdAt: new Date().toISOString(), articles: [], entities: [] }
}

export class Workspace {
  readonly problems: WorkspaceProblem[] = []
  private readonly rows = new Map<string, ArticleSummary>()
  private readonly articleQueues = new Map<string, Promise<unknown>>()
  private readonly cache = new Map<string, Article>()
  private indexTimer: NodeJS.Timeout | undefined
  private indexWrites: Promise<void> = Promise.resolve()
  private indexDirty = false
  private backupDone: Promise<void> = Promise.resolve()
  private closed = false

  private constructor(
    readonly dir: string,
    private readonly db: Low<WorkspaceIndex>,
    private readonly lock: WorkspaceLock,
  ) {}

  /** Opens (or creates) the workspace in `dir`. Damaged files are quarantined and listed in `problems`. */
  static async open(dir: string): Promise<Workspace> {
    for (const sub of [ARTICLES_DIR, ORIGINALS_DIR, BACKUPS_DIR])
      await mkdir(join(dir, sub), { recursive: true })
    const lock = await acquireLock(dir)
    try {
      const indexPath = join(dir, INDEX_FILE)
      const db = new Low<WorkspaceIndex>(new ValidatedJsonFile(indexPath, WorkspaceIndex), emptyIndex())
      const workspace = new Workspace(dir, db, lock)
      let mustWrite = false
      try {
        await db.read()
        db.data ??= emptyIndex()
      } catch (error) {
        if (!(error instanceof InvalidFileError)) throw error
        workspace.problems.push(await quarantine(dir, indexPath, error.reason))
        db.data = emptyIndex()
        mustWrite = true
      }
      for (const row of db.data.articles) workspace.rows.set(row.id, row)
      if (await workspace.reconcile()) mustWrite = true
      if (mustWrite) await workspace.flush()
      // The backup copy is not part of opening: the library shows while it is made.
      else workspace.backupDone = workspace.backup().catch(() => {})
      return workspace
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  /** Brings the index in line with the article files: new or newer files are read, missing ones reported. */
  private async reconcile(): Promise<boolean> {
    const articlesDir = join(this.dir, ARTICLES_DIR)
    const names = await readdir(articlesDir)
    let changed = false
    const seen = new Set<string>()
    await Promise.all(
      names.map(async (name) => {
        const path = join(articlesDir, name)
        // A leftover temp file is a write that never reached its rename: the real file is intact.
        if (name.endsWith('.tmp')) return rm(path, { force: true })
        if (!name.endsWith('.json')) return
        const id = name.slice(0, -'.json'.length)
        seen.add(id)
        const row = this.rows.get(id)
        const { mtimeMs } = await stat(path)
        if (row && mtimeMs <= row.savedAt) return
        changed = true
        try {
          const article = await readArticleFile(path)
          this.rows.set(article.id, summarize(article, mtimeMs))
        } catch (error) {
          if (!(error instanceof InvalidFileError) && !(error instanceof DossierError)) throw error
          this.rows.delete(id)
          this.problems.push(
            await quarantine(
              this.dir,
              path,
              error instanceof InvalidFileError ? error.reason : error.message,
            ),
          )
        }
      }),
    )
    for (const [id, row] of this.rows) {
      if (seen.has(id)) continue
      this.rows.delete(id)
      changed = true
      this.problems.push({
        file: `${ARTICLES_DIR}/${id}.json`,
        message: `The article file of "${row.title}" (${ARTICLES_DIR}/${id}.json) is missing, so it was taken out of the library. Its original is still in ${ORIGINALS_DIR}/; import it again to get it back.`,
      })
    }
    return changed
  }

  get articles(): ArticleSummary[] {
    return [...this.rows.values()]
  }

  get entities(): Entity[] {
    return this.db.data.entities
  }

  summary(id: string): ArticleSummary | undefined {
    return this.rows.get(id)
  }

  findBySha(hash: string): ArticleSummary | undefined {
    for (const row of this.rows.values()) if (row.sha256 === hash) return row
    return undefined
  }

  async readArticle(id: string): Promise<Article> {
    const row = this.rows.get(id)
    if (!row)
      throw new DossierError(
        'not-found',
        'That article is no longer in the workspace. It may have been removed.',
      )
    const cached = this.cache.get(id)
    // A copy, so a change that fails to save never leaks into the cache.
    if (cached) return structuredClone(cached)
    const path = articlePath(this.dir, id)
    try {
      const article = await readArticleFile(path)
      this.remember(article)
      return structuredClone(article)
    } catch (error) {
      if (!(error instanceof InvalidFileError)) throw error
      this.rows.delete(id)
      void this.flush().catch(() => {})
      const problem = await quarantine(this.dir, path, error.reason)
      this.problems.push(problem)
      throw new DossierError('damaged-file', problem.message, problem.file)
    }
  }

  private remember(article: Article): void {
    this.cache.delete(article.id)
    this.cache.set(article.id, article)
    if (this.cache.size > CACHED_ARTICLES) this.cache.delete(this.cache.keys().next().value!)
  }

  /** Runs `change` on the stored article and saves it; changes to one article run one at a time. */
  async updateArticle<T>(id: string, change: (article: Article) => T): Promise<T> {
    const previous = this.articleQueues.get(id) ?? Promise.resolve()
    const next = previous
      .catch(() => {})
      .then(async () => {
        const article = await this.readArticle(id)
        const result = change(article)
        article.updatedAt = new Date().toISOString()
        await this.saveArticle(article)
        return result
      })
    this.articleQueues.set(id, next)
    try {
      return await next
    } finally {
      if (this.articleQueues.get(id) === next) this.articleQueues.delete(id)
    }
  }

  /** Writes a new or changed article durably; the index row follows shortly after. */
  async saveArticle(article: Article): Promise<ArticleSummary> {
    this.assertOpen()
    let mtimeMs: number
    try {
      mtimeMs = await writeArticleFile(this.dir, article)
    } catch (error) {
      this.cache.delete(article.id)
      throw new DossierError(
        'write-failed',
        `Could not save "${article.title}" (${(error as Error).message}). The previous version is intact; check that the disk is not full and try again.`,
      )
    }
    // Callers hand over the article they saved and do not change it afterwards, so no copy is needed.
    this.remember(article)
    const row = summarize(article, mtimeMs)
    this.rows.set(article.id, row)
    this.scheduleIndexWrite()
    return row
  }

  /** Moves an article file to trash/, from where restoreArticle brings it back. */
  async removeArticle(id: string): Promise<ArticleSummary> {
    const row = this.rows.get(id)
    if (!row) throw new DossierError('not-found', 'That article is no longer in the workspace.')
    await mkdir(join(this.dir, TRASH_DIR), { recursive: true })
    await rename(articlePath(this.dir, id), join(this.dir, TRASH_DIR, `${id}.json`))
    this.rows.delete(id)
    this.cache.delete(id)
    await this.flush()
    return row
  }

  async restoreArticle(id: string): Promise<ArticleSummary> {
    const trashed = join(this.dir, TRASH_DIR, `${id}.json`)
    const article = await readArticleFile(trashed).catch(() => {
      throw new DossierError(
        'not-found',
        'That article is not in the trash any more, so it cannot be restored.',
      )
    })
    const row = await this.saveArticle(article)
    await rm(trashed, { force: true })
    return row
  }

  /** Entities live in dossier.json; they are written before any article refers to them. */
  async addEntity(entity: Entity): Promise<void> {
    this.db.data.entities.push(entity)
    await this.flush()
  }

  private scheduleIndexWrite(): void {
    this.indexDirty = true
    if (this.indexTimer || this.closed) return
    this.indexTimer = setTimeout(() => {
      this.indexTimer = undefined
      if (this.indexDirty) this.flush().catch(() => {})
    }, INDEX_IDLE_WRITE_MS)
    this.indexTimer.unref()
  }

  /** Writes dossier.json now; writes are queued so an older index never lands after a newer one. */
  flush(): Promise<void> {
    if (this.indexTimer) clearTimeout(this.indexTimer)
    this.indexTimer = undefined
    this.indexDirty = false
    this.indexWrites = this.indexWrites
      .catch(() => {})
      .then(() => {
        this.db.data.articles = [...this.rows.values()]
        return this.db.write()
      })
      .catch((error: unknown) => {
        this.indexDirty = true
        throw error
      })
    return this.indexWrites
  }

  /** Keeps the last few copies of dossier.json in backups/ (one per opening). */
  private async backup(): Promise<void> {
    const dir = join(this.dir, BACKUPS_DIR)
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    await copyFile(join(this.dir, INDEX_FILE), join(dir, `dossier-${stamp}.json`)).catch(() => {})
    const old = (await readdir(dir)).filter((n) => n.startsWith('dossier-')).sort()
    await Promise.all(old.slice(0, -BACKUPS_KEPT).map((n) => rm(join(dir, n), { force: true })))
  }

  private assertOpen(): void {
    if (this.closed) throw new DossierError('internal', 'The workspace is closed.')
  }

  async close(): Promise<void> {
    if (this.closed) return
    await Promise.allSettled(this.articleQueues.values())
    await this.backupDone
    if (this.indexDirty) await this.flush()
    else await this.indexWrites.catch(() => {})
    this.closed = true
    await this.lock.release()
  }
}
