// Work on many articles at once: a few at a time, every one tried even when another fails, and one
// sentence at the end that names each article that failed and why.
import { DossierError, type ErrorCode } from '../../../shared/errors'

/** At most this many articles are worked on at once (each may open files). */
const PARALLEL = 16

export interface Failure {
  id: string
  /** How the analyst knows the article: its title, when known. */
  title?: string
  error: unknown
}

/** Runs `work` on every item, `PARALLEL` at a time; results in the order of `items`. */
export async function eachSettled<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results = new Array<PromiseSettledResult<R>>(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const index = next++
      try {
        results[index] = { status: 'fulfilled', value: await work(items[index]!) }
      } catch (reason) {
        results[index] = { status: 'rejected', reason }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, lane))
  return results
}

/** The ids once each, in the order first given. */
export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)]
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/\.$/, '')
}

/**
 * Throws one error naming every failure, after the rest was done: "3 of 5 articles were moved to the
 * trash; these could not be: “A”: …; “B”: …". `done` says what happened to the others.
 */
export function reportFailures(total: number, failures: readonly Failure[], done: string): void {
  if (failures.length === 0) return
  const name = (f: Failure) => (f.title ? `“${f.title}”` : `the article ${f.id}`)
  const first = failures[0]!
  const code: ErrorCode = first.error instanceof DossierError ? first.error.code : 'internal'
  const file = first.error instanceof DossierError ? first.error.file : undefined
  if (total === 1)
    throw new DossierError(code, `${name(first)} could not be ${done}: ${reason(first.error)}.`, file)
  const named = failures.slice(0, 5).map((f) => `${name(f)}: ${reason(f.error)}`)
  const more = failures.length > 5 ? `; and ${failures.length - 5} more` : ''
  const succeeded = total - failures.length
  throw new DossierError(
    code,
    `${succeeded} of ${total} articles were ${done}; ${failures.length === 1 ? 'this one' : 'these'} could not be: ${named.join('; ')}${more}.`,
    file,
  )
}

/** The results of `eachSettled` as values, after reporting the failures (named with `title`). */
export function valuesOrReport<R>(
  ids: readonly string[],
  results: readonly PromiseSettledResult<R>[],
  done: string,
  title: (id: string) => string | undefined,
): R[] {
  const failures: Failure[] = []
  const values: R[] = []
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') values.push(result.value)
    else failures.push({ id: ids[i]!, title: title(ids[i]!), error: result.reason })
  })
  reportFailures(ids.length, failures, done)
  return values
}
