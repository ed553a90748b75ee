// A small pool of extraction workers, one per core. A worker that dies (a stack overflow on a
// pathological page, out of memory) or takes too long fails only its own file and is replaced.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { DossierError, type ApiErrorData } from '../../../shared/errors'
import type { Extraction } from './extract'
import type { Extractor } from './importer'

export interface ExtractJob {
  id: number
  fileName: string
  bytes: Uint8Array
}

export type ExtractReply =
  { id: number; ok: true; extraction: Extraction } | { id: number; ok: false; error: ApiErrorData }

interface Pending {
  job: ExtractJob
  resolve(extraction: Extraction): void
  reject(error: DossierError): void
}

interface Slot {
  worker: Worker
  current?: Pending
  timer?: NodeJS.Timeout
}

export interface ExtractPool {
  extract: Extractor
  close(): Promise<void>
}

export interface ExtractPoolOptions {
  size?: number
  /** A file whose extraction takes longer than this (plus PER_MB_MS per megabyte) fails, and its
   * worker is replaced. */
  timeoutMs?: number
  /** Passed to each worker as workerData (tests use it to load a TypeScript worker through tsx). */
  workerData?: unknown
}

/**
 * How long one file may take. The slowest pages known (16,000 empty paragraphs, 48 KB; 8,000 empty
 * list items) read in about a second on a 2-core machine and the Readability corpus pages in a
 * tenth of that each, so 30 s is well clear of any real page while a pathological one fails in
 * half a minute rather than two. Big files get a second more per megabyte: the 100 MB limit then
 * allows 130 s, what every file had before.
 */
export const TIMEOUT_MS = 30_000
export const PER_MB_MS = 1_000

export function timeLimitMs(byteLength: number, baseMs = TIMEOUT_MS): number {
  return baseMs + Math.floor(byteLength / 1024 / 1024) * PER_MB_MS
}

function stopped(fileName: string, detail: string): DossierError {
  return new DossierError(
    'damaged-file',
    `${fileName} could not be imported: Dossier’s reader stopped on it${detail}. The file may be damaged or too complex.`,
    fileName,
  )
}

function tookTooLong(fileName: string, limitMs: number): DossierError {
  return new DossierError(
    'damaged-file',
    `${fileName} took longer than ${Math.round(limitMs / 1000)} s to read, so Dossier stopped reading it; the other files go on. ` +
      'The file may be built in an unusual way (a web page of thousands of empty elements, for one): open it, save the article as plain text or PDF, and import that.',
    fileName,
  )
}

export function createExtractPool(workerUrl: URL, options: ExtractPoolOptions = {}): ExtractPool {
  const size = options.size ?? Math.max(1, Math.min(availableParallelism(), 4))
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS
  const queue: Pending[] = []
  const slots: Slot[] = []
  let nextId = 1
  let closed = false

  function spawn(): Slot {
    const slot: Slot = {
      worker: new Worker(workerUrl, { resourceLimits: { stackSizeMb: 8 }, workerData: options.workerData }),
    }
    slot.worker.on('message', (reply: ExtractReply) => {
      const pending = slot.current
      if (!pending || pending.job.id !== reply.id) return
      finish(slot)
      if (reply.ok) pending.resolve(reply.extraction)
      else pending.reject(new DossierError(reply.error.code, reply.error.message, reply.error.file))
    })
    slot.worker.on('error', (error) => replace(slot, (name) => stopped(name, ` (${error.message})`)))
    slot.worker.on('exit', () => replace(slot, (name) => stopped(name, '')))
    slot.worker.unref()
    return slot
  }

  function finish(slot: Slot): void {
    clearTimeout(slot.timer)
    slot.current = undefined
    slot.timer = undefined
    pump()
  }

  /** Fails the file a dead or stuck worker held and puts a fresh worker in its place. */
  function replace(slot: Slot, failure: (fileName: string) => DossierError): void {
    const pending = slot.current
    clearTimeout(slot.timer)
    slot.current = undefined
    const index = slots.indexOf(slot)
    if (index < 0) return
    slots.splice(index, 1)
    void slot.worker.terminate()
    if (pending) pending.reject(failure(pending.job.fileName))
    if (!closed) {
      slots.push(spawn())
      pump()
    }
  }

  function pump(): void {
    for (const slot of slots) {
      if (slot.current || queue.length === 0) continue
      const pending = queue.shift()!
      slot.current = pending
      const limitMs = timeLimitMs(pending.job.bytes.byteLength, timeoutMs)
      slot.timer = setTimeout(() => replace(slot, (name) => tookTooLong(name, limitMs)), limitMs)
      slot.worker.ref()
      slot.worker.postMessage(pending.job)
    }
    for (const slot of slots) if (!slot.current) slot.worker.unref()
  }

  return {
    extract(fileName, bytes) {
      if (closed) return Promise.reject(new DossierError('internal', 'Dossier is shutting down.'))
      if (slots.length === 0) for (let i = 0; i < size; i++) slots.push(spawn())
      return new Promise<Extraction>((resolve, reject) => {
        queue.push({ job: { id: nextId++, fileName, bytes }, resolve, reject })
        pump()
      })
    },
    async close() {
      closed = true
      for (const pending of queue.splice(0))
        pending.reject(new DossierError('internal', 'Dossier is shutting down.'))
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()))
    },
  }
}
