// Finds where a quote sits in a text: the stored position when it still holds, else the occurrence
// of the exact words whose prefix and suffix agree best with the stored context.
import type { TextTarget } from '../../../shared/model'

function sharedSuffixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

function sharedPrefixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

export function matchQuote(text: string, target: TextTarget): { start: number; end: number } | null {
  const { quote, position } = target
  if (text.slice(position.start, position.end) === quote.exact)
    return { start: position.start, end: position.end }
  let best: { start: number; end: number; score: number } | null = null
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const end = at + quote.exact.length
    const score =
      sharedSuffixLength(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      sharedPrefixLength(text.slice(end, end + quote.suffix.length), quote.suffix) -
      Math.abs(at - position.start) / 1e6
    if (!best || score > best.score) best = { start: at, end, score }
  }
  return best && { start: best.start, end: best.end }
}
