// Runs in a worker thread: Dossier's whole import of one file (extract()), timed inside the thread as
// the floors are in theirs (readability-floor-worker.ts), so the figure and its floors are taken alike:
// each in a thread of its own with its own heap, none paying for another's garbage.
import { parentPort } from 'node:worker_threads'
import { extract } from '../../src/main/services/import/extract'

export interface ExtractJob {
  id: number
  name: string
  bytes: Uint8Array
}

/** The closed documents of the last run are freed once the event loop turns, as between imports in the app. */
const turn = () => new Promise((resolve) => setImmediate(resolve))

parentPort?.on('message', (job: ExtractJob) => {
  const start = performance.now()
  void extract(job.name, job.bytes).then(async () => {
    const ms = performance.now() - start
    await turn()
    parentPort?.postMessage({ id: job.id, ms })
  })
})
