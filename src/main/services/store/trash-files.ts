// The removed articles in trash/: which are there and since when (each file's mtime is set to the moment
// it was removed), their rows, and the deletion of originals no article needs any more. Deleting is
// confined to trash/ and originals/; every folder changed is fsynced.
import { lstat, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary } from '../../../shared/model'
import { summarize } from './article-row'
import { TRASH_DIR, readArticleFile } from './article-file'
import { fsyncDirectory } from './atomic-write'
import { ORIGINALS_DIR } from './originals'

const TRASHED_FILE = /^([a-z0-9]{6,40})\.json$/
const ORIGINAL_FILE = /^([0-9a-f]{64})\.[a-z0-9]{1,8}$/
const SHA_IN_FILE = /"sha256"\s*:\s*"([0-9a-f]{64})"/g

export interface TrashEntry {
  id: string
  /** When it was removed (ms). */
  removedAt: number
}

/** The article files in trash/, newest removal first; links, folders and other names are passed over. */
export async function trashEntries(workspaceDir: string): Promise<TrashEntry[]> {
  const dir = join(workspaceDir, TRASH_DIR)
  const names = await readdir(dir).catch(() => [] as string[])
  const entries: TrashEntry[] = []
  for (const name of names) {
    const id = TRASHED_FILE.exec(name)?.[1]
    if (!id) continue
    const info = await lstat(join(dir, name)).catch(() => undefined)
    if (info?.isFile()) entries.push({ id, removedAt: info.mtimeMs })
  }
  return entries.sort((a, b) => b.removedAt - a.removedAt || a.id.localeCompare(b.id))
}

/** The row of a trashed article; its `savedAt` is the time of removal. Throws InvalidFileError. */
export async function trashedSummary(workspaceDir: string, entry: TrashEntry): Promise<ArticleSummary> {
  const article = await readArticleFile(join(workspaceDir, TRASH_DIR, `${entry.id}.json`))
  return summarize(article, entry.removedAt)
}

/** The hashes a damaged trashed file still names, so the originals it may need are never deleted. */
export async function hashesNamedIn(workspaceDir: string, id: string): Promise<string[]> {
  const text = await readFile(join(workspaceDir, TRASH_DIR, `${id}.json`), 'utf8').catch(() => '')
  return [...text.matchAll(SHA_IN_FILE)].map((m) => m[1]!)
}

/** Deletes originals/<sha256>.<ext> for every hash given (all extensions); returns how many went. */
export async function deleteOriginals(workspaceDir: string, hashes: ReadonlySet<string>): Promise<number> {
  if (hashes.size === 0) return 0
  const dir = join(workspaceDir, ORIGINALS_DIR)
  const names = await readdir(dir).catch(() => [] as string[])
  let deleted = 0
  for (const name of names) {
    const hash = ORIGINAL_FILE.exec(name)?.[1]
    if (!hash || !hashes.has(hash)) continue
    await rm(join(dir, name), { force: true })
    deleted++
  }
  if (deleted > 0) await fsyncDirectory(dir)
  return deleted
}

/** Makes the deletions in trash/ durable. */
export async function syncTrash(workspaceDir: string): Promise<void> {
  await fsyncDirectory(join(workspaceDir, TRASH_DIR)).catch(() => {})
}
