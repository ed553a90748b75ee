// Sorts the results of an import batch into what the summary tells the analyst.
import type { ImportResult } from '../../shared/api'

export interface ImportSummaryData {
  imported: ImportResult[]
  duplicates: ImportResult[]
  failed: ImportResult[]
  /** Files never started because the analyst cancelled. */
  skipped: number
}

export function summarizeImports(results: (ImportResult | undefined)[], total: number): ImportSummaryData {
  const done = results.filter((r): r is ImportResult => r !== undefined)
  return {
    imported: done.filter((r) => r.status === 'imported'),
    duplicates: done.filter((r) => r.status === 'duplicate'),
    failed: done.filter((r) => r.status === 'failed'),
    skipped: total - done.length,
  }
}

/** The article to open after a batch: the first newly imported one, else the first that was already there. */
export function articleToOpen(results: (ImportResult | undefined)[]): string | undefined {
  const done = results.filter((r): r is ImportResult => r !== undefined)
  return (
    done.find((r) => r.status === 'imported' && r.articleId)?.articleId ??
    done.find((r) => r.status === 'duplicate' && r.articleId)?.articleId
  )
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

export function summaryTitle(summary: ImportSummaryData): string {
  const parts: string[] = []
  if (summary.imported.length > 0) parts.push(`${plural(summary.imported.length, 'article')} imported`)
  if (summary.duplicates.length > 0) parts.push(`${summary.duplicates.length} already in the workspace`)
  if (summary.failed.length > 0) parts.push(`${summary.failed.length} failed`)
  if (summary.skipped > 0) parts.push(`${summary.skipped} cancelled`)
  return parts.length > 0 ? parts.join(' · ') : 'Nothing was imported'
}
