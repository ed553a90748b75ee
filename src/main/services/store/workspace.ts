// The workspace on disk: dossier.json (lowdb) for the index and entities, one file per article,
// the originals, backups and quarantine. Only this module writes there, one writer per folder.
import { access, mkdir, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { DossierError } from '../../../shared/errors'
import {
  SCHEMA_VERSION,
  WorkspaceIndex,
  type Article,
  type ArticleSummary,
  type Code,
  type Entity,
  type WorkspaceProblem,
} from '../../../shared/model'
import { DEFAULT_CODES, seedCodes } from '../codes/codebook'
import { recoverCodes, type CodeEvidence } from '../codes/recover-codes'
import { reanchorArticle } from '../anchor/reanchor'
import { ARTICLES_DIR, articlePath, readArticleFile, writeArticleFile } from './article-file'
import { BACKUPS_DIR, hasBackups, newestValidBackup, writeBackup, type Backup } from './backups'
import { errnoOf, isNotWritable, readFailure, writeError } from './fs-errors'
import { InvalidFileError, ValidatedJsonFile } from './json-file-adapter'
import { removeLeftovers } from './leftovers'
import { acquireLock, type WorkspaceLock } from './lock'
import { ORIGINALS_DIR } from './originals'
import { quarantine } from './quarantine'
import { ReadingPlaces } from './reading-place'
import { recoverEntities, type EntityEvidence, type EntityRecovery } from './recover-entities'
import { scanArticles } from './scan-articles'

export const INDEX_FILE = 'dossier.json'
export const TRASH_DIR = 'trash'
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
  const createdAt = new Date().toISOString()
  return {
    schemaVersion: SCHEMA_VERSION,
    createdAt,
    articles: [],
    entities: [],
    codes: seedCodes(DEFAULT_CODES, createdAt),
  }
}

/** Creates the folder layout; false when the folder exists but cannot be written (open read-only). */
async function prepareFolders(dir: string): Promise<boolean> {
  try {
    for (const sub of [ARTICLES_DIR, ORIGINALS_DIR, BACKUPS_DIR])
      await mkdir(join(dir, sub), { recursive: true })
    return true
  } catch (error) {
    if (!isNotWritable(error)) throw error
    const exists = await access(dir).then(
      () => true,
      () => false,
    )
    if (exists) return false
    throw new DossierError(
      'permission-denied',
      `The workspace ${dir} does not exist and cannot be created there (${readFailure(error)}). Choose a folder you can write to.`,
    )
  }
}

export function readOnlyMessage(dir: string): string {
  return `The workspace ${dir} cannot be written, so it is open read-only: you can read and export, but not import, highlight or tag. To change it, copy the folder somewhere you can write to, or fix its permissions, and open it again.`
}

function restoredSummary(
  articles: number,
  backup: Backup | undefined,
  hadBackups: boolean,
  recovery: EntityRecovery,
): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
  const parts = [`${count(articles, 'article')} from their files`]
  const fromBackup = recovery.entities.length - recovery.fromCopies - recovery.fromTags
  if (backup) {
    const when = backup.takenAt.toISOString().slice(0, 16).replace('T', ' ')
    parts.push(`${count(fromBackup, 'entity', 'entities')} from the backup of ${when} (${backup.file})`)
  } else {
    parts.push(hadBackups ? 'none of the backups could be read' : 'there was no backup yet')
  }
  if (recovery.fromCopies > 0)
    parts.push(
      `${count(recovery.fromCopies, 'entity', 'entities')} from the copies kept in the article files`,
    )
  if (recovery.fromTags > 0)
    parts.push(
      `${count(recovery.fromTags, 'entity', 'entities')} from the tagged text alone (named after it and typed Other: check them)`,
    )
  return `Dossier rebuilt it: ${parts.join('; ')}. Every tag points at an entity`
}

export class Workspace {
  readonly problems: WorkspaceProblem[] = []
  private readonly rows = new Map<string, ArticleSummary>()
  private readonly articleQueues = new Map<string, Promise<unknown>>()
  private readonly cache = new Map<string, Article>()
  /** Articles whose highlights or mentions were re-anchored on reading and not yet saved so. */
  private readonly anchorRepairs = new Set<string>()
  private readonly indexFile: ValidatedJsonFile<WorkspaceIndex>
  private readonly db: Low<WorkspaceIndex>
  private indexTimer: NodeJS.Timeout | undefined
  private indexWrites: Promise<void> = Promise.resolve()
  private entityChanges: Promise<unknown> = Promise.resolve()
  private indexDirty = false
  private backupDone: Promise<void> = Promise.resolve()
  private closed = false
  private places: ReadingPlaces | undefined

  private constructor(
    readonly dir: string,
    /** A folder that cannot be written opens read-only: everything shows, nothing changes. */
    readonly readOnly: boolean,
    private readonly lock: WorkspaceLock | undefined,
  ) {
    this.indexFile = new ValidatedJsonFile(join(dir, INDEX_FILE), WorkspaceIndex)
    this.db = new Low(this.indexFile, emptyIndex())
  }

  /**
   * Opens (or creates) the workspace in `dir`. Damaged files are quarantined and listed in `problems`;
   * a damaged or missing dossier.json is rebuilt from its newest valid backup and the article files.
   */
  static async open(dir: string): Promise<Workspace> {
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
    const workspace = new Workspace(dir, !writable, lock)
    try {
      if (writable) await removeLeftovers(dir, [ARTICLES_DIR, ORIGINALS_DIR, BACKUPS_DIR, TRASH_DIR])
      await workspace.load()
      workspace.places = await ReadingPlaces.open(dir, !writable, workspace.problems)
      return workspace
    } catch (error) {
      await lock?.release()
      throw error
    }
  }

  private async load(): Promise<void> {
    const indexPath = join(this.dir, INDEX_FILE)
    let index: WorkspaceIndex | null = null
    let text: string | undefined
    let damage: string | undefined
    try {
      const read = await this.indexFile.readWithText()
      index = read?.data ?? null
      text = read?.text
    } catch (error) {
      if (error instanceof InvalidFileError) damage = error.reason
      else if (error instanceof DossierError) throw error
      else
        throw new DossierError(
          'permission-denied',
          `The workspace index ${indexPath} could not be read because ${readFailure(error)}. Nothing was changed; fix it and open the workspace again.`,
        )
    }
    if (damage) return this.rebuild(indexPath, damage)
    if (!index && (await this.hasHistory())) return this.rebuild(indexPath, undefined)

    this.db.data = index ?? emptyIndex()
    for (const row of this.db.data.articles) this.rows.set(row.id, row)
    const scan = await this.scan(false)
    if (this.readOnly) return
    if (scan.changed || text === undefined) await this.flush()
    // A copy of the index as it was read and validated. Not part of opening: the library shows meanwhile.
    if (text !== undefined) this.backupDone = writeBackup(this.dir, text).catch(() => {})
  }

  /** Whether there was a workspace here before, so a missing dossier.json means it was lost. */
  private async hasHistory(): Promise<boolean> {
    const names = await readdir(join(this.dir, ARTICLES_DIR)).catch(() => [] as string[])
    return names.some((n) => n.endsWith('.json')) || (await hasBackups(this.dir))
  }

  /**
   * dossier.json is damaged (`damage` says how) or gone (undefined): the newest valid backup, the
   * article files and their tags rebuild it.
   */
  private async rebuild(indexPath: string, damage: string | undefined): Promise<void> {
    const backup = await newestValidBackup(this.dir)
    const evidence: EntityEvidence[] = []
    const codeEvidence: CodeEvidence[] = []
    await this.scan(true, ({ updatedAt, entityCopies, mentions, codeCopies, highlights }) => {
      evidence.push({ updatedAt, entityCopies, mentions })
      codeEvidence.push({ codeCopies, highlights })
    })
    const recovery = recoverEntities(backup?.index.entities ?? [], backup?.takenAt, evidence)
    this.db.data = {
      schemaVersion: SCHEMA_VERSION,
      createdAt: backup?.index.createdAt ?? new Date().toISOString(),
      articles: [],
      entities: recovery.entities,
      codes: recoverCodes(backup?.index.codes, codeEvidence),
    }
    const restored = restoredSummary(this.rows.size, backup, await hasBackups(this.dir), recovery)
    const problem =
      damage === undefined
        ? { file: INDEX_FILE, message: `${INDEX_FILE} is missing. ${restored}.` }
        : await quarantine(this.dir, indexPath, damage, { readOnly: this.readOnly, restored })
    this.problems.unshift(problem)
    // No backup is made or rotated in this session: the copies from before the damage stay as they are.
    if (!this.readOnly) await this.flush()
  }

  private async scan(readAll: boolean, onArticle?: (article: Article) => void) {
    const result = await scanArticles(this.dir, this.rows, {
      readAll,
      readOnly: this.readOnly,
      onArticle,
      summarize,
      inTrash: (id) =>
        access(join(this.dir, TRASH_DIR, `${id}.json`)).then(
          () => true,
          () => false,
        ),
    })
    this.problems.push(...result.problems)
    return result
  }

  get articles(): ArticleSummary[] {
    return [...this.rows.values()]
  }

  get entities(): Entity[] {
    return this.db.data.entities
  }

  /** Where the analyst was reading (reading.json). */
  get reading(): ReadingPlaces {
    return this.places!
  }

  /** The codebook with its tombstones, in order. */
  get codes(): Code[] {
    return this.db.data.codes
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
    const file = `${ARTICLES_DIR}/${id}.json`
    try {
      const article = await readArticleFile(path)
      // The text may have changed under the selectors (a migration, another version of the extractor).
      if (reanchorArticle(article).changed && !this.readOnly) this.saveAnchorsSoon(id)
      this.remember(article)
      return structuredClone(article)
    } catch (error) {
      if (error instanceof InvalidFileError) {
        this.forget(id)
        const problem = await quarantine(this.dir, path, error.reason, { readOnly: this.readOnly })
        this.problems.push(problem)
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

  /** Takes an article whose file is gone or unusable out of the library. */
  private forget(id: string): void {
    this.rows.delete(id)
    this.cache.delete(id)
    if (!this.readOnly) void this.flush().catch(() => {})
  }

  private remember(article: Article): void {
    this.cache.delete(article.id)
    this.cache.set(article.id, article)
    if (this.cache.size > CACHED_ARTICLES) this.cache.delete(this.cache.keys().next().value!)
  }

  /** Runs `change` on the stored article and saves it; changes to one article run one at a time. */
  async updateArticle<T>(id: string, change: (article: Article) => T): Promise<T> {
    this.assertWritable()
    return this.queued(id, async () => {
      const article = await this.readArticle(id)
      const result = change(article)
      article.updatedAt = new Date().toISOString()
      await this.saveArticle(article)
      return result
    })
  }

  /**
   * Saves re-anchored selectors as soon as the article's queue is free, so the search is not repeated on
   * every reading; any other save of the article writes them first. If the write fails, the file keeps
   * the old selectors and the next reading finds the same places again.
   */
  private saveAnchorsSoon(id: string): void {
    this.anchorRepairs.add(id)
    this.queued(id, async () => {
      if (this.anchorRepairs.has(id)) await this.saveArticle(await this.readArticle(id))
    }).catch(() => {})
  }

  private async queued<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.articleQueues.get(id) ?? Promise.resolve()
    const next = previous.catch(() => {}).then(work)
    this.articleQueues.set(id, next)
    try {
      return await next
    } finally {
      if (this.articleQueues.get(id) === next) this.articleQueues.delete(id)
    }
  }

  /** Writes a new or changed article durably; the index row follows shortly after. */
  async saveArticle(article: Article): Promise<ArticleSummary> {
    this.assertWritable()
    const referred = new Set(article.mentions.map((m) => m.entityId))
    const copies = this.entities.filter((e) => referred.has(e.id))
    article.entityCopies = copies.length > 0 ? structuredClone(copies) : undefined
    const used = new Set(article.highlights.map((h) => h.codeId))
    const codeCopies = this.codes.filter((c) => used.has(c.id))
    article.codeCopies = codeCopies.length > 0 ? structuredClone(codeCopies) : undefined
    let mtimeMs: number
    try {
      mtimeMs = await writeArticleFile(this.dir, article)
    } catch (error) {
      this.cache.delete(article.id)
      throw writeError(error, `"${article.title}"`, this.dir)
    }
    this.anchorRepairs.delete(article.id)
    // Callers hand over the article they saved and do not change it afterwards, so no copy is needed.
    this.remember(article)
    const row = summarize(article, mtimeMs)
    this.rows.set(article.id, row)
    this.scheduleIndexWrite()
    return row
  }

  /** Moves an article file to trash/, from where restoreArticle brings it back. */
  async removeArticle(id: string): Promise<ArticleSummary> {
    this.assertWritable()
    const row = this.rows.get(id)
    if (!row) throw new DossierError('not-found', 'That article is no longer in the workspace.')
    try {
      await mkdir(join(this.dir, TRASH_DIR), { recursive: true })
      await rename(articlePath(this.dir, id), join(this.dir, TRASH_DIR, `${id}.json`))
    } catch (error) {
      throw writeError(error, `the removal of "${row.title}"`, this.dir)
    }
    this.rows.delete(id)
    this.cache.delete(id)
    await this.flush()
    return row
  }

  async restoreArticle(id: string): Promise<ArticleSummary> {
    this.assertWritable()
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

  /**
   * Changes the entity list and writes it at once (entities live only in dossier.json and its backups).
   * `change` returns whether it changed anything; if the write fails, the list is put back as it was,
   * so an entity that was never saved does not linger in memory.
   */
  updateEntities<T>(change: (entities: Entity[]) => { changed: boolean; result: T }): Promise<T> {
    return this.updateIndexList('entities', change)
  }

  /** Changes the codebook and writes it at once, under the same rules as the entity list. */
  updateCodes<T>(change: (codes: Code[]) => { changed: boolean; result: T }): Promise<T> {
    return this.updateIndexList('codes', change)
  }

  private updateIndexList<K extends 'entities' | 'codes', T>(
    list: K,
    change: (items: WorkspaceIndex[K]) => { changed: boolean; result: T },
  ): Promise<T> {
    const run = this.entityChanges
      .catch(() => {})
      .then(async () => {
        this.assertWritable()
        const before = structuredClone(this.db.data[list])
        const { changed, result } = change(this.db.data[list])
        if (!changed) return result
        try {
          await this.flush()
        } catch (error) {
          this.db.data[list] = before
          throw error
        }
        return result
      })
    this.entityChanges = run
    return run
  }

  /** Entities are written before any article refers to them. */
  addEntity(entity: Entity): Promise<void> {
    return this.updateEntities((entities) => {
      entities.push(entity)
      return { changed: true, result: undefined }
    })
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
        this.assertWritable()
        this.db.data.articles = [...this.rows.values()]
        return this.db.write()
      })
      .catch((error: unknown) => {
        this.indexDirty = true
        throw writeError(error, `the workspace index (${INDEX_FILE})`, this.dir)
      })
    return this.indexWrites
  }

  /** Throws the sentence the analyst sees when this workspace cannot be changed. */
  assertWritable(): void {
    if (this.closed) throw new DossierError('internal', 'The workspace is closed.')
    if (this.readOnly) throw new DossierError('read-only', readOnlyMessage(this.dir))
  }

  /** Saves what is pending and releases the lock, also when saving fails (the error is passed on). */
  async close(): Promise<void> {
    if (this.closed) return
    try {
      await Promise.allSettled(this.articleQueues.values())
      await this.entityChanges.catch(() => {})
      await this.backupDone
      if (this.readOnly) return
      if (this.indexDirty) await this.flush()
      else await this.indexWrites.catch(() => {})
    } finally {
      this.closed = true
      if (this.indexTimer) clearTimeout(this.indexTimer)
      await this.lock?.release()
    }
  }
}
