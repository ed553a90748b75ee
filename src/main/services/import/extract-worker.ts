// Runs in a worker thread: extracts one file at a time off the main thread, so parsing a large PDF
// or web page never freezes the window, and several run at once on several cores.
import { parentPort } from 'node:worker_threads'
import { DossierError } from '../../../shared/dossier-error'
import { extract } from './extract'
import type { ExtractJob, ExtractReply } from './extract-pool'

parentPort?.on('message', async (job: ExtractJob) => {
  let reply: ExtractReply
  try {
    reply = { id: job.id, ok: true, extraction: await extract(job.fileName, job.bytes) }
  } catch (error) {
    const data =
      error instanceof DossierError
        ? error.toData()
        : {
            code: 'internal' as const,
            message: `${job.fileName} could not be read: ${(error as Error).message}`,
            file: job.fileName,
          }
    reply = { id: job.id, ok: false, error: data }
  }
  parentPort?.postMessage(reply)
})
