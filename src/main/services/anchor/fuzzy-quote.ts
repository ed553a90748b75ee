// Finds a quote whose words changed a little (an edit, an inserted word, re-flowed lines) with Myers'
// bit-parallel approximate matching (approx-string-match, the library Hypothesis anchors with). White
// space is collapsed on both sides first, so only real edits spend the error budget.
import search from 'approx-string-match'
import type { TextTarget } from '../../../shared/model'
import { collapseSpace, collapseWithOffsets, originalRange, type CollapsedText } from './collapse-space'
import { bestMatch, MIN_CONTEXT_AGREEMENT, type Candidate, type ScoredMatch } from './match-quote'

/** One edit for every four characters of the quote: a reworded phrase, not a different sentence. */
export const ERROR_RATE = 0.25
/** The search costs time in proportion to the budget (in 32-character words), so very long quotes are capped. */
export const MAX_ERRORS = 256
/**
 * How far around the expected place the first search looks. A whole text costs about 0.3 ms per
 * kilobyte for a sentence-long quote, so an article of 250 KB with hundreds of changed quotes would take
 * tens of seconds; a window costs a millisecond, and the whole text is searched only when it finds nothing.
 */
export const NEAR_WINDOW = 2_000

export function errorBudget(quoteLength: number): number {
  return Math.min(MAX_ERRORS, Math.floor(quoteLength * ERROR_RATE))
}

/** The index in the collapsed text of the original offset `at` (offsets ascend). */
function collapsedIndex(space: CollapsedText, at: number): number {
  let low = 0
  let high = space.offsets.length - 1
  while (low < high) {
    const mid = (low + high) >>> 1
    if (space.offsets[mid]! < at) low = mid + 1
    else high = mid
  }
  return low
}

function searchIn(
  text: string,
  target: TextTarget,
  space: CollapsedText,
  pattern: string,
  from: number,
  to: number,
  hint: number,
): ScoredMatch | null {
  const budget = errorBudget(pattern.length)
  const seen = new Set<string>()
  const candidates: Candidate[] = []
  for (const match of search(space.text.slice(from, to), pattern, budget)) {
    const range = originalRange(space, from + match.start, from + match.end)
    const key = `${range.start}:${range.end}`
    if (seen.has(key)) continue
    seen.add(key)
    candidates.push({ ...range, errors: match.errors })
  }
  return bestMatch(text, target, candidates, pattern.length, hint)
}

export function fuzzyQuote(
  text: string,
  target: TextTarget,
  collapsed: () => CollapsedText = () => collapseWithOffsets(text),
  hint = target.position.start,
): ScoredMatch | null {
  const pattern = collapseSpace(target.quote.exact).trim()
  // A quote of under four characters has no budget: if its exact words are gone, so is it.
  if (errorBudget(pattern.length) === 0) return null
  const space = collapsed()
  const length = space.text.length
  const around = collapsedIndex(space, hint)
  const reach = Math.max(NEAR_WINDOW, 2 * pattern.length)
  const from = Math.max(0, around - reach)
  const to = Math.min(length, around + pattern.length + reach)
  const near = searchIn(text, target, space, pattern, from, to, hint)
  // Near the expected place, a match is taken when its context agrees; else the whole text decides.
  if (near && (near.context === undefined || near.context >= MIN_CONTEXT_AGREEMENT)) return near
  if (from === 0 && to === length) return near
  return searchIn(text, target, space, pattern, 0, length, hint) ?? near
}
