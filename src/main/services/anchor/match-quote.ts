// Finds a quote again by its words (W3C Web Annotation §4.2.4 TextQuoteSelector). Every candidate is
// scored by the quote's errors, by how well the text around it agrees with the stored prefix and suffix,
// and a little by its distance from the stored position; a short quote is only found where its context
// agrees, so a common word is never moved onto an unrelated sentence.
import search from 'approx-string-match'
import type { TextTarget } from '../../../shared/model'
import { collapseSpace } from './collapse-space'

/** A quote this long (white space collapsed) names its passage by itself, whatever surrounds it. */
export const SELF_EVIDENT_LENGTH = 32
/**
 * A shorter quote needs the text on at least one side to agree with the stored context this well.
 * Two unrelated 32-character stretches of news text agree 0.25 at the median and reach 0.6 in under
 * one pair in a hundred; a context with a word or two changed still agrees 0.8 or more.
 */
export const MIN_CONTEXT_AGREEMENT = 0.6

// The weights of Hypothesis's match-quote: the quote counts most, then
// its context, the position only breaks ties.
const QUOTE_WEIGHT = 50
const CONTEXT_WEIGHT = 20
const POSITION_WEIGHT = 2

export interface Candidate {
  start: number
  end: number
  /** Edits between the stored quote (white space collapsed) and the text of the candidate. */
  errors: number
}

export interface ScoredMatch extends Candidate {
  score: number
  /** How well the better side agrees with the stored context; undefined when none was stored. */
  context: number | undefined
}

/**
 * 1 when `found` reads as the stored context, towards 0 the less alike (edits per stored character),
 * undefined when no context was stored (the quote began or ended the text).
 */
export function agreement(stored: string, found: string): number | undefined {
  if (stored.length === 0) return undefined
  if (stored === found) return 1
  if (found.length === 0) return 0
  const [best] = search(found, stored, stored.length)
  return best ? 1 - best.errors / stored.length : 0
}

/** The collapsed text just before `at`, as long as the collapsed stored prefix. */
function before(text: string, at: number, stored: string): string {
  if (stored.length === 0) return ''
  // Twice the length before collapsing, so text with more white space still fills the window.
  return collapseSpace(text.slice(Math.max(0, at - 2 * stored.length), at)).slice(-stored.length)
}

function after(text: string, at: number, stored: string): string {
  return collapseSpace(text.slice(at, at + 2 * stored.length)).slice(0, stored.length)
}

function score(text: string, target: TextTarget, candidate: Candidate, quoteLength: number, hint: number) {
  const { quote, position } = target
  const prefix = collapseSpace(quote.prefix)
  const suffix = collapseSpace(quote.suffix)
  const sides = [
    agreement(prefix, before(text, candidate.start, prefix)),
    agreement(suffix, after(text, candidate.end, suffix)),
  ]
  const known = sides.filter((s): s is number => s !== undefined)
  const context = known.length > 0 ? Math.max(...known) : undefined
  const atStoredPosition =
    candidate.errors === 0 && candidate.start === position.start && candidate.end === position.end
  const accepted =
    quoteLength >= SELF_EVIDENT_LENGTH ||
    atStoredPosition ||
    context === undefined ||
    context >= MIN_CONTEXT_AGREEMENT
  const distance = Math.abs(candidate.start - hint) / Math.max(1, text.length)
  const total =
    QUOTE_WEIGHT * (1 - candidate.errors / Math.max(1, quoteLength)) +
    CONTEXT_WEIGHT * ((sides[0] ?? 1) + (sides[1] ?? 1)) +
    POSITION_WEIGHT * (1 - Math.min(1, distance))
  return { accepted, context, score: total / (QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT + POSITION_WEIGHT) }
}

/**
 * The best-scoring candidate that its context allows, or null when none does. `hint` is where the
 * passage is expected now: the stored position, moved as far as the targets before it moved.
 */
export function bestMatch(
  text: string,
  target: TextTarget,
  candidates: Iterable<Candidate>,
  quoteLength: number,
  hint = target.position.start,
): ScoredMatch | null {
  let best: ScoredMatch | null = null
  for (const candidate of candidates) {
    const { accepted, context, score: value } = score(text, target, candidate, quoteLength, hint)
    if (accepted && (!best || value > best.score)) best = { ...candidate, score: value, context }
  }
  return best
}

function* occurrences(text: string, exact: string): Generator<Candidate> {
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1))
    yield { start: at, end: at + exact.length, errors: 0 }
}

/** The occurrence of the exact quote whose surroundings agree best with the stored context. */
export function matchQuote(
  text: string,
  target: TextTarget,
  hint = target.position.start,
): ScoredMatch | null {
  const { exact } = target.quote
  return bestMatch(text, target, occurrences(text, exact), collapseSpace(exact).trim().length, hint)
}
