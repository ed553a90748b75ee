// The annotation log beside an article file (articles/<id>.log): one JSON op per line, each appended
// and fsynced before the change is acknowledged, so saving a highlight costs one small write whatever
// the size of the article. Only newline-terminated lines count: a line cut short by a crash is ignored,
// and cut off before the next append.
import { close, constants, fstat, fsync, ftruncate, open, write } from 'node:fs'
import { truncate, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { DossierError } from '../../../shared/errors'
import { SCHEMA_VERSION } from '../../../shared/model'
import { AnnotationOp } from './annotation-ops'
import { ARTICLES_DIR } from './article-file'
import { fsyncDirectory } from './atomic-write'
import { errnoOf } from './fs-errors'
import { readWhole } from './read-whole'

const openFd = promisify(open)
const truncateFd = promisify(ftruncate)
const syncFd = promisify(fsync)
const statFd = promisify(fstat)
const closeFd = promisify(close)
const writeFd = (fd: number, buffer: Buffer, offset: number, position: number) =>
  new Promise<number>((resolve, reject) =>
    write(fd, buffer, offset, buffer.length - offset, position, (error, bytesWritten) =>
      error ? reject(error) : resolve(bytesWritten),
    ),
  )

export const LOG_SUFFIX = '.log'

export function logPath(workspaceDir: string, id: string): string {
  return join(workspaceDir, ARTICLES_DIR, `${id}${LOG_SUFFIX}`)
}

/** What the store knows of one article's log file. */
export interface LogState {
  /** Whether the file exists. */
  exists: boolean
  /** Bytes of whole lines: where the next line goes. */
  validBytes: number
  /** Whether bytes past `validBytes` may be on disk (a torn line, a failed append): cut before appending. */
  tail: boolean
  /** Ops in the file (counted for compaction). */
  ops: number
  /** Whether this process fsynced the folder since the file was created, so its name is durable. */
  named: boolean
}

export const noLog = (): LogState => ({ exists: false, validBytes: 0, tail: false, ops: 0, named: false })

export interface LogContents {
  ops: AnnotationOp[]
  state: LogState
  mtimeMs: number
  /** Why some whole lines were unusable ("line 3 is not valid JSON"); those lines were skipped. */
  damage?: string
}

/** One line as an op, or why it is not one. */
function parseLine(line: string, number: number, path: string): AnnotationOp | string {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return `line ${number} is not valid JSON`
  }
  const version = (value as { v?: unknown } | null)?.v
  if (typeof version === 'number' && version > SCHEMA_VERSION)
    throw new DossierError(
      'newer-version',
      `${path} was written by a newer version of Dossier (format ${version}). Update Dossier to open this workspace; nothing was changed.`,
      path,
    )
  const parsed = AnnotationOp.safeParse(value)
  return parsed.success ? parsed.data : `line ${number} does not match the expected format`
}

/** Reads and validates a log; undefined when there is none. */
export async function readLog(path: string): Promise<LogContents | undefined> {
  let bytes: Buffer
  let mtimeMs: number
  try {
    ;({ data: bytes, mtimeMs } = await readWhole(path))
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined
    throw error
  }
  const validBytes = bytes.lastIndexOf(0x0a) + 1
  const lines = bytes.subarray(0, validBytes).toString('utf8').split('\n')
  lines.pop()
  const ops: AnnotationOp[] = []
  const damaged: string[] = []
  lines.forEach((line, i) => {
    const op = parseLine(line, i + 1, path)
    if (typeof op === 'string') damaged.push(op)
    else ops.push(op)
  })
  const tail = bytes.length > validBytes
  // A log found on disk may have been created by a process killed before it fsynced the folder.
  const state = { exists: true, validBytes, tail, ops: lines.length, named: false }
  const more = damaged.length - 1
  const damage =
    damaged.length === 0
      ? undefined
      : `${damaged[0]}${more > 0 ? ` (and ${more} more ${more === 1 ? 'line' : 'lines'})` : ''}`
  return { ops, state, mtimeMs, damage }
}

/**
 * Appends one line and fsyncs it; returns the file's modification time. On failure the file is put back
 * as it was (or `state` says it must be cut before the next append) and the error is passed on.
 */
export async function appendLine(path: string, state: LogState, line: string): Promise<number> {
  const bytes = Buffer.from(`${line}\n`)
  const created = !state.exists
  let fd: number | undefined
  try {
    // Plain descriptors, not a FileHandle: a tag all appends to thousands of logs, and each FileHandle
    // call costs the main thread about three times as much (see read-whole.ts).
    fd = await openFd(path, constants.O_WRONLY | constants.O_CREAT, 0o644)
    if (state.tail) await truncateFd(fd, state.validBytes)
    let written = 0
    while (written < bytes.length) {
      const position = state.validBytes + written
      written += await writeFd(fd, bytes, written, position)
    }
    // fsync rather than fdatasync: the mtime is what tells the next opening that the index row is stale.
    await syncFd(fd)
    const { mtimeMs } = await statFd(fd)
    const open = fd
    fd = undefined
    await closeFd(open)
    // A new file's name must be as durable as its first line.
    if (!state.named) await syncFolderSoon(dirname(path))
    state.named = true
    state.exists = true
    state.validBytes += bytes.length
    state.tail = false
    state.ops++
    return mtimeMs
  } catch (error) {
    if (fd !== undefined) await closeFd(fd).catch(() => {})
    await undo(path, state, created)
    throw error
  }
}

const folderSyncs = new Map<string, { queued?: Promise<void>; running?: Promise<void> }>()

/**
 * fsyncs the folder after the caller created a file in it. Callers that come while one fsync is under
 * way share the next one, which starts after all of them: tagging a name in a thousand articles, each
 * getting its first log, costs a few folder fsyncs instead of a thousand, and each still returns only
 * once its file's name is durable.
 */
function syncFolderSoon(dir: string): Promise<void> {
  let state = folderSyncs.get(dir)
  if (!state) folderSyncs.set(dir, (state = {}))
  if (state.queued) return state.queued
  const slot = state
  const queued = (slot.running ?? Promise.resolve())
    .catch(() => {})
    .then(() => {
      slot.queued = undefined
      const running = fsyncDirectory(dir)
      slot.running = running
      return running.finally(() => {
        if (slot.running === running) slot.running = undefined
      })
    })
  slot.queued = queued
  return queued
}

/** After a failed append: the unacknowledged bytes go now if they can, else before the next append. */
async function undo(path: string, state: LogState, created: boolean): Promise<void> {
  try {
    if (created) await unlink(path)
    else await truncate(path, state.validBytes)
    state.tail = false
  } catch (error) {
    if (created && errnoOf(error) === 'ENOENT') return
    state.exists = true
    state.tail = true
  }
}

/** Removes a log whose ops the article file now holds; a log that is not there is fine. */
export async function removeLog(path: string): Promise<void> {
  try {
    await unlink(path)
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return
    throw error
  }
  await fsyncDirectory(dirname(path))
}

/** When the log has grown enough that folding it into the article file is worth a rewrite. */
export interface CompactionLimits {
  /** Ops in the log. */
  ops: number
  /** Log bytes, at least… */
  minBytes: number
  /** …or this fraction of the article file's size, whichever is larger. */
  ratio: number
}

export const DEFAULT_COMPACTION: CompactionLimits = { ops: 1000, minBytes: 64 * 1024, ratio: 0.5 }

export function needsCompaction(log: LogState, articleBytes: number, limits: CompactionLimits): boolean {
  if (log.ops === 0) return false
  return log.ops >= limits.ops || log.validBytes >= Math.max(limits.minBytes, limits.ratio * articleBytes)
}
