// The workspace on disk: dossier.json (lowdb) for the index and entities, one file per article with
// its annotation log, the originals, backups and quarantine. Only this module writes there, one writer
// per folder.
import { access, mkdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { DossierError } from '../../../shared/errors'
import {
  SCHEMA_VERSION,
  type Article,
  type ArticleSummary,
  type Code,
  type Entity,
  type WorkspaceProblem,
} from '../../../shared/model'
import { reanchorArticle } from '../anchor/reanchor'
import { applyOp, type AnnotationChange, type AnnotationOp } from './annotation-ops'
import { entityCount, summarize } from './article-row'
import { ARTICLES_DIR, articlePath, readArticleFile, serializeArticle, TRASH_DIR } from './article-file'
import {
  appendLine,
  DEFAULT_COMPACTION,
  logPath,
  needsCompaction,
  noLog,
  removeLog,
  type CompactionLimits,
  type LogState,
} from './article-log'
import { writeFileAtomic } from './atomic-write'
import { BACKUPS_DIR } from './backups'
import { DossierIndex } from './dossier-index'
import { errnoOf, isNotWritable, readFailure, writeError } from './fs-errors'
import { InvalidFileError } from './json-file-adapter'
import { removeLeftovers } from './leftovers'
import { loadArticle } from './load-article'
import { acquireLock, type WorkspaceLock } from './lock'
import { loadIndex, prepareFolders } from './open-workspace'
import { ORIGINALS_DIR } from './originals'
import { quarantine } from './quarantine'
import { ReadingPlaces } from './reading-place'

export { summarize } from './article-row'
export { INDEX_FILE } from './dossier-index'

/** Recently used articles kept parsed: this process is the only writer, so they cannot go stale. */
const CACHED_ARTICLES = 32
/** close() folds the logs of the articles in memory into their files for at most this long. */
const CLOSE_COMPACTION_MS = 3_000

export interface WorkspaceOptions {
  /** When an article's annotation log is folded into its file (tests and trials set it low). */
  compaction?: Partial<CompactionLimits>
}

/** An article as the store holds it: parsed, with its log replayed, and what it knows of the log. */
interface CachedArticle {
  article: Article
  log: LogState
  /** Size of the article file: the compaction threshold is relative to it. */
  bytes: number
  compacting?: boolean
  /** After a failed compaction, the next waits until the log has this many ops. */
  retryAtOps?: number
}

export function readOnlyMessage(dir: string): string {
  return `The workspace ${dir} cannot be written, so it is open read-only: you can read and export, but not import, highlight or tag. To change it, copy the folder somewhere you can write to, or fix its permissions, and open it again.`
}

export class Workspace {
  readonly problems: WorkspaceProblem[] = []
  private readonly articleQueues = new Map<string, Promise<unknown>>()
  private readonly cache = new Map<string, CachedArticle>()
  private readonly compaction: CompactionLimits
  /** Articles whose highlights or mentions were re-anchored on reading and not yet saved so. */
  private readonly anchorRepairs = new Set<string>()
  private places: ReadingPlaces | undefined
  private readonly index: DossierIndex
  private backupDone: Promise<void> = Promise.resolve()
  private closed = false

  private constructor(
    readonly dir: string,
    /** A folder that cannot be written opens read-only: everything shows, nothing changes. */
    readonly readOnly: boolean,
    private readonly lock: WorkspaceLock | undefined,
    options: WorkspaceOptions,
  ) {
    this.compaction = { ...DEFAULT_COMPACTION, ...options.compaction }
    this.index = new DossierIndex(dir, () => this.assertWritable())
  }

  /**
   * Opens (or creates) the workspace in `dir`. Damaged files are quarantined and listed in `problems`;
   * a damaged or missing dossier.json is rebuilt from its newest valid backup and the article files.
   */
  static async open(dir: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    let writable = await prepareFolders(dir)
    let lock: WorkspaceLock | undefined
    if (writable) {
      try {
        lock = await acquireLock(dir)
      } catch (error) {
        if (!isNotWritable(error)) throw error
        writable = false
      }
    }
    const workspace = new Workspace(dir, !writable, lock, options)
    try {
      if (writable) await removeLeftovers(dir, [ARTICLES_DIR, ORIGINALS_DIR, BACKUPS_DIR, TRASH_DIR])
      const { readOnly, problems, index } = workspace
      workspace.backupDone = (await loadIndex({ dir, readOnly, problems, index })).backupDone
      workspace.places = await ReadingPlaces.open(dir, !writable, workspace.problems)
      return workspace
    } catch (error) {
      await lock?.release()
      throw error
    }
  }

  get articles(): ArticleSummary[] {
    return [...this.index.rows.values()]
  }

  get entities(): Entity[] {
    return this.index.entities
  }

  /** Where the analyst was reading (reading.json). */
  get reading(): ReadingPlaces {
    return this.places!
  }

  /** The codebook with its tombstones, in order. */
  get codes(): Code[] {
    return this.index.codes
  }

  summary(id: string): ArticleSummary | undefined {
    return this.index.rows.get(id)
  }

  findBySha(hash: string): ArticleSummary | undefined {
    for (const row of this.index.rows.values()) if (row.sha256 === hash) return row
    return undefined
  }

  /** A copy of the article, its annotation log applied: the caller may change it freely. */
  async readArticle(id: string): Promise<Article> {
    return this.enqueue(id, async () => structuredClone((await this.cached(id)).article))
  }

  /** The stored article itself, for reading only: what it returns must not be changed. */
  async peekArticle(id: string): Promise<Readonly<Article>> {
    return this.enqueue(id, async () => (await this.cached(id)).article)
  }

  /**
   * The article as stored. Called only from a task of the article's queue, so one article is never
   * loaded twice at once, and a load never races an append to its log.
   */
  private async cached(id: string): Promise<CachedArticle> {
    const row = this.index.rows.get(id)
    if (!row)
      throw new DossierError(
        'not-found',
        'That article is no longer in the workspace. It may have been removed.',
      )
    const cached = this.cache.get(id)
    if (cached) return cached
    const path = articlePath(this.dir, id)
    const file = `${ARTICLES_DIR}/${id}.json`
    try {
      const loaded = await loadArticle(this.dir, id, { readOnly: this.readOnly })
      // The text may have changed under the selectors (a migration, another version of the extractor).
      if (reanchorArticle(loaded.article).changed && !this.readOnly) this.saveAnchorsSoon(id)
      // A read-only workspace meets the same damaged log at every load: it is named once.
      const problem = loaded.problem
      if (problem && !this.problems.some((p) => p.file === problem.file)) this.problems.push(problem)
      const entry = { article: loaded.article, log: loaded.log, bytes: loaded.bytes }
      this.remember(entry)
      return entry
    } catch (error) {
      if (error instanceof InvalidFileError) {
        this.forget(id)
        const problem = await quarantine(this.dir, path, error.reason, { readOnly: this.readOnly })
        this.problems.push(problem)
        // Its log goes along, if there is one: it means nothing without the article.
        await quarantine(this.dir, logPath(this.dir, id), 'its article file is damaged', {
          readOnly: this.readOnly,
        }).then(
          (logProblem) => this.problems.push(logProblem),
          () => {},
        )
        throw new DossierError('damaged-file', problem.message, problem.file)
      }
      if (errnoOf(error) === 'ENOENT') {
        this.forget(id)
        const message = `The article file of "${row.title}" (${file}) was deleted outside Dossier, so it was taken out of the library. Its original is still in ${ORIGINALS_DIR}/; import it again to get it back.`
        this.problems.push({ file, message })
        throw new DossierError('not-found', message, file)
      }
      if (error instanceof DossierError) throw error
      throw new DossierError(
        'permission-denied',
        `"${row.title}" could not be opened because ${readFailure(error)} (${file}). Nothing was changed; fix the file and try again.`,
        file,
      )
    }
  }

  /**
   * Saves re-anchored selectors as soon as the article's queue is free, so the search is not repeated on
   * every reading; any other save of the article writes them first. If the write fails, the file keeps
   * the old selectors and the next reading finds the same places again.
   */
  private saveAnchorsSoon(id: string): void {
    this.anchorRepairs.add(id)
    this.enqueue(id, async () => {
      if (this.anchorRepairs.has(id)) await this.saveArticle((await this.cached(id)).article)
    }).catch(() => {})
  }

  /** Takes an article whose file is gone or unusable out of the library. */
  private forget(id: string): void {
    this.index.rows.delete(id)
    this.cache.delete(id)
    if (!this.readOnly) void this.flush().catch(() => {})
  }

  private remember(entry: CachedArticle): void {
    const { id } = entry.article
    this.cache.delete(id)
    this.cache.set(id, entry)
    if (this.cache.size > CACHED_ARTICLES) this.cache.delete(this.cache.keys().next().value!)
  }

  /** Runs `task` after every earlier task on the same article: changes to one article run one at a time. */
  private enqueue<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.articleQueues.get(id) ?? Promise.resolve()
    const next = previous.catch(() => {}).then(task)
    this.articleQueues.set(id, next)
    const settle = () => {
      if (this.articleQueues.get(id) === next) this.articleQueues.delete(id)
    }
    next.then(settle, settle)
    return next
  }

  /** Runs `change` on a copy of the stored article and rewrites its file (folding in its log). */
  async updateArticle<T>(id: string, change: (article: Article) => T): Promise<T> {
    this.assertWritable()
    return this.enqueue(id, async () => {
      const article = structuredClone((await this.cached(id)).article)
      const result = change(article)
      article.updatedAt = new Date().toISOString()
      await this.saveArticle(article)
      return result
    })
  }

  /**
   * Records one highlight or mention change in the article's log. `plan` reads the stored article
   * (and must not change it) and returns the change and the caller's result. The change is appended
   * and fsynced before the article in memory shows it; if the append fails, nothing has changed and
   * the error says why. Costs one small write whatever the size of the article: the article file is
   * rewritten only now and then, in the background, when the log has grown (`compactLater`).
   */
  async annotate<T>(
    id: string,
    plan: (article: Readonly<Article>) => { change: AnnotationChange; result: T },
  ): Promise<T> {
    this.assertWritable()
    return this.enqueue(id, async () => {
      this.assertWritable()
      const entry = await this.cached(id)
      const { change, result } = plan(entry.article)
      const op = this.stamped(change)
      let mtimeMs: number
      try {
        mtimeMs = await appendLine(logPath(this.dir, id), entry.log, JSON.stringify(op))
      } catch (error) {
        throw writeError(error, `"${entry.article.title}"`, this.dir)
      }
      applyOp(entry.article, op)
      const row = this.index.rows.get(id)
      if (row) {
        const { highlights, mentions } = entry.article
        const counts = { highlightCount: highlights.length, entityCount: entityCount(mentions) }
        this.index.rows.set(id, { ...row, ...counts, savedAt: mtimeMs })
      }
      this.index.scheduleWrite()
      this.compactLater(id, entry)
      return result
    })
  }

  /** The op as logged: stamped, with a copy of the code or entity it refers to. */
  private stamped(change: AnnotationChange): AnnotationOp {
    const stamp = { v: SCHEMA_VERSION, at: new Date().toISOString() } as const
    if (change.op === 'put-highlight') {
      const code = this.codes.find((c) => c.id === change.highlight.codeId)
      return { ...stamp, ...change, ...(code ? { code } : {}) }
    }
    if (change.op === 'put-mention') {
      const entity = this.entities.find((e) => e.id === change.mention.entityId)
      return { ...stamp, ...change, ...(entity ? { entity } : {}) }
    }
    return { ...stamp, ...change }
  }

  /** Queues the folding of a grown log into the article file; annotation calls never wait for it. */
  private compactLater(id: string, entry: CachedArticle): void {
    if (entry.compacting || (entry.retryAtOps !== undefined && entry.log.ops < entry.retryAtOps)) return
    if (!needsCompaction(entry.log, entry.bytes, this.compaction)) return
    entry.compacting = true
    this.enqueue(id, () => this.compact(id))
      .catch(() => {
        // The log still holds every change; the next attempt waits for it to grow again.
        entry.retryAtOps = entry.log.ops + this.compaction.ops
      })
      .finally(() => (entry.compacting = false))
  }

  /** Rewrites the article file with its log folded in, then removes the log. Runs in the article's queue. */
  private async compact(id: string): Promise<void> {
    const entry = this.cache.get(id)
    // An article no longer in memory keeps its log, which is as durable as the file.
    if (!entry || !entry.log.exists || this.closed || this.readOnly) return
    await this.store(entry.article)
  }

  /** Writes a new or changed article durably; the index row follows shortly after. */
  async saveArticle(article: Article): Promise<ArticleSummary> {
    this.assertWritable()
    try {
      return await this.store(article)
    } catch (error) {
      this.cache.delete(article.id)
      throw writeError(error, `"${article.title}"`, this.dir)
    }
  }

  /**
   * Writes the article file, with copies of the entities and codes it refers to, and then removes the
   * log: the file now holds all of it, so a crash in between only leaves a log whose replay changes
   * nothing. Callers hand over the article and do not change it afterwards, so no copy is needed.
   */
  private async store(article: Article): Promise<ArticleSummary> {
    const referred = new Set(article.mentions.map((m) => m.entityId))
    const copies = this.entities.filter((e) => referred.has(e.id))
    article.entityCopies = copies.length > 0 ? structuredClone(copies) : undefined
    const used = new Set(article.highlights.map((h) => h.codeId))
    const codeCopies = this.codes.filter((c) => used.has(c.id))
    article.codeCopies = codeCopies.length > 0 ? structuredClone(codeCopies) : undefined
    const json = serializeArticle(article)
    const mtimeMs = await writeFileAtomic(articlePath(this.dir, article.id), json)
    this.anchorRepairs.delete(article.id)
    const log = await this.removeFoldedLog(article.id)
    this.remember({ article, log, bytes: Buffer.byteLength(json) })
    const row = summarize(article, mtimeMs)
    this.index.rows.set(article.id, row)
    this.index.scheduleWrite()
    return row
  }

  private async removeFoldedLog(id: string): Promise<LogState> {
    const known = this.cache.get(id)?.log
    if (known && !known.exists) return known
    try {
      await removeLog(logPath(this.dir, id))
      return noLog()
    } catch {
      // It stays, replaying only what the file already holds; appends go on after it.
      return known ?? { ...noLog(), exists: true, tail: true }
    }
  }

  /** Moves an article file to trash/, from where restoreArticle brings it back. */
  async removeArticle(id: string): Promise<ArticleSummary> {
    this.assertWritable()
    return this.enqueue(id, async () => {
      const row = this.index.rows.get(id)
      if (!row) throw new DossierError('not-found', 'That article is no longer in the workspace.')
      try {
        // Its log is folded in first, so trash/ holds one whole file per article.
        const hasLog =
          this.cache.get(id)?.log.exists ??
          (await access(logPath(this.dir, id)).then(
            () => true,
            () => false,
          ))
        if (hasLog) await this.store((await this.cached(id)).article)
        await mkdir(join(this.dir, TRASH_DIR), { recursive: true })
        await rename(articlePath(this.dir, id), join(this.dir, TRASH_DIR, `${id}.json`))
      } catch (error) {
        throw writeError(error, `the removal of "${row.title}"`, this.dir)
      }
      this.index.rows.delete(id)
      this.cache.delete(id)
      await this.flush()
      return row
    })
  }

  async restoreArticle(id: string): Promise<ArticleSummary> {
    this.assertWritable()
    return this.enqueue(id, () => this.restore(id))
  }

  private async restore(id: string): Promise<ArticleSummary> {
    const trashed = join(this.dir, TRASH_DIR, `${id}.json`)
    let article: Article
    try {
      article = await readArticleFile(trashed)
    } catch (error) {
      if (error instanceof InvalidFileError)
        throw new DossierError(
          'damaged-file',
          `The removed article cannot be restored: its copy in ${TRASH_DIR}/${id}.json is damaged (${error.reason}). It was left there, untouched; import its original again instead.`,
        )
      throw new DossierError(
        'not-found',
        'That article is not in the trash any more, so it cannot be restored.',
      )
    }
    reanchorArticle(article)
    const row = await this.saveArticle(article)
    await rm(trashed, { force: true })
    return row
  }

  /** Changes the entity list and writes it at once; if the write fails, the list is put back as it was. */
  updateEntities<T>(change: (entities: Entity[]) => { changed: boolean; result: T }): Promise<T> {
    return this.index.updateList('entities', change)
  }

  /** Changes the codebook and writes it at once, under the same rules as the entity list. */
  updateCodes<T>(change: (codes: Code[]) => { changed: boolean; result: T }): Promise<T> {
    return this.index.updateList('codes', change)
  }

  /** Entities are written before any article refers to them. */
  addEntity(entity: Entity): Promise<void> {
    return this.updateEntities((entities) => {
      entities.push(entity)
      return { changed: true, result: undefined }
    })
  }

  /** Writes dossier.json now. */
  flush(): Promise<void> {
    return this.index.flush()
  }

  /** Throws the sentence the analyst sees when this workspace cannot be changed. */
  assertWritable(): void {
    if (this.closed) throw new DossierError('internal', 'The workspace is closed.')
    if (this.readOnly) throw new DossierError('read-only', readOnlyMessage(this.dir))
  }

  /** Folds the logs of the articles in memory into their files, for at most `budgetMs`. */
  private async compactAll(budgetMs: number): Promise<void> {
    const until = Date.now() + budgetMs
    for (const [id, entry] of [...this.cache]) {
      if (Date.now() > until) return
      if (entry.log.exists) await this.enqueue(id, () => this.compact(id)).catch(() => {})
    }
  }

  /** Saves what is pending and releases the lock, also when saving fails (the error is passed on). */
  async close(): Promise<void> {
    if (this.closed) return
    try {
      await Promise.allSettled(this.articleQueues.values())
      await this.index.listChangesDone()
      await this.backupDone
      if (this.readOnly) return
      // A log left over is as safe as the file; folding it now keeps the next opening's reads short.
      await this.compactAll(CLOSE_COMPACTION_MS)
      await this.index.writePending()
    } finally {
      this.closed = true
      this.index.stop()
      await this.lock?.release()
    }
  }
}
