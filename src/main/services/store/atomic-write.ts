// Durable file replacement: write a temp file, fsync it, rename it over the target, fsync the directory.
// A crash or a failed write at any point leaves either the old file or the new one, never a torn one.
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; the rename is already durable there.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Replaces `path` durably and returns the new file's modification time (ms). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<number> {
  const dir = dirname(path)
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  let handle
  let mtimeMs: number
  try {
    handle = await open(temp, 'wx', 0o644)
    await handle.writeFile(data)
    await handle.sync()
    // rename keeps the mtime, so the temp file's is the final file's.
    mtimeMs = (await handle.stat()).mtimeMs
    await handle.close()
    handle = undefined
    await rename(temp, path)
  } catch (error) {
    await handle?.close().catch(() => {})
    await rm(temp, { force: true }).catch(() => {})
    throw error
  }
  await fsyncDirectory(dir)
  return mtimeMs
}
