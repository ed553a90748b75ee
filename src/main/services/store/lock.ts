// One writer per workspace: a lock file naming its owner, taken atomically and taken over only from a
// process that is provably gone.
//
// The owner is written to a private file first and then hard-linked to the lock's name: link() fails if
// the name exists, so the lock never exists without its complete owner. A lock whose owner cannot be read
// is left alone unless it is old. Taking over a dead owner's lock happens under a second, short-lived
// lock (the takeover lock), so two processes that both saw the dead owner cannot both replace it.
// What remains: a process killed inside the takeover (a few file operations) leaves a takeover lock that
// expires after TAKEOVER_STALE_MS; if several processes expire it at the same instant, two could enter.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { link, readFile, stat, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { DossierError } from '../../../shared/errors'
import { readFailure } from './fs-errors'

export interface LockOwner {
  pid: number
  host: string
  since: string
  /** Unique per acquisition: tells this process's lock from one left by an earlier process with its pid. */
  nonce: string
  /** The owner's start time in clock ticks since boot (Linux), so a reused pid is not taken for the owner. */
  started?: number
}

export const LOCK_FILE = 'dossier.lock'
const TAKEOVER_FILE = 'dossier.lock.takeover'
/** A lock file that cannot be read is only ever a crash of an older Dossier mid-write, or damage. */
export const UNREADABLE_STALE_MS = 30_000
/** The takeover lock is held for a few file operations; one this old belongs to a process that died. */
const TAKEOVER_STALE_MS = 10_000
/** How long a contender waits for a takeover in progress, or an unreadable fresh lock, before giving up. */
const PATIENCE_MS = 3_000

/** The nonces of the locks this process holds. */
const held = new Set<string>()

export function processStartTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 22 (starttime); the command name in field 2 may contain spaces, so count from its ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const started = Number(fields[19])
    return Number.isFinite(started) ? started : undefined
  } catch {
    return undefined
  }
}

function isRunning(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  if (owner.started === undefined) return true
  const started = processStartTime(owner.pid)
  return started === undefined || started === owner.started
}

function parseOwner(text: string): LockOwner | null {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? (owner as LockOwner) : null
  } catch {
    return null
  }
}

/** A lock file as found: its owner (null if it cannot be read), its exact text and its age. */
interface Seen {
  owner: LockOwner | null
  text: string
  ageMs: number
}

async function look(path: string): Promise<Seen | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)])
    return { owner: parseOwner(text), text, ageMs: Date.now() - info.mtimeMs }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new DossierError(
      'workspace-locked',
      `The workspace's lock file ${path} cannot be read because ${readFailure(error)}. Close every Dossier, remove ${path}, and open the workspace again; nothing was changed.`,
    )
  }
}

/** Whether the lock's owner is gone for certain, so the lock may be taken over. */
function isStale({ owner, ageMs }: Seen, me: LockOwner): boolean {
  if (!owner) return ageMs > UNREADABLE_STALE_MS
  // Another host's pid means nothing here (a synced folder): never guess that it is gone.
  if (owner.host !== me.host) return false
  // Our own pid but not one of our locks: left by an earlier process that had this pid (containers).
  if (owner.pid === me.pid) return !held.has(owner.nonce)
  return !isRunning(owner)
}

/** Creates `path` holding `text` only if it does not exist; the content is complete before the name exists. */
async function createExclusive(path: string, text: string): Promise<boolean> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temp, text, { flag: 'wx' })
  try {
    await link(temp, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    await unlink(temp).catch(() => {})
  }
}

/**
 * Deletes `path` if it still holds `expected`. Safe without a compare-and-delete because of who may
 * delete a lock: its live owner (on release), or a process holding the takeover lock once its owner is
 * gone. Neither can race with the other over the same content.
 */
async function removeIfSame(path: string, expected: string): Promise<boolean> {
  const text = await readFile(path, 'utf8').catch(() => undefined)
  if (text !== expected) return false
  await unlink(path).catch(() => {})
  return true
}

function lockedError(dir: string, owner: LockOwner): DossierError {
  return new DossierError(
    'workspace-locked',
    `The workspace ${dir} is open in another Dossier (process ${owner.pid} on ${owner.host}, since ${owner.since}). Close that one first, or open a different workspace.`,
  )
}

function busyError(dir: string): DossierError {
  return new DossierError(
    'workspace-locked',
    `Another Dossier is opening the workspace ${dir} right now. Wait a moment and try again; if this persists, close every Dossier and delete ${join(dir, LOCK_FILE)}.`,
  )
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** Replaces a stale lock with ours, under the takeover lock. False: someone else got there first. */
async function takeOver(dir: string, stale: Seen, mine: string): Promise<boolean | 'busy'> {
  const path = join(dir, LOCK_FILE)
  const takeoverPath = join(dir, TAKEOVER_FILE)
  const ticket = JSON.stringify({ pid: process.pid, nonce: randomBytes(8).toString('hex') })
  if (!(await createExclusive(takeoverPath, ticket))) {
    const other = await look(takeoverPath)
    if (other && other.ageMs > TAKEOVER_STALE_MS) await removeIfSame(takeoverPath, other.text)
    return 'busy'
  }
  try {
    // Only the stale lock we judged may go: if it changed meanwhile, the new owner is alive.
    if (!(await removeIfSame(path, stale.text))) return false
    return await createExclusive(path, mine)
  } finally {
    await removeIfSame(takeoverPath, ticket)
  }
}

export interface WorkspaceLock {
  readonly owner: LockOwner
  release(): Promise<void>
}

export async function acquireLock(dir: string): Promise<WorkspaceLock> {
  const path = join(dir, LOCK_FILE)
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
    started: processStartTime(process.pid),
  }
  const mine = JSON.stringify(me)
  const deadline = Date.now() + PATIENCE_MS
  for (;;) {
    if (await createExclusive(path, mine)) break
    const seen = await look(path)
    if (!seen) continue
    if (isStale(seen, me)) {
      const taken = await takeOver(dir, seen, mine)
      if (taken === true) break
      if (taken === false) continue
    } else if (seen.owner) {
      throw lockedError(dir, seen.owner)
    }
    // A takeover in progress, or a lock still being written by an older Dossier: wait a little.
    if (Date.now() > deadline) throw busyError(dir)
    await pause(20 + Math.random() * 40)
  }
  held.add(me.nonce)
  let released = false
  return {
    owner: me,
    release: async () => {
      if (released) return
      released = true
      held.delete(me.nonce)
      // Never a plain delete: the file at that name might, after damage, be someone else's lock.
      await removeIfSame(path, mine).catch(() => {})
    },
  }
}
