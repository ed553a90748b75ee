// Runs in a worker thread: extracts one file at a time off the main thread, so parsing a large PDF
// or web page never freezes the window, and several run at once on several cores. Asked for names,
// it also runs the entity recogniser on the text it extracted, here rather than on the main process,
// which then only looks the names up (suggestion-engine.ts `atImport`); given a text alone (an
// article already stored, for the background pass), it gives that text's names.
import { parentPort } from 'node:worker_threads'
import { DossierError } from '../../../shared/dossier-error'
import type { RecognisedEntity } from '../ner/recognise'
import { extract } from './extract'
import type { ExtractJob, ExtractReply } from './extract-pool'

/**
 * The recogniser, loaded with the first file that wants names and kept: its model (about 14 MB of heap)
 * is read once per worker, and a worker that only ever extracts never reads it.
 */
let recogniser: Promise<typeof import('../ner/recognise')> | undefined

/** The names in the text, or undefined when the model cannot be read (the main process then says why). */
async function names(text: string): Promise<RecognisedEntity[] | undefined> {
  try {
    recogniser ??= import('../ner/recognise')
    return (await recogniser).recognise(text)
  } catch {
    return undefined
  }
}

parentPort?.on('message', async (job: ExtractJob) => {
  let reply: ExtractReply
  try {
    if (job.bytes === undefined) {
      const found = await names(job.text ?? '')
      reply = { id: job.id, ok: true, ...(found ? { names: found } : {}) }
    } else {
      const extraction = await extract(job.fileName, job.bytes)
      const found = job.names ? await names(extraction.article.text) : undefined
      reply = { id: job.id, ok: true, extraction: found ? { ...extraction, names: found } : extraction }
    }
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
