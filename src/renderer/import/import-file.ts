// The import jobs: one file by its bytes (browser mode), one file by its path on disk (the desktop app),
// or the clipboard. Each turns any failure into a failed result naming the file.
import type { ImportResult } from '../../shared/api'
import { tooLargeMessage } from '../../shared/file-size'
import { dossier, errorMessage } from '../api/client'
import { failedResult, type ImportJob } from './import-batch'
import { uploadLimit } from './upload-limit'

/** What the file picker offers; anything dropped is still tried. */

async function attempt(name: string, work: () => Promise<ImportResult | undefined>): Promise<ImportResult> {
  try {
    const result = await work()
    return result ? { ...result, file: name } : failedResult(name, `${name} was not imported.`)
  } catch (error) {
    return failedResult(name, errorMessage(error))
  }
}

export function uploadJob(file: File, name = file.name): ImportJob {
  return {
    name,
    run: () =>
      attempt(name, async () => {
        // Refused here, with the services' own sentence, rather than read and sent only to be refused.
        const limit = await uploadLimit()
        if (file.size > limit) {
          return failedResult(name, tooLargeMessage(file.name, file.size, limit), 'too-large')
        }
        const data = new Uint8Array(await file.arrayBuffer())
        return dossier.import.upload({ name: file.name, data })
      }),
  }
}

export function pathJob(path: string, name: string): ImportJob {
  return {
    name,
    run: () => attempt(name, async () => (await dossier.import.paths({ paths: [path] }))[0]),
  }
}

export interface PastedContent {
  text?: string
  html?: string
}

export const PASTE_NAME = 'Pasted text'

export function pasteJob(content: PastedContent): ImportJob {
  return {
    name: PASTE_NAME,
    run: async () => {
      try {
        // The services name it after the time of the paste, as the Library will show it.
        const result = await dossier.import.paste(content)
        // Copied from a page, the clipboard holds both; if the page's HTML cannot be read, its text can.
        if (result.status === 'failed' && content.html && content.text?.trim()) {
          return await dossier.import.paste({ text: content.text })
        }
        return result
      } catch (error) {
        return failedResult(PASTE_NAME, errorMessage(error))
      }
    },
  }
}
