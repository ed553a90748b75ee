// The article files: one queue per article, the parsed articles in memory, their annotation logs, trash.
import { access, mkdir, rename, rm, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { DossierError } from '../../../shared/errors'
import {
  SCHEMA_VERSION,
  type Article,
  type ArticleSummary,
  type WorkspaceProblem,
} from '../../../shared/model'
import { reanchorArticle } from '../anchor/reanchor'
import { applyOp, type AnnotationChange, type AnnotationOp } from './annotation-ops'
import { annotationCounts, isOldRow, summarize } from './article-row'
import { ARTICLES_DIR, articlePath, readArticleFile, serializeArticle, TRASH_DIR } from './article-file'
import {
  appendLine,
  logPath,
  needsCompaction,
  noLog,
  removeLog,
  type CompactionLimits,
  type LogState,
} from './article-log'
import { writeFileAtomic } from './atomic-write'
import type { DossierIndex } from './dossier-index'
import { errnoOf, readFailure, writeError } from './fs-errors'
import { InvalidFileError } from './json-file-adapter'
import { loadArticle } from './load-article'
import { ORIGINALS_DIR } from './originals'
import { quarantine } from './quarantine'

/**
 * Recently used articles kept parsed: this process is the only writer, so they cannot go stale. Enough
 * for a brief drawn from fifty articles to be exported again without reading them all back.
 */
const CACHED_ARTICLES = 64
/**
 * How long articles read to be changed soon stay parsed (`holdArticles`): "tag all" reads every article
 * to find a name, the analyst reviews the list, then each article found is tagged. Read twice, the
 * workspace's files were half the time of a tag all of 5,000 articles.
 */
const HOLD_MS = 5 * 60_000
/**
 * At most this many bytes of article files held: parsed, an article takes about three times its file,
 * so some 100 MB at the very most, for minutes (5,000 news articles), within the server's 500 MB.
 */
const HELD_BYTES = 32 * 2 ** 20

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

/** What the article files need of the workspace they belong to. */
export interface ArticleFilesContext {
  readonly dir: string
  readonly readOnly: boolean
  /** Where a damaged or vanished file is named for the analyst. */
  readonly problems: WorkspaceProblem[]
  /** The rows each save updates, and the entities and codes an article file keeps copies of. */
  readonly index: DossierIndex
  readonly compaction: CompactionLimits
  /** A closed workspace starts no more compactions. */
  isClosed(): boolean
  /** Told after a change to an article's file, log or presence has landed (derived indexes follow it). */
  articleChanged?(id: string): void
  /** Throws the sentence the analyst sees when the workspace cannot be changed. */
  assertWritable(): void
}

export class ArticleFiles {
  private readonly queues = new Map<string, Promise<unknown>>()
  private readonly cache = new Map<string, CachedArticle>()
  /** Articles kept parsed beyond the cache until they are next used or the hold expires. */
  private readonly held = new Map<string, CachedArticle>()
  /** The file bytes of the held articles, kept as they come and go (a find holds thousands, one by one). */
  private heldBytes = 0
  private holdTimer: ReturnType<typeof setTimeout> | undefined
  /**
   * The articles whose log may be on disk: those found with one as the workspace opened, and every
   * article appended to since (this process is the only writer). Loading any other looks for no log, a
   * failed open saved per article on a pass over the workspace. Undefined while not known.
   */
  private mayHaveLog: Set<string> | undefined
  /** Articles whose highlights or mentions were re-anchored on reading and not yet saved so. */
  private readonly anchorRepairs = new Set<string>()

  constructor(private readonly ws: ArticleFilesContext) {}

  /** Settles once every task queued so far, on any article, has. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.queues.values())
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
   * Keeps these articles parsed (those in memory now) until each is next used or a few minutes pass,
   * for a change to many that follows a reading of them. Holding changes nothing of what is stored: an
   * article held is the one in memory, and every write replaces or drops it as it does the cache's.
   */
  holdArticles(ids: Iterable<string>): void {
    for (const id of ids) {
      const entry = this.cache.get(id)
      if (!entry || this.held.has(id) || this.heldBytes + entry.bytes > HELD_BYTES) continue
      this.held.set(id, entry)
      this.heldBytes += entry.bytes
    }
    clearTimeout(this.holdTimer)
    if (this.held.size === 0) return
    this.holdTimer = setTimeout(() => this.releaseHeld(), HOLD_MS)
    this.holdTimer.unref?.()
  }

  /** The articles with a log in the folder as the workspace opened (undefined: not known). */
  knowLogs(ids: Set<string> | undefined): void {
    this.mayHaveLog = ids
  }

  /** Lets go of the held articles (the hold expired, or the workspace closes). */
  releaseHeld(): void {
    clearTimeout(this.holdTimer)
    this.held.clear()
    this.heldBytes = 0
  }

  /**
   * The article as stored. Called only from a task of the article's queue, so one article is never
   * loaded twice at once, and a load never races an append to its log.
   */
  private async cached(id: string): Promise<CachedArticle> {
    const row = this.ws.index.rows.get(id)
    if (!row)
      throw new DossierError(
        'not-found',
        'That article is no longer in the workspace. It may have been removed.',
      )
    const cached = this.cache.get(id)
    if (cached) return cached
    const held = this.held.get(id)
    if (held) {
      this.remember(held)
      return held
    }
    const path = articlePath(this.ws.dir, id)
    const file = `${ARTICLES_DIR}/${id}.json`
    try {
      const loaded = await loadArticle(this.ws.dir, id, {
        readOnly: this.ws.readOnly,
        noLog: this.mayHaveLog !== undefined && !this.mayHaveLog.has(id),
      })
      // The text may have changed under the selectors (a migration, another version of the extractor).
      if (reanchorArticle(loaded.article).changed && !this.ws.readOnly) this.saveAnchorsSoon(id)
      // A read-only workspace meets the same damaged log at every load: it is named once.
      const problem = loaded.problem
      if (problem && !this.ws.problems.some((p) => p.file === problem.file)) this.ws.problems.push(problem)
      const entry = { article: loaded.article, log: loaded.log, bytes: loaded.bytes }
      this.remember(entry)
      return entry
    } catch (error) {
      if (error instanceof InvalidFileError) {
        this.forget(id)
        const problem = await quarantine(this.ws.dir, path, error.reason, { readOnly: this.ws.readOnly })
        this.ws.problems.push(problem)
        // Its log goes along, if there is one: it means nothing without the article.
        await quarantine(this.ws.dir, logPath(this.ws.dir, id), 'its article file is damaged', {
          readOnly: this.ws.readOnly,
        }).then(
          (logProblem) => this.ws.problems.push(logProblem),
          () => {},
        )
        throw new DossierError('damaged-file', problem.message, problem.file)
      }
      if (errnoOf(error) === 'ENOENT') {
        this.forget(id)
        const message = `The article file of "${row.title}" (${file}) was deleted outside Dossier, so it was taken out of the library. Its original is still in ${ORIGINALS_DIR}/; import it again to get it back.`
        this.ws.problems.push({ file, message })
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
    this.ws.index.rows.delete(id)
    this.drop(id)
    this.ws.articleChanged?.(id)
    if (!this.ws.readOnly) void this.ws.index.flush().catch(() => {})
  }

  private remember(entry: CachedArticle): void {
    const { id } = entry.article
    this.drop(id)
    this.cache.set(id, entry)
    if (this.cache.size > CACHED_ARTICLES) this.cache.delete(this.cache.keys().next().value!)
  }

  /** Forgets the parsed article, cached or held: the next use reads its file. */
  private drop(id: string): void {
    this.cache.delete(id)
    const held = this.held.get(id)
    if (held) {
      this.held.delete(id)
      this.heldBytes -= held.bytes
    }
  }

  /** Runs `task` after every earlier task on the same article: changes to one article run one at a time. */
  private enqueue<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve()
    const next = previous.catch(() => {}).then(task)
    this.queues.set(id, next)
    const settle = () => {
      if (this.queues.get(id) === next) this.queues.delete(id)
    }
    next.then(settle, settle)
    return next
  }

  /** Runs `change` on a copy of the stored article and rewrites its file (folding in its log). */
  async updateArticle<T>(id: string, change: (article: Article) => T): Promise<T> {
    this.ws.assertWritable()
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
    plan: (article: Readonly<Article>) => {
      change: AnnotationChange | readonly AnnotationChange[]
      result: T
    },
  ): Promise<T> {
    this.ws.assertWritable()
    return this.enqueue(id, async () => {
      this.ws.assertWritable()
      const entry = await this.cached(id)
      const { change, result } = plan(entry.article)
      // Many changes to one article (tag all, a suggestion pass) go in one append: one fsync, not one each.
      const ops = (Array.isArray(change) ? change : [change]).map((c: AnnotationChange) => this.stamped(c))
      if (ops.length === 0) return result
      let mtimeMs: number
      try {
        const lines = ops.map((op) => JSON.stringify(op)).join('\n')
        this.mayHaveLog?.add(id)
        mtimeMs = await appendLine(logPath(this.ws.dir, id), entry.log, lines)
        entry.log.ops += ops.length - 1
      } catch (error) {
        throw writeError(error, `"${entry.article.title}"`, this.ws.dir)
      }
      for (const op of ops) applyOp(entry.article, op)
      const row = this.ws.index.rows.get(id)
      if (row) {
        this.ws.index.rows.set(id, { ...row, ...annotationCounts(entry.article), savedAt: mtimeMs })
      }
      this.ws.index.scheduleWrite()
      this.ws.articleChanged?.(id)
      this.compactLater(id, entry)
      return result
    })
  }

  /** The op as logged: stamped, with a copy of the code or entity it refers to. */
  private stamped(change: AnnotationChange): AnnotationOp {
    const stamp = { v: SCHEMA_VERSION, at: new Date().toISOString() } as const
    if (change.op === 'put-highlight') {
      const code = this.ws.index.codes.find((c) => c.id === change.highlight.codeId)
      return { ...stamp, ...change, ...(code ? { code } : {}) }
    }
    if (change.op === 'put-mention') {
      const entity = this.ws.index.entities.find((e) => e.id === change.mention.entityId)
      return { ...stamp, ...change, ...(entity ? { entity } : {}) }
    }
    return { ...stamp, ...change }
  }

  /** Queues the folding of a grown log into the article file; annotation calls never wait for it. */
  private compactLater(id: string, entry: CachedArticle): void {
    if (entry.compacting || (entry.retryAtOps !== undefined && entry.log.ops < entry.retryAtOps)) return
    if (!needsCompaction(entry.log, entry.bytes, this.ws.compaction)) return
    entry.compacting = true
    this.enqueue(id, () => this.compact(id))
      .catch(() => {
        // The log still holds every change; the next attempt waits for it to grow again.
        entry.retryAtOps = entry.log.ops + this.ws.compaction.ops
      })
      .finally(() => (entry.compacting = false))
  }

  /** Rewrites the article file with its log folded in, then removes the log. Runs in the article's queue. */
  private async compact(id: string): Promise<void> {
    const entry = this.cache.get(id)
    // An article no longer in memory keeps its log, which is as durable as the file.
    if (!entry || !entry.log.exists || this.ws.isClosed() || this.ws.readOnly) return
    await this.store(entry.article)
  }

  /** Writes a new or changed article durably; the index row follows shortly after. */
  async saveArticle(article: Article): Promise<ArticleSummary> {
    this.ws.assertWritable()
    try {
      return await this.store(article)
    } catch (error) {
      this.drop(article.id)
      throw writeError(error, `"${article.title}"`, this.ws.dir)
    }
  }

  /**
   * Writes the article file, with copies of the entities and codes it refers to, and then removes the
   * log: the file now holds all of it, so a crash in between only leaves a log whose replay changes
   * nothing. Callers hand over the article and do not change it afterwards, so no copy is needed.
   */
  private async store(article: Article): Promise<ArticleSummary> {
    const referred = new Set(article.mentions.map((m) => m.entityId))
    const copies = this.ws.index.entities.filter((e) => referred.has(e.id))
    article.entityCopies = copies.length > 0 ? structuredClone(copies) : undefined
    const used = new Set(article.highlights.map((h) => h.codeId))
    const codeCopies = this.ws.index.codes.filter((c) => used.has(c.id))
    article.codeCopies = codeCopies.length > 0 ? structuredClone(codeCopies) : undefined
    const json = serializeArticle(article)
    const mtimeMs = await writeFileAtomic(articlePath(this.ws.dir, article.id), json)
    this.anchorRepairs.delete(article.id)
    const log = await this.removeFoldedLog(article.id)
    this.remember({ article, log, bytes: Buffer.byteLength(json) })
    const row = summarize(article, mtimeMs)
    this.ws.index.rows.set(article.id, row)
    this.ws.index.scheduleWrite()
    this.ws.articleChanged?.(article.id)
    return row
  }

  private async removeFoldedLog(id: string): Promise<LogState> {
    const known = this.cache.get(id)?.log
    if (known && !known.exists) return known
    try {
      await removeLog(logPath(this.ws.dir, id))
      return noLog()
    } catch {
      // It stays, replaying only what the file already holds; appends go on after it.
      return known ?? { ...noLog(), exists: true, tail: true }
    }
  }

  /**
   * Moves an article file to trash/, from where restoreArticle brings it back. Its mtime becomes the
   * time of removal, which orders the trash. `flush: false` leaves the index write to the caller (one
   * write for many removals).
   */
  async removeArticle(id: string, options: { flush?: boolean } = {}): Promise<ArticleSummary> {
    this.ws.assertWritable()
    return this.enqueue(id, async () => {
      const row = this.ws.index.rows.get(id)
      if (!row) throw new DossierError('not-found', 'That article is no longer in the workspace.')
      try {
        // Its log is folded in first, so trash/ holds one whole file per article.
        const hasLog =
          this.cache.get(id)?.log.exists ??
          (await access(logPath(this.ws.dir, id)).then(
            () => true,
            () => false,
          ))
        if (hasLog) await this.store((await this.cached(id)).article)
        await mkdir(join(this.ws.dir, TRASH_DIR), { recursive: true })
        const trashed = join(this.ws.dir, TRASH_DIR, `${id}.json`)
        await rename(articlePath(this.ws.dir, id), trashed)
        const now = new Date()
        await utimes(trashed, now, now).catch(() => {})
      } catch (error) {
        throw writeError(error, `the removal of "${row.title}"`, this.ws.dir)
      }
      this.ws.index.rows.delete(id)
      this.drop(id)
      this.ws.articleChanged?.(id)
      if (options.flush !== false) await this.ws.index.flush()
      return row
    })
  }

  async restoreArticle(id: string): Promise<ArticleSummary> {
    this.ws.assertWritable()
    return this.enqueue(id, () => this.restore(id))
  }

  private async restore(id: string): Promise<ArticleSummary> {
    const trashed = join(this.ws.dir, TRASH_DIR, `${id}.json`)
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

  /**
   * Deletes a trashed article's file for good, in the article's queue so it never races a restore: an
   * article restored meanwhile (it has a row again) is left alone. A log its removal could not fold
   * away goes too. Returns what was deleted; the caller fsyncs the folders.
   */
  async deleteTrashed(id: string): Promise<{ file: boolean; log: boolean }> {
    this.ws.assertWritable()
    return this.enqueue(id, async () => {
      if (this.ws.index.rows.has(id)) return { file: false, log: false }
      try {
        await rm(join(this.ws.dir, TRASH_DIR, `${id}.json`))
      } catch (error) {
        if (errnoOf(error) === 'ENOENT') return { file: false, log: false }
        throw writeError(error, 'the emptying of the trash', this.ws.dir)
      }
      const hasLog = await access(logPath(this.ws.dir, id)).then(
        () => true,
        () => false,
      )
      if (hasLog) await rm(logPath(this.ws.dir, id), { force: true }).catch(() => {})
      return { file: true, log: hasLog }
    })
  }

  /**
   * Rows written before the row kept the original's type, the tags and cases are summarised again from
   * their files, a few at a time and in each article's queue; opening does not wait for it. A file that
   * cannot be read keeps its row: opening the article names the problem.
   */
  async refreshOldRows(stop: () => boolean): Promise<void> {
    const ids = [...this.ws.index.rows.values()].filter(isOldRow).map((row) => row.id)
    let next = 0
    const lane = async () => {
      while (next < ids.length && !stop()) {
        const id = ids[next++]!
        await this.enqueue(id, async () => {
          const row = this.ws.index.rows.get(id)
          if (!row || !isOldRow(row)) return
          const cached = this.cache.get(id)
          if (cached) this.ws.index.rows.set(id, summarize(cached.article, row.savedAt))
          else {
            const loaded = await loadArticle(this.ws.dir, id, {
              readOnly: this.ws.readOnly,
              noLog: this.mayHaveLog !== undefined && !this.mayHaveLog.has(id),
            })
            if (loaded.problem) this.ws.problems.push(loaded.problem)
            if (loaded.article.id !== id) return
            this.ws.index.rows.set(id, summarize(loaded.article, loaded.savedAt))
          }
          this.ws.articleChanged?.(id)
        }).catch(() => {})
      }
    }
    await Promise.all(Array.from({ length: Math.min(4, ids.length) }, lane))
    if (ids.length > 0 && !this.ws.readOnly) this.ws.index.scheduleWrite()
  }

  /** Folds the logs of the articles in memory into their files, for at most `budgetMs`. */
  async compactAll(budgetMs: number): Promise<void> {
    const until = Date.now() + budgetMs
    for (const [id, entry] of [...this.cache]) {
      if (Date.now() > until) return
      if (entry.log.exists) await this.enqueue(id, () => this.compact(id)).catch(() => {})
    }
  }
}
