// dossier.json in memory: the article rows, entities and codebook, and when and in what order they are written.
import { join } from 'node:path'
import { Low } from 'lowdb'
import {
  SCHEMA_VERSION,
  WorkspaceIndex,
  type ArticleSummary,
  type Case,
  type Code,
  type Entity,
  type EntityTypeDef,
} from '../../../shared/model'
import { DEFAULT_CODES, seedCodes } from '../codes/codebook'
import { writeError } from './fs-errors'
import { ValidatedJsonFile } from './json-file-adapter'

export const INDEX_FILE = 'dossier.json'
/**
 * Article saves only mark the index dirty: the article file is already durable, and opening re-reads any
 * file newer than its row. Rewriting the whole index (megabytes at thousands of articles) on every save
 * would make a save's cost grow with the workspace, so it is written when idle, on close, or at once
 * for changes that live only in the index (entities, removals).
 */
const INDEX_IDLE_WRITE_MS = 30_000

export function emptyIndex(): WorkspaceIndex {
  const createdAt = new Date().toISOString()
  return {
    schemaVersion: SCHEMA_VERSION,
    createdAt,
    articles: [],
    entities: [],
    codes: seedCodes(DEFAULT_CODES, createdAt),
  }
}

/** A map that counts its changes, so a reader can tell in one comparison that nothing changed since. */
export class VersionedMap<K, V> extends Map<K, V> {
  version = 0

  override set(key: K, value: V): this {
    this.version++
    return super.set(key, value)
  }

  override delete(key: K): boolean {
    this.version++
    return super.delete(key)
  }

  override clear(): void {
    this.version++
    super.clear()
  }
}

export class DossierIndex {
  /** The rows by article id; each write puts them into dossier.json in this order. */
  readonly rows = new VersionedMap<string, ArticleSummary>()
  readonly file: ValidatedJsonFile<WorkspaceIndex>
  private readonly db: Low<WorkspaceIndex>
  private timer: NodeJS.Timeout | undefined
  private writes: Promise<void> = Promise.resolve()
  private listChanges: Promise<unknown> = Promise.resolve()
  private dirty = false
  private written: Entity[] = []
  private stopped = false

  constructor(
    private readonly dir: string,
    /** Throws when the workspace cannot be changed; every write checks it first. */
    private readonly assertWritable: () => void,
  ) {
    this.file = new ValidatedJsonFile(join(dir, INDEX_FILE), WorkspaceIndex)
    this.db = new Low(this.file, emptyIndex())
  }

  get data(): WorkspaceIndex {
    return this.db.data
  }

  set data(index: WorkspaceIndex) {
    this.db.data = index
    this.written = [...index.entities]
  }

  get entities(): Entity[] {
    return this.db.data.entities
  }

  /**
   * The entities as dossier.json on disk holds them: a change is in `entities` while its write is under
   * way, so what writes on its own (suggestions) refers only to these, never to an entity a crash could
   * take back.
   */
  get writtenEntities(): readonly Entity[] {
    return this.written
  }

  get codes(): Code[] {
    return this.db.data.codes
  }

  /** The analyst's own entity types; an index from before them has none. */
  get entityTypes(): EntityTypeDef[] {
    return this.db.data.entityTypes ?? []
  }

  /** The cases; an index from before cases has none. */
  get cases(): Case[] {
    return this.db.data.cases ?? []
  }

  /**
   * Changes the entity list, the codebook or the cases and writes it at once (they live only in
   * dossier.json and its backups). `change` returns whether it changed anything; if the write fails, the
   * list is put back as it was, so an entity that was never saved does not linger in memory.
   */
  updateList<K extends 'entities' | 'codes' | 'cases' | 'entityTypes' | 'neverSuggest', T>(
    list: K,
    change: (items: NonNullable<WorkspaceIndex[K]>) => { changed: boolean; result: T },
  ): Promise<T> {
    const run = this.listChanges
      .catch(() => {})
      .then(async () => {
        this.assertWritable()
        const before = structuredClone(this.db.data[list])
        if (list === 'cases') this.db.data.cases ??= []
        if (list === 'entityTypes') this.db.data.entityTypes ??= []
        if (list === 'neverSuggest') this.db.data.neverSuggest ??= []
        const { changed, result } = change(this.db.data[list]!)
        if (!changed) return result
        try {
          await this.flush()
        } catch (error) {
          this.db.data[list] = before
          throw error
        }
        if (list === 'entities') this.written = [...this.db.data.entities]
        return result
      })
    this.listChanges = run
    return run
  }

  /** Marks the rows changed: they are written when the workspace has been idle a while. */
  scheduleWrite(): void {
    this.dirty = true
    if (this.timer || this.stopped) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      if (this.dirty) this.flush().catch(() => {})
    }, INDEX_IDLE_WRITE_MS)
    this.timer.unref()
  }

  /** Writes dossier.json now; writes are queued so an older index never lands after a newer one. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.dirty = false
    this.writes = this.writes
      .catch(() => {})
      .then(() => {
        this.assertWritable()
        this.db.data.articles = [...this.rows.values()]
        return this.db.write()
      })
      .catch((error: unknown) => {
        this.dirty = true
        throw writeError(error, `the workspace index (${INDEX_FILE})`, this.dir)
      })
    return this.writes
  }

  /** Settles once every entity and code change asked for so far has, whether it was written or not. */
  async listChangesDone(): Promise<void> {
    await this.listChanges.catch(() => {})
  }

  /** Writes what is not yet written (a failure is passed on), or else waits for the write under way. */
  async writePending(): Promise<void> {
    if (this.dirty) await this.flush()
    else await this.writes.catch(() => {})
  }

  /** No idle write is scheduled after this. */
  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
  }
}
