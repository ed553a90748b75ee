// Sorts the results of an import batch into what the summary tells the analyst, on top of the shared
// sorting that the command line uses too (src/shared/import-summary.ts).
import type { ImportResult } from '../../shared/api'
import { summarizeImports as sortResults, type ImportSummary } from '../../shared/import-summary'

export interface ImportSummaryData extends ImportSummary {
  /** Files never started because the analyst cancelled. */
  skipped: number
  /** Files inside dropped folders that are not articles, left alone. */
  ignored: string[]
}

export interface SummaryExtras {
  cancelled?: number
  ignored?: readonly string[]
}

export function summarizeImports(
  results: readonly (ImportResult | undefined)[],
  extras: SummaryExtras = {},
): ImportSummaryData {
  const done = results.filter((r): r is ImportResult => r !== undefined)
  return { ...sortResults(done), skipped: extras.cancelled ?? 0, ignored: [...(extras.ignored ?? [])] }
}

/** A batch that needs reading: failures, files already there, likely duplicates, or a cancel. */
export function needsAttention(summary: ImportSummaryData): boolean {
  return (
    summary.failed.length > 0 ||
    summary.duplicates.length > 0 ||
    summary.similar.length > 0 ||
    summary.skipped > 0
  )
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

/** "92 % similar"; the services give a share between 0 and 1. */
export function similarityLabel(similarity: number): string {
  const percent = Math.round(similarity <= 1 ? similarity * 100 : similarity)
  return `${Math.min(100, Math.max(0, percent))}\u00a0% similar`
}

export function summaryTitle(summary: ImportSummaryData): string {
  const parts: string[] = []
  if (summary.imported.length > 0) parts.push(`${plural(summary.imported.length, 'article')} imported`)
  if (summary.similar.length > 0) parts.push(plural(summary.similar.length, 'likely duplicate'))
  if (summary.duplicates.length > 0) parts.push(`${summary.duplicates.length} already in the workspace`)
  if (summary.failed.length > 0) parts.push(`${summary.failed.length} failed`)
  if (summary.skipped > 0) parts.push(`${summary.skipped} cancelled`)
  return parts.length > 0 ? parts.join(' · ') : 'Nothing was imported'
}
