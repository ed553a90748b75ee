// Finds a quote whose words changed a little (an edit, an inserted word, re-flowed lines) with Myers'
// bit-parallel approximate matching (approx-string-match, the library Hypothesis anchors with). White
// space is collapsed on both sides first, so only real edits spend the error budget.
import search from 'approx-string-match'
import type { TextTarget } from '../../../shared/model'
import { collapseSpace, collapseWithOffsets, originalRange, type CollapsedText } from './collapse-space'
import { bestMatch, type Candidate, type ScoredMatch } from './match-quote'

/** One edit for every four characters of the quote: a reworded phrase, not a different sentence. */
export const ERROR_RATE = 0.25
/** The search costs time in proportion to the budget (in 32-character words), so very long quotes are capped. */
export const MAX_ERRORS = 256

export function errorBudget(quoteLength: number): number {
  return Math.min(MAX_ERRORS, Math.floor(quoteLength * ERROR_RATE))
}

export function fuzzyQuote(
  text: string,
  target: TextTarget,
  collapsed: () => CollapsedText = () => collapseWithOffsets(text),
): ScoredMatch | null {
  const pattern = collapseSpace(target.quote.exact).trim()
  const budget = errorBudget(pattern.length)
  // A quote of under four characters has no budget: if its exact words are gone, so is it.
  if (budget === 0) return null
  const space = collapsed()
  const seen = new Set<string>()
  const candidates: Candidate[] = []
  for (const match of search(space.text, pattern, budget)) {
    const range = originalRange(space, match.start, match.end)
    const key = `${range.start}:${range.end}`
    if (seen.has(key)) continue
    seen.add(key)
    candidates.push({ ...range, errors: match.errors })
  }
  return bestMatch(text, target, candidates, pattern.length)
}
