// One summary of an import batch, shared by the app's summary panel and the command line.
import type { ImportResult } from './api'

export interface ImportSummary {
  imported: ImportResult[]
  duplicates: ImportResult[]
  failed: ImportResult[]
  /** Imported, but telling the same story as an article already in the workspace. */
  similar: ImportResult[]
}

export function summarizeImports(results: readonly ImportResult[]): ImportSummary {
  return {
    imported: results.filter((r) => r.status === 'imported'),
    duplicates: results.filter((r) => r.status === 'duplicate'),
    failed: results.filter((r) => r.status === 'failed'),
    similar: results.filter((r) => r.status === 'imported' && r.similarTo),
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** "3 imported, 1 already in the workspace, 2 failed." */
export function summaryLine(summary: ImportSummary): string {
  const parts = [`${summary.imported.length} imported`]
  if (summary.duplicates.length) parts.push(`${summary.duplicates.length} already in the workspace`)
  if (summary.failed.length) parts.push(`${summary.failed.length} failed`)
  if (summary.similar.length)
    parts.push(
      plural(summary.similar.length, 'looks like a story already there', 'look like stories already there'),
    )
  return `${parts.join(', ')}.`
}
