// One writer per workspace: a lock file holding the owner's pid, taken over only when that process is gone.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { DossierError } from '../../../shared/errors'

interface LockOwner {
  pid: number
  host: string
  since: string
}

export const LOCK_FILE = 'dossier.lock'

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>
    return typeof owner.pid === 'number' ? (owner as LockOwner) : null
  } catch {
    return null
  }
}

export interface WorkspaceLock {
  release(): Promise<void>
}

export async function acquireLock(dir: string): Promise<WorkspaceLock> {
  const path = join(dir, LOCK_FILE)
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, JSON.stringify(me), { flag: 'wx' })
      return {
        release: async () => {
          const owner = await readOwner(path)
          if (owner?.pid === me.pid) await rm(path, { force: true })
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = await readOwner(path)
    // Another host's pid means nothing here (a synced folder): refuse rather than guess.
    const alive = owner ? owner.host !== me.host || isRunning(owner.pid) : false
    if (alive && owner) {
      throw new DossierError(
        'workspace-locked',
        `The workspace ${dir} is open in another Dossier (process ${owner.pid} on ${owner.host}, since ${owner.since}). Close that one first, or open a different workspace.`,
      )
    }
    await rm(path, { force: true })
  }
  throw new DossierError('workspace-locked', `Could not lock the workspace ${dir}. Try again.`)
}
