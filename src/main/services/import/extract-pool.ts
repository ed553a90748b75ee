// A small pool of extraction workers, one per core. A worker that dies (a stack overflow on a
// pathological page, out of memory) or takes too long fails only its own file and is replaced.
// Pooled workers have a capped heap; a large file, or one that outgrew the cap, is read by a worker
// of its own without the cap, which ends with that file.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { DossierError, type ApiErrorData } from '../../../shared/dossier-error'
import type { RecognisedEntity } from '../ner/recognise'
import type { Extraction, ExtractWanted } from './extract'
import type { Extractor } from './importer'

/** A file to extract, or (with `text` and no bytes) a text whose names only are wanted. */
export interface ExtractJob {
  id: number
  fileName: string
  bytes?: Uint8Array
  text?: string
  /** Also the recogniser's names in the extracted text (extract-worker.ts). */
  names?: boolean
}

export type ExtractReply =
  | { id: number; ok: true; extraction?: Extraction; names?: RecognisedEntity[] }
  | { id: number; ok: false; error: ApiErrorData }

type Done = Extract<ExtractReply, { ok: true }>

interface Pending {
  job: ExtractJob
  resolve(reply: Done): void
  reject(error: DossierError): void
}

interface Slot {
  worker: Worker
  /** A worker started for one file, without the heap cap; it ends with that file. */
  alone: boolean
  current?: Pending
  timer?: NodeJS.Timeout
}

export interface ExtractPool {
  extract: Extractor
  /** The entity recogniser's names in a text (an article already stored), found in a worker. */
  recognise(text: string): Promise<RecognisedEntity[]>
  close(): Promise<void>
}

export interface ExtractPoolOptions {
  size?: number
  /** A file whose extraction takes longer than this (plus PER_MB_MS per megabyte) fails, and its
   * worker is replaced. */
  timeoutMs?: number
  /** Passed to each worker as workerData (tests use it to load a TypeScript worker through tsx). */
  workerData?: unknown
  /** The heap cap of pooled workers, in MB (WORKER_HEAP_MB unless given). */
  heapMb?: number
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

/**
 * The old-generation heap of a pooled worker. V8 sizes a heap by the machine's memory and collects
 * lazily, so two workers grew by 500 MB over 200 files whose live data is a few megabytes each; with
 * the cap V8 collects instead, and the pool stays near 200 MB.
 */
export const WORKER_HEAP_MB = 160
/** Files over this size are read by a worker of their own, whose heap has no cap. */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024

/** The size a job's time limit and worker go by: its file's bytes, or its text's (two per unit). */
const jobBytes = (job: ExtractJob) => job.bytes?.byteLength ?? (job.text?.length ?? 0) * 2

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

  const alone = new Set<Slot>()

  function spawn(isAlone = false): Slot {
    const resourceLimits = isAlone
      ? { stackSizeMb: 8 }
      : { stackSizeMb: 8, maxOldGenerationSizeMb: options.heapMb ?? WORKER_HEAP_MB }
    const slot: Slot = {
      worker: new Worker(workerUrl, { resourceLimits, workerData: options.workerData }),
      alone: isAlone,
    }
    slot.worker.on('message', (reply: ExtractReply) => {
      const pending = slot.current
      if (!pending || pending.job.id !== reply.id) return
      finish(slot)
      if (reply.ok) pending.resolve(reply)
      else pending.reject(new DossierError(reply.error.code, reply.error.message, reply.error.file))
    })
    slot.worker.on('error', (error) => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
      replace(slot, (name) => stopped(name, ` (${error.message})`), outOfMemory && !slot.alone)
    })
    slot.worker.on('exit', () => replace(slot, (name) => stopped(name, '')))
    slot.worker.unref()
    return slot
  }

  function start(slot: Slot, pending: Pending): void {
    slot.current = pending
    const limitMs = timeLimitMs(jobBytes(pending.job), timeoutMs)
    slot.timer = setTimeout(() => replace(slot, (name) => tookTooLong(name, limitMs)), limitMs)
    slot.worker.ref()
    slot.worker.postMessage(pending.job)
  }

  /** Reads one file in a worker of its own, without the heap cap. */
  function runAlone(pending: Pending): void {
    const slot = spawn(true)
    alone.add(slot)
    start(slot, pending)
  }

  function finish(slot: Slot): void {
    clearTimeout(slot.timer)
    slot.current = undefined
    slot.timer = undefined
    if (slot.alone) {
      alone.delete(slot)
      void slot.worker.terminate()
    }
    pump()
  }

  /**
   * Fails the file a dead or stuck worker held and puts a fresh worker in its place; a file that
   * outgrew a pooled worker's heap is read again by a worker without the cap instead of failing.
   */
  function replace(slot: Slot, failure: (fileName: string) => DossierError, retryAlone = false): void {
    const pending = slot.current
    clearTimeout(slot.timer)
    slot.current = undefined
    if (slot.alone) {
      if (!alone.delete(slot)) return
      void slot.worker.terminate()
      if (pending) pending.reject(failure(pending.job.fileName))
      return
    }
    const index = slots.indexOf(slot)
    if (index < 0) return
    slots.splice(index, 1)
    void slot.worker.terminate()
    if (pending && retryAlone && !closed) runAlone(pending)
    else if (pending) pending.reject(failure(pending.job.fileName))
    if (!closed) {
      slots.push(spawn())
      pump()
    }
  }

  function pump(): void {
    for (const slot of slots) {
      if (slot.current || queue.length === 0) continue
      start(slot, queue.shift()!)
    }
    for (const slot of slots) if (!slot.current) slot.worker.unref()
  }

  function submit(job: Omit<ExtractJob, 'id'>): Promise<Done> {
    if (closed) return Promise.reject(new DossierError('internal', 'Dossier is shutting down.'))
    if (slots.length === 0) for (let i = 0; i < size; i++) slots.push(spawn())
    return new Promise<Done>((resolve, reject) => {
      const pending = { job: { ...job, id: nextId++ }, resolve, reject }
      if (jobBytes(pending.job) > LARGE_FILE_BYTES) return runAlone(pending)
      queue.push(pending)
      pump()
    })
  }

  return {
    async extract(fileName, bytes, wanted?: ExtractWanted) {
      const reply = await submit({ fileName, bytes, ...(wanted?.names ? { names: true } : {}) })
      return reply.extraction!
    },
    async recognise(text) {
      const reply = await submit({ fileName: 'an article', text, names: true })
      if (!reply.names) throw new DossierError('internal', 'The entity recogniser could not be loaded.')
      return reply.names
    },
    async close() {
      closed = true
      for (const pending of queue.splice(0))
        pending.reject(new DossierError('internal', 'Dossier is shutting down.'))
      const workers = [...slots.splice(0), ...alone]
      alone.clear()
      await Promise.all(workers.map((slot) => slot.worker.terminate()))
    },
  }
}
