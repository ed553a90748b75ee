// One running import: batches join it as they arrive (a second drop while the first is importing joins
// that run), their jobs run a few at a time, and when nothing is left or the analyst cancelled, the run
// reports everything it learned. Free of React and notifications, so it is tested on its own.
import type { ImportResult } from '../../shared/api'
import { failedResult, type ImportBatch, type ImportJob } from './import-batch'
import { createQueue, runQueue } from './run-queue'

export interface ImportRunState {
  total: number
  started: number
  finished: number
  /** The job started last. */
  current: string
  /** Batches still being gathered (folders walked, paths expanded). */
  preparing: boolean
  cancelled: boolean
}

export interface ImportOutcome {
  /** Known-early results first, then the jobs' results in the order the files came. */
  results: ImportResult[]
  ignored: string[]
  /** Jobs never started because the analyst cancelled. */
  cancelled: number
}

export interface ImportRunOptions {
  concurrency: number
  onProgress(state: ImportRunState): void
  onDone(outcome: ImportOutcome): void
}

export interface ImportRun {
  /** Adds a batch; false once the run is over (start a new one). */
  add(batch: Promise<ImportBatch>): boolean
  /** Starts nothing new; what already started finishes. */
  cancel(): void
  readonly over: boolean
}

export function createImportRun({ concurrency, onProgress, onDone }: ImportRunOptions): ImportRun {
  const queue = createQueue<ImportJob, ImportResult>([])
  const early: ImportResult[] = []
  const ignored: string[] = []
  let pending = 0
  let working = false
  let over = false
  let current = ''

  const state = (): ImportRunState => ({
    total: queue.items.length,
    started: queue.started,
    finished: queue.finished,
    current,
    preparing: pending > 0,
    cancelled: queue.cancelled,
  })

  function finishIfIdle() {
    if (over || working || (pending > 0 && !queue.cancelled)) return
    over = true
    const done = queue.results.filter((r): r is ImportResult => r !== undefined)
    onDone({ results: [...early, ...done], ignored, cancelled: queue.items.length - queue.started })
  }

  function work() {
    if (working) return
    if (queue.cancelled || queue.started >= queue.items.length) return finishIfIdle()
    working = true
    void runQueue(queue, (job) => job.run(), concurrency, {
      onStart: (job) => {
        current = job.name
        onProgress(state())
      },
      onFinish: () => onProgress(state()),
    }).then(() => {
      working = false
      // Jobs may have been added after the workers saw an empty queue and before they returned.
      work()
    })
  }

  return {
    add(batch) {
      if (over) return false
      pending++
      onProgress(state())
      batch
        .catch((error: unknown): ImportBatch => ({
          jobs: [],
          results: [
            failedResult(
              'Dropped files',
              `The dropped files could not be read: ${error instanceof Error ? error.message : String(error)}`,
            ),
          ],
          ignored: [],
        }))
        .then((ready) => {
          pending--
          if (over) return
          queue.items.push(...ready.jobs)
          early.push(...ready.results)
          ignored.push(...ready.ignored)
          onProgress(state())
          work()
        })
      return true
    },
    cancel() {
      queue.cancelled = true
      onProgress(state())
      finishIfIdle()
    },
    get over() {
      return over
    },
  }
}
