// An open workspace folder: the one way in to dossier.json (lowdb) for the index, entities and codes,
// the article files with their annotation logs, the originals, backups and quarantine. One writer per
// folder, under its lock.
import { DossierError } from '../../../shared/errors'
import type {
  Article,
  ArticleSummary,
  Case,
  Code,
  Entity,
  EntityTypeDef,
  WorkspaceIndex,
  WorkspaceProblem,
} from '../../../shared/model'
import type { AnnotationChange } from './annotation-ops'
import { ARTICLES_DIR, TRASH_DIR } from './article-file'
import { ArticleFiles } from './article-files'
import { DEFAULT_COMPACTION, type CompactionLimits } from './article-log'
import { BACKUPS_DIR } from './backups'
import { BRIEFS_DIR, BriefFiles } from './brief-files'
import { DossierIndex } from './dossier-index'
import { isNotWritable } from './fs-errors'
import { JointChanges, type JointChange } from './journal'
import { removeLeftovers } from './leftovers'
import { acquireLock, type WorkspaceLock } from './lock'
import { loadIndex, prepareFolders } from './open-workspace'
import { ORIGINALS_DIR } from './originals'
import { ReadingPlaces } from './reading-place'
import { SavedSearches } from './saved-searches'

export { summarize } from './article-row'
/** The lists that give names to what articles hold: entities, codes and cases. */
export type NameList = 'entities' | 'codes' | 'cases'
export type NeverSuggest = NonNullable<WorkspaceIndex['neverSuggest']>[number]
export { INDEX_FILE } from './dossier-index'

/** close() folds the logs of the articles in memory into their files for at most this long. */
const CLOSE_COMPACTION_MS = 3_000

export interface WorkspaceOptions {
  /** When an article's annotation log is folded into its file (tests and trials set it low). */
  compaction?: Partial<CompactionLimits>
}

export function readOnlyMessage(dir: string): string {
  return `The workspace ${dir} cannot be written, so it is open read-only: you can read and export, but not import, highlight or tag. To change it, copy the folder somewhere you can write to, or fix its permissions, and open it again.`
}

export class Workspace {
  readonly problems: WorkspaceProblem[] = []
  private places: ReadingPlaces | undefined
  private briefFiles: BriefFiles | undefined
  private savedSearches: SavedSearches | undefined
  /** Old index rows summarised again from their files, in the background after opening. */
  private rowRefresh: Promise<void> = Promise.resolve()
  private closing = false
  private readonly index: DossierIndex
  private readonly files: ArticleFiles
  private backupDone: Promise<void> = Promise.resolve()
  private closed = false
  private readonly changeListeners = new Set<(id: string) => void>()
  /** While above 0, change notices wait in `heldChanges` (see `withChangesHeld`). */
  private holdingChanges = 0
  private readonly heldChanges = new Set<string>()
  private readonly nameListeners = new Set<(list: NameList) => void>()
  private readonly closers: (() => Promise<void>)[] = []
  /** Joint changes run one at a time: there is one journal file. */
  private readonly joint: JointChanges

  private constructor(
    readonly dir: string,
    /** A folder that cannot be written opens read-only: everything shows, nothing changes. */
    readonly readOnly: boolean,
    private readonly lock: WorkspaceLock | undefined,
    options: WorkspaceOptions,
  ) {
    this.index = new DossierIndex(dir, () => this.assertWritable())
    this.joint = new JointChanges(dir, this)
    this.files = new ArticleFiles({
      dir,
      readOnly,
      problems: this.problems,
      index: this.index,
      compaction: { ...DEFAULT_COMPACTION, ...options.compaction },
      isClosed: () => this.closed,
      assertWritable: () => this.assertWritable(),
      articleChanged: (id) => {
        if (this.holdingChanges > 0) this.heldChanges.add(id)
        else this.notifyChanged(id)
      },
    })
  }

  private notifyChanged(id: string): void {
    // A listener's failure is its own: the change has landed either way.
    for (const listener of this.changeListeners) {
      try {
        listener(id)
      } catch {
        /* ignored */
      }
    }
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
      if (writable)
        await removeLeftovers(dir, [ARTICLES_DIR, ORIGINALS_DIR, BACKUPS_DIR, TRASH_DIR, BRIEFS_DIR])
      const { readOnly, problems, index } = workspace
      const loaded = await loadIndex({ dir, readOnly, problems, index })
      workspace.backupDone = loaded.backupDone
      // Read-only, another process may be writing the logs: each load looks for its own.
      workspace.files.knowLogs(readOnly ? undefined : loaded.logs)
      workspace.places = await ReadingPlaces.open(dir, !writable, workspace.problems)
      workspace.briefFiles = await BriefFiles.open({
        dir,
        readOnly,
        problems,
        assertWritable: () => workspace.assertWritable(),
      })
      workspace.savedSearches = await SavedSearches.open({
        dir,
        readOnly,
        problems,
        assertWritable: () => workspace.assertWritable(),
      })
      if (writable) await workspace.joint.complete(workspace.problems)
      workspace.rowRefresh = workspace.files.refreshOldRows(() => workspace.closing)
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

  /** The entities already written to dossier.json (see DossierIndex.writtenEntities). */
  get writtenEntities(): readonly Entity[] {
    return this.index.writtenEntities
  }

  /** Where the analyst was reading (reading.json). */
  get reading(): ReadingPlaces {
    return this.places!
  }

  /** The briefs (briefs/<id>.json). */
  get briefs(): BriefFiles {
    return this.briefFiles!
  }

  /** The saved searches (searches.json). */
  get searches(): SavedSearches {
    return this.savedSearches!
  }

  /** The cases, in the order they were made. */
  get cases(): Case[] {
    return this.index.cases
  }

  /** Settles once the rows opening found out of date are summarised again (it does not wait for it). */
  rowsRefreshed(): Promise<void> {
    return this.rowRefresh
  }

  /** The codebook with its tombstones, in order. */
  get codes(): Code[] {
    return this.index.codes
  }

  summary(id: string): ArticleSummary | undefined {
    return this.index.rows.get(id)
  }

  /** Changes whenever any row is added, changed or removed. */
  get rowsVersion(): number {
    return this.index.rows.version
  }

  findBySha(hash: string): ArticleSummary | undefined {
    for (const row of this.index.rows.values()) if (row.sha256 === hash) return row
    return undefined
  }

  /** A copy of the article, its annotation log applied: the caller may change it freely. */
  readArticle(id: string): Promise<Article> {
    return this.files.readArticle(id)
  }

  /** The stored article itself, for reading only: what it returns must not be changed. */
  peekArticle(id: string): Promise<Readonly<Article>> {
    return this.files.peekArticle(id)
  }

  /** Keeps these articles, just read, parsed for a change to them that follows (see ArticleFiles). */
  holdArticles(ids: Iterable<string>): void {
    this.files.holdArticles(ids)
  }

  /** Runs `change` on a copy of the stored article and rewrites its file (folding in its log). */
  updateArticle<T>(id: string, change: (article: Article) => T): Promise<T> {
    return this.files.updateArticle(id, change)
  }

  /**
   * Records one highlight or mention change (or several, of one article) in the article's log with one
   * fsynced append. `plan` reads the stored article (and must not change it) and returns the change and
   * the caller's result; an empty list of changes writes nothing.
   */
  annotate<T>(
    id: string,
    plan: (article: Readonly<Article>) => {
      change: AnnotationChange | readonly AnnotationChange[]
      result: T
    },
  ): Promise<T> {
    return this.files.annotate(id, plan)
  }

  /** Writes a new or changed article durably; the index row follows shortly after. */
  saveArticle(article: Article): Promise<ArticleSummary> {
    return this.files.saveArticle(article)
  }

  /**
   * Moves an article file to trash/, from where restoreArticle brings it back. `flush: false` leaves
   * the index write to a `flush()` after many removals.
   */
  removeArticle(id: string, options?: { flush?: boolean }): Promise<ArticleSummary> {
    return this.files.removeArticle(id, options)
  }

  /** Deletes a trashed article's file for good, unless it was restored meanwhile. */
  deleteTrashed(id: string): Promise<{ file: boolean; log: boolean }> {
    return this.files.deleteTrashed(id)
  }

  restoreArticle(id: string): Promise<ArticleSummary> {
    return this.files.restoreArticle(id)
  }

  /** Changes the entity list and writes it at once; if the write fails, the list is put back as it was. */
  updateEntities<T>(change: (entities: Entity[]) => { changed: boolean; result: T }): Promise<T> {
    return this.updateNames('entities', change)
  }

  /** Changes the codebook and writes it at once, under the same rules as the entity list. */
  updateCodes<T>(change: (codes: Code[]) => { changed: boolean; result: T }): Promise<T> {
    return this.updateNames('codes', change)
  }

  /** A list whose names articles are found by; its listeners hear of each change once it is written. */
  private async updateNames<K extends NameList, T>(
    list: K,
    change: (items: NonNullable<WorkspaceIndex[K]>) => { changed: boolean; result: T },
  ): Promise<T> {
    let changed = false
    const result = await this.index.updateList(list, (items) => {
      const outcome = change(items)
      changed = outcome.changed
      return outcome
    })
    if (changed)
      for (const listener of this.nameListeners) {
        try {
          listener(list)
        } catch {
          /* a listener's failure is its own: the change has landed */
        }
      }
    return result
  }

  /** Calls `listener` after the entities, the codebook or the cases changed and were written. */
  onNamesChanged(listener: (list: NameList) => void): () => void {
    this.nameListeners.add(listener)
    return () => this.nameListeners.delete(listener)
  }

  /** The analyst's own entity types, next to the built-in ones. */
  get entityTypes(): EntityTypeDef[] {
    return this.index.entityTypes
  }

  /** Changes the analyst's entity types and writes them at once, under the same rules as the entity list. */
  updateEntityTypes<T>(change: (types: EntityTypeDef[]) => { changed: boolean; result: T }): Promise<T> {
    return this.index.updateList('entityTypes', change)
  }

  /** Changes the cases and writes them at once, under the same rules as the entity list. */
  updateCases<T>(change: (cases: Case[]) => { changed: boolean; result: T }): Promise<T> {
    return this.updateNames('cases', change)
  }

  /** Surface forms never to suggest again (folded), for one entity or for any. */
  get neverSuggest(): NeverSuggest[] {
    return this.index.data.neverSuggest ?? []
  }

  /** Changes the never-suggest list and writes it at once, under the same rules as the entity list. */
  updateNeverSuggest<T>(change: (forms: NeverSuggest[]) => { changed: boolean; result: T }): Promise<T> {
    return this.index.updateList('neverSuggest', change)
  }

  /**
   * Changes the entity list and mentions of several articles as one step: the change is written to the
   * journal first, so a crash between the writes that follow leaves it to be completed at the next
   * opening, never an entity without its mentions nor a mention without its entity. Returns, per
   * article, the ids of the mentions put (a mention no longer in its article is passed over).
   */
  changeTogether(change: JointChange): Promise<{ articleId: string; mentionId: string }[]> {
    this.assertWritable()
    return this.joint.run(change)
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

  /**
   * Calls `listener` with an article's id after any save, annotation, update, removal or restore of it
   * has landed (and when a vanished file takes it out). Returns the unsubscribe function.
   */
  onArticleChanged(listener: (id: string) => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  /**
   * Runs `work` with the change notices held, then gives each changed article's once. For a change to
   * thousands of articles in one step ("tag all"): the derived indexes (search) would otherwise re-read
   * each article while the others are still being written, and take half the time of the step. Nothing
   * waits on a notice for durability; a search waits for the index's queue, which the notices fill.
   */
  async withChangesHeld<T>(work: () => Promise<T>): Promise<T> {
    this.holdingChanges++
    try {
      return await work()
    } finally {
      if (--this.holdingChanges === 0) {
        const ids = [...this.heldChanges]
        this.heldChanges.clear()
        for (const id of ids) this.notifyChanged(id)
      }
    }
  }

  /** `flush` runs as the workspace closes, after the article changes have landed; its failure is ignored. */
  beforeClose(flush: () => Promise<void>): void {
    this.closers.push(flush)
  }

  /** Throws the sentence the analyst sees when this workspace cannot be changed. */
  assertWritable(): void {
    if (this.closed) throw new DossierError('internal', 'The workspace is closed.')
    if (this.readOnly) throw new DossierError('read-only', readOnlyMessage(this.dir))
  }

  /** Saves what is pending and releases the lock, also when saving fails (the error is passed on). */
  async close(): Promise<void> {
    if (this.closed) return
    this.closing = true
    try {
      await this.rowRefresh
      await this.files.settled()
      await this.briefFiles?.settled()
      await this.savedSearches?.settled()
      await this.index.listChangesDone()
      await this.backupDone
      if (this.readOnly) return
      // A log left over is as safe as the file; folding it now keeps the next opening's reads short.
      await this.files.compactAll(CLOSE_COMPACTION_MS)
      await this.index.writePending()
    } finally {
      for (const flush of this.closers.splice(0)) await flush().catch(() => {})
      this.closed = true
      this.files.releaseHeld()
      this.index.stop()
      await this.lock?.release()
    }
  }
}
