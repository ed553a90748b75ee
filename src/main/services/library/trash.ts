// The trash of the library: many articles removed or restored at once, the list of removed articles,
// and emptying it for good, with the originals no other article (live or trashed) still uses.
import { join } from 'node:path'
import type { Handlers } from '../../../shared/api'
import type { ArticleSummary } from '../../../shared/model'
import { ARTICLES_DIR, TRASH_DIR } from '../store/article-file'
import { fsyncDirectory } from '../store/atomic-write'
import { writeError } from '../store/fs-errors'
import { InvalidFileError } from '../store/json-file-adapter'
import {
  deleteOriginals,
  hashesNamedIn,
  syncTrash,
  trashedSummary,
  trashEntries,
  type TrashEntry,
} from '../store/trash-files'
import type { Workspace } from '../store/workspace'
import { eachSettled, reportFailures, unique, valuesOrReport, type Failure } from './batch'

type TrashHandlers = Pick<
  Handlers,
  'articles.removeMany' | 'articles.restoreMany' | 'trash.list' | 'trash.empty'
>

interface Listing {
  /** Readable trashed articles, newest removal first. */
  rows: ArticleSummary[]
  /** Hashes named by trashed files that could not be read: their originals are kept. */
  unreadableHashes: Set<string>
}

export class Trash {
  /** Rows of trashed files already read, by id, with the removal time they were read at. */
  private readonly rows = new Map<string, { removedAt: number; row: ArticleSummary }>()
  private emptying: Promise<unknown> = Promise.resolve()

  constructor(private readonly workspace: Workspace) {}

  async removeMany(ids: readonly string[]): Promise<ArticleSummary[]> {
    const { workspace } = this
    workspace.assertWritable()
    const all = unique(ids)
    const titles = new Map(all.map((id) => [id, workspace.summary(id)?.title]))
    const results = await eachSettled(all, (id) => workspace.removeArticle(id, { flush: false }))
    // One write of the index for all of them, whether some failed or not.
    if (results.some((r) => r.status === 'fulfilled')) await workspace.flush()
    return valuesOrReport(all, results, 'moved to the trash', (id) => titles.get(id))
  }

  async restoreMany(ids: readonly string[]): Promise<ArticleSummary[]> {
    this.workspace.assertWritable()
    const all = unique(ids)
    const results = await eachSettled(all, (id) => this.workspace.restoreArticle(id))
    return valuesOrReport(all, results, 'restored', (id) => this.rows.get(id)?.row.title)
  }

  async list(): Promise<ArticleSummary[]> {
    return (await this.read()).rows
  }

  /** Deletes the trashed articles given (all when none are) for good; returns how many went. */
  empty(ids?: readonly string[]): Promise<{ deleted: number }> {
    this.workspace.assertWritable()
    const run = this.emptying.catch(() => {}).then(() => this.deleteForGood(ids))
    this.emptying = run
    return run
  }

  private async deleteForGood(ids?: readonly string[]): Promise<{ deleted: number }> {
    const { workspace } = this
    const listing = await this.read()
    const inTrash = new Map(listing.rows.map((row) => [row.id, row]))
    const targets = ids ? unique(ids).filter((id) => inTrash.has(id)) : [...inTrash.keys()]
    const results = await eachSettled(targets, (id) => workspace.deleteTrashed(id))
    const deleted: ArticleSummary[] = []
    const failures: Failure[] = []
    let logs = false
    results.forEach((result, i) => {
      const row = inTrash.get(targets[i]!)!
      if (result.status === 'rejected') failures.push({ id: row.id, title: row.title, error: result.reason })
      // Not deleted: restored meanwhile, or gone already.
      if (result.status !== 'fulfilled' || !result.value.file) return
      deleted.push(row)
      logs ||= result.value.log
      this.rows.delete(row.id)
    })
    await syncTrash(workspace.dir)
    if (logs) await fsyncDirectory(join(workspace.dir, ARTICLES_DIR)).catch(() => {})

    // An original goes only when no live or trashed article uses the same bytes.
    const gone = new Set(deleted.map((row) => row.id))
    const used = new Set(listing.unreadableHashes)
    for (const row of listing.rows) if (!gone.has(row.id)) used.add(row.sha256)
    const unused = new Set(
      deleted.map((row) => row.sha256).filter((hash) => !used.has(hash) && !workspace.findBySha(hash)),
    )
    await deleteOriginals(workspace.dir, unused).catch((error: unknown) => {
      throw writeError(error, 'the removal of the originals of the emptied articles', workspace.dir)
    })
    reportFailures(targets.length, failures, 'deleted from the trash')
    return { deleted: deleted.length }
  }

  /** Reads the trash folder; a file read before and not changed since is not read again. */
  private async read(): Promise<Listing> {
    const { workspace } = this
    const entries = await trashEntries(workspace.dir)
    const unreadableHashes = new Set<string>()
    const rows = await eachSettled(entries, (entry) => this.rowOf(entry, unreadableHashes))
    const present = new Set(entries.map((e) => e.id))
    for (const id of this.rows.keys()) if (!present.has(id)) this.rows.delete(id)
    return {
      rows: rows.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : [])),
      unreadableHashes,
    }
  }

  private async rowOf(entry: TrashEntry, unreadable: Set<string>): Promise<ArticleSummary | undefined> {
    const known = this.rows.get(entry.id)
    if (known && known.removedAt === entry.removedAt) return known.row
    try {
      const row = await trashedSummary(this.workspace.dir, entry)
      this.rows.set(entry.id, { removedAt: entry.removedAt, row })
      return row
    } catch (error) {
      // A damaged removed article stays where it is, named once; the originals it names are kept.
      for (const hash of await hashesNamedIn(this.workspace.dir, entry.id)) unreadable.add(hash)
      const file = `${TRASH_DIR}/${entry.id}.json`
      const why = error instanceof InvalidFileError ? error.reason : 'it could not be read'
      if (!this.workspace.problems.some((p) => p.file === file))
        this.workspace.problems.push({
          file,
          message: `A removed article in ${file} is not listed in the trash because ${why}. It was left where it is, untouched.`,
        })
      return undefined
    }
  }
}

export function trashHandlers(trash: Trash): TrashHandlers {
  return {
    'articles.removeMany': async ({ ids }) => trash.removeMany(ids),
    'articles.restoreMany': async ({ ids }) => trash.restoreMany(ids),
    'trash.list': async () => trash.list(),
    'trash.empty': async ({ ids }) => trash.empty(ids),
  }
}
