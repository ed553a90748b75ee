// What a crash can leave behind: the temp file of a write that never reached its rename. The real file
// beside it is intact, so the temp file is only litter, removed once this process holds the lock.
import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** store/atomic-write.ts names its temp files `.<name>.<12 hex>.tmp`. */
const ATOMIC_TEMP = /^\..+\.[0-9a-f]{12}\.tmp$/
/** store/lock.ts stages its owner in `dossier.lock.<12 hex>.tmp` (also for the takeover lock). */
const LOCK_TEMP = /^dossier\.lock(\.takeover)?\.[0-9a-f]{12}\.tmp$/
/** Another process may be staging a lock right now; only an old one is litter. */
const LOCK_TEMP_STALE_MS = 60_000

function isAtomicTemp(name: string): boolean {
  return ATOMIC_TEMP.test(name)
}

async function names(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [])
}

/** Removes interrupted writes' temp files from the workspace root and its folders; returns how many. */
export async function removeLeftovers(workspaceDir: string, folders: readonly string[]): Promise<number> {
  let removed = 0
  const sweep = async (dir: string, keep: (name: string) => Promise<boolean>) => {
    for (const name of await names(dir)) {
      if (await keep(name)) continue
      await rm(join(dir, name), { force: true })
      removed++
    }
  }
  await sweep(workspaceDir, async (name) => {
    if (isAtomicTemp(name)) return false
    if (!LOCK_TEMP.test(name)) return true
    const info = await stat(join(workspaceDir, name)).catch(() => undefined)
    return !info || Date.now() - info.mtimeMs < LOCK_TEMP_STALE_MS
  })
  for (const folder of folders) await sweep(join(workspaceDir, folder), async (name) => !isAtomicTemp(name))
  return removed
}
