// Imports one file through the services: by its path in the desktop app, by its bytes in browser mode.
// Never throws: a failure becomes a failed result for that file, so one bad file never stops a batch.
import type { ImportResult } from '../../shared/api'
import { dossier, errorMessage, isDesktop } from '../api/client'

export const IMPORT_ACCEPT = '.txt,.md,.markdown,.html,.htm,.xhtml,.mhtml,.mht,.pdf,.docx'

function failed(file: File, message: string): ImportResult {
  return { file: file.name, status: 'failed', error: { code: 'internal', message } }
}

export async function importFile(file: File): Promise<ImportResult> {
  try {
    if (isDesktop && window.dossierDesktop) {
      const path = window.dossierDesktop.pathForFile(file)
      if (!path) return failed(file, `“${file.name}” has no path on disk, so Dossier cannot read it.`)
      const [result] = await dossier.import.paths({ paths: [path] })
      return result ? { ...result, file: file.name } : failed(file, `“${file.name}” was not imported.`)
    }
    const data = new Uint8Array(await file.arrayBuffer())
    const result = await dossier.import.upload({ name: file.name, data })
    return { ...result, file: file.name }
  } catch (error) {
    return failed(file, errorMessage(error))
  }
}
