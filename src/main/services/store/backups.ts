// Copies of dossier.json in backups/, newest last by name. A copy is only ever made of an index that was
// read and validated, identical copies are not repeated, and restoring takes the newest copy that is valid.
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { WorkspaceIndex } from '../../../shared/model'
import { writeFileAtomic } from './atomic-write'
import { parseJson } from './json-file-adapter'

export const BACKUPS_DIR = 'backups'
export const BACKUPS_KEPT = 5
const NAME = /^dossier-[0-9TZ-]+\.json$/

async function backupNames(workspaceDir: string): Promise<string[]> {
  const names = await readdir(join(workspaceDir, BACKUPS_DIR)).catch(() => [] as string[])
  return names.filter((name) => NAME.test(name)).sort()
}

/** Whether the file holds `text`; read only when its size says it might. */
async function sameText(path: string, text: string): Promise<boolean> {
  const size = await stat(path).then(
    (info) => info.size,
    () => -1,
  )
  if (size !== Buffer.byteLength(text)) return false
  return (await readFile(path, 'utf8').catch(() => undefined)) === text
}

/**
 * Keeps a copy of the index text. Nothing is written when the newest copy already holds the same text,
 * so opening an unchanged workspace again and again never pushes older, different copies out.
 */
export async function writeBackup(workspaceDir: string, text: string): Promise<void> {
  const dir = join(workspaceDir, BACKUPS_DIR)
  const names = await backupNames(workspaceDir)
  const newest = names.at(-1)
  if (newest && (await sameText(join(dir, newest), text))) return
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  await writeFileAtomic(join(dir, `dossier-${stamp}.json`), text)
  const all = await backupNames(workspaceDir)
  await Promise.all(all.slice(0, -BACKUPS_KEPT).map((name) => rm(join(dir, name), { force: true })))
}

export interface Backup {
  index: WorkspaceIndex
  /** backups/<name>, for messages. */
  file: string
  takenAt: Date
}

/** The newest backup that reads and validates; damaged or newer-format copies are passed over. */
export async function newestValidBackup(workspaceDir: string): Promise<Backup | undefined> {
  const dir = join(workspaceDir, BACKUPS_DIR)
  for (const name of (await backupNames(workspaceDir)).reverse()) {
    const path = join(dir, name)
    try {
      const index = parseJson(await readFile(path, 'utf8'), WorkspaceIndex, path)
      return { index, file: `${BACKUPS_DIR}/${name}`, takenAt: (await stat(path)).mtime }
    } catch {
      continue
    }
  }
  return undefined
}

export async function hasBackups(workspaceDir: string): Promise<boolean> {
  return (await backupNames(workspaceDir)).length > 0
}
