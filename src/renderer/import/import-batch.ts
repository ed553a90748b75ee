// What one import brings: a job per file (each imported on its own call, so progress is per file), the
// results already known before anything is imported (paths that could not be read), and the files inside
// dropped folders that were left alone because they are not articles.
import type { ImportResult } from '../../shared/api'
import type { ErrorCode } from '../../shared/errors'

export interface ImportJob {
  /** The name shown while it runs and in the summary. */
  name: string
  /** Never throws: a failure is a failed result for this file, so one bad file never stops a batch. */
  run(): Promise<ImportResult>
}

export interface ImportBatch {
  jobs: ImportJob[]
  results: ImportResult[]
  ignored: string[]
}

export const EMPTY_BATCH: ImportBatch = { jobs: [], results: [], ignored: [] }

export function failedResult(file: string, message: string, code: ErrorCode = 'internal'): ImportResult {
  return { file, status: 'failed', error: { code, message, file } }
}

/** The last part of a path, for either separator. */
export function baseName(path: string): string {
  return (
    path
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() || path
  )
}

/**
 * A file found under dropped folders, named from the dropped folder down ("Reports/2023/brief.txt"), so
 * two files of the same name in different folders can be told apart.
 */
export function displayPath(file: string, roots: readonly string[]): string {
  const root = roots
    .filter((r) => file.startsWith(r) && /[\\/]/.test(file.charAt(r.replace(/[\\/]+$/, '').length)))
    .sort((a, b) => b.length - a.length)[0]
  if (!root) return baseName(file)
  const parent = root.replace(/[\\/]+$/, '').replace(/[^\\/]*$/, '')
  return file.slice(parent.length).replace(/\\/g, '/')
}
