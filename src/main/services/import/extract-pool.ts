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
  /** A file whose extraction takes longer than this fails, and its worker is replaced. */
  timeoutMs?: number
  /** Passed to each worker as workerData (tests use it to load a TypeScript worker through tsx). */
  workerData?: unknown
}

export function createExtractPool(workerUrl: URL, options: ExtractPoolOptions = {}): ExtractPool {
  const size = options.size ?? Math.max(1, Math.min(availableParallelism(), 4))
  const timeoutMs = options.timeoutMs ?? 120_000
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
    slot.worker.on('error', (error) => replace(slot, `Dossier's reader stopped on it (${error.message})`))
    slot.worker.on('exit', () => replace(slot, 'Dossier’s reader stopped on it'))
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
  function replace(slot: Slot, reason: string): void {
    const pending = slot.current
    clearTimeout(slot.timer)
    slot.current = undefined
    const index = slots.indexOf(slot)
    if (index < 0) return
    slots.splice(index, 1)
    void slot.worker.terminate()
    if (pending) {
      const name = pending.job.fileName
      pending.reject(
        new DossierError(
          'damaged-file',
          `${name} could not be imported: ${reason}. The file may be damaged or too complex.`,
          name,
        ),
      )
    }
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
      slot.timer = setTimeout(
        () => replace(slot, `it took longer than ${Math.round(timeoutMs / 1000)} s`),
        timeoutMs,
      )
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
