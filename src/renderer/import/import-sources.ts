// Turns what the analyst handed over (chosen files, a drop, the clipboard) into an import batch. On the
// desktop the services expand dropped folders (import.expand) and read the files by path, which they
// honour only for what the analyst dropped or chose in the app's own open dialog (import.choose); in
// browser mode the folders are walked here and the files' bytes are sent.
import { dossier, errorMessage, isDesktop } from '../api/client'
import { collectEntries } from './collect-entries'
import type { DroppedItems } from './dropped-items'
import { baseName, displayPath, EMPTY_BATCH, failedResult, type ImportBatch } from './import-batch'
import { pasteJob, pathJob, uploadJob, type PastedContent } from './import-file'

async function desktopBatch(files: readonly File[]): Promise<ImportBatch> {
  const batch: ImportBatch = { jobs: [], results: [], ignored: [] }
  const paths: string[] = []
  for (const file of files) {
    const path = window.dossierDesktop?.pathForFile(file)
    if (path) paths.push(path)
    else
      batch.results.push(
        failedResult(file.name, `${file.name} has no path on disk, so Dossier cannot read it.`),
      )
  }
  return pathsBatch(paths, batch)
}

async function pathsBatch(paths: string[], batch: ImportBatch): Promise<ImportBatch> {
  if (paths.length === 0) return batch
  try {
    const expanded = await dossier.import.expand({ paths })
    batch.jobs = expanded.files.map((path) => pathJob(path, displayPath(path, paths)))
    batch.results.push(...expanded.skipped)
    batch.ignored = expanded.ignored
  } catch (error) {
    const reason = errorMessage(error)
    batch.results.push(...paths.map((path) => failedResult(baseName(path), reason)))
  }
  return batch
}

async function browserBatch(items: DroppedItems): Promise<ImportBatch> {
  const batch: ImportBatch = { jobs: items.files.map((file) => uploadJob(file)), results: [], ignored: [] }
  if (items.folders.length === 0) return batch
  const found = await collectEntries(items.folders)
  batch.jobs.push(...found.files.map(({ file, path }) => uploadJob(file, path)))
  batch.ignored = found.ignored
  batch.results = found.unreadable.map(({ path, reason }) =>
    failedResult(path, `${path} could not be read from the dropped folder: ${reason}`, 'not-found'),
  )
  return batch
}

/** Files chosen with "Import files…" or dropped onto the window. */
export function batchFromDrop(items: DroppedItems): Promise<ImportBatch> {
  if (items.files.length === 0 && items.folders.length === 0) return Promise.resolve(EMPTY_BATCH)
  return isDesktop ? desktopBatch(items.files) : browserBatch(items)
}

export function batchFromFiles(files: readonly File[]): Promise<ImportBatch> {
  return batchFromDrop({ files: [...files], folders: [] })
}

/** Desktop "Import files…": what the analyst chose in the app's own open dialog (import.choose). */
export function batchFromPaths(paths: readonly string[]): Promise<ImportBatch> {
  return pathsBatch([...paths], { jobs: [], results: [], ignored: [] })
}

/** An article pasted from the clipboard. */
export function batchFromPaste(content: PastedContent): Promise<ImportBatch> {
  return Promise.resolve({ jobs: [pasteJob(content)], results: [], ignored: [] })
}
