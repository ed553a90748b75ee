// The review list of "tag all occurrences", as plain data: occurrences grouped by article, flattened into
// rows for a virtual list, and the chosen ones applied in chunks that a cancel stops between.
import type { Occurrence, OccurrenceResult } from '../../shared/entities'
import type { ArticleSummary } from '../../shared/model'

export const occurrenceKey = (o: Pick<Occurrence, 'articleId' | 'start'>) => `${o.articleId}:${o.start}`

/** An occurrence already tagged (as this entity or another) is shown, never tagged again. */
export const isOpen = (o: Occurrence) => o.taggedAs === undefined

export interface ArticleGroup {
  articleId: string
  article: ArticleSummary | undefined
  occurrences: Occurrence[]
  /** Keys of the occurrences that can be chosen. */
  open: string[]
}

export type ReviewRow =
  | { kind: 'article'; key: string; group: ArticleGroup }
  | { kind: 'occurrence'; key: string; occurrence: Occurrence; group: ArticleGroup }

/** The occurrences by article, in the order the services found them. */
export function groupByArticle(result: OccurrenceResult): ArticleGroup[] {
  const articles = new Map(result.articles.map((a) => [a.id, a]))
  const groups = new Map<string, ArticleGroup>()
  for (const occurrence of result.occurrences) {
    let group = groups.get(occurrence.articleId)
    if (!group) {
      group = {
        articleId: occurrence.articleId,
        article: articles.get(occurrence.articleId),
        occurrences: [],
        open: [],
      }
      groups.set(occurrence.articleId, group)
    }
    group.occurrences.push(occurrence)
    if (isOpen(occurrence)) group.open.push(occurrenceKey(occurrence))
  }
  return [...groups.values()]
}

export function reviewRows(groups: readonly ArticleGroup[]): ReviewRow[] {
  return groups.flatMap((group): ReviewRow[] => [
    { kind: 'article', key: `a:${group.articleId}`, group },
    ...group.occurrences.map((occurrence): ReviewRow => ({
      kind: 'occurrence',
      key: occurrenceKey(occurrence),
      occurrence,
      group,
    })),
  ])
}

/**
 * Packs the chosen occurrences (in article order) into calls of at most `size`: whole articles
 * together while they fit, so one article is usually one write; a longer article spans several.
 */
export function chunksByArticle<T extends { articleId: string }>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  let current: T[] = []
  let at = 0
  while (at < items.length) {
    let end = at
    while (end < items.length && items[end]!.articleId === items[at]!.articleId) end++
    const article = items.slice(at, end)
    if (current.length > 0 && current.length + article.length > size) {
      chunks.push(current)
      current = []
    }
    for (let from = 0; from < article.length; from += size) {
      const part = article.slice(from, from + size)
      if (current.length + part.length > size) {
        chunks.push(current)
        current = []
      }
      current.push(...part)
    }
    at = end
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}

export interface ChunkRun<R> {
  /** What the chunks that ran returned, in order. */
  results: R[]
  /** Items sent in the chunks that ran. */
  applied: number
  /** Stopped by `cancelled` before the last chunk. */
  cancelled: boolean
  /** The failure that stopped it, if one did; what ran before it stands. */
  error?: unknown
}

/** Runs `apply` on each chunk in turn, checking `cancelled` between chunks, and reports progress. */
export async function applyInChunks<T, R>(
  chunks: readonly T[][],
  apply: (chunk: T[]) => Promise<R[]>,
  options: { cancelled: () => boolean; onProgress: (done: number, total: number) => void },
): Promise<ChunkRun<R>> {
  const total = chunks.reduce((n, c) => n + c.length, 0)
  const run: ChunkRun<R> = { results: [], applied: 0, cancelled: false }
  options.onProgress(0, total)
  for (const chunk of chunks) {
    if (options.cancelled()) {
      run.cancelled = true
      break
    }
    try {
      run.results.push(...(await apply(chunk)))
    } catch (error) {
      run.error = error
      break
    }
    run.applied += chunk.length
    options.onProgress(run.applied, total)
  }
  return run
}
