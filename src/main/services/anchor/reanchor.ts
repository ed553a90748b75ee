// Re-anchoring: finds where a highlight or mention belongs in a text that may have changed since it was
// made. By position first (the words and their context are still there: three string compares), then
// by the exact quote scored by its context, then by a fuzzy quote; what none of them finds is
// reported, never guessed.
import type { Article, Highlight, Mention, TextTarget } from '../../../shared/model'
import { collapseWithOffsets, type CollapsedText } from './collapse-space'
import { fuzzyQuote } from './fuzzy-quote'
import { matchQuote } from './match-quote'
import { positionSelector } from './text-position'
import { quoteSelector } from '../../../shared/text-quote'

export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

export interface Reanchored {
  /** The fresh selectors: the same object when nothing about the target changed. */
  target: TextTarget
  method: AnchorMethod
}

export interface AnchorCounts {
  position: number
  quote: number
  fuzzy: number
  unanchored: number
}

/** Whether the quote and its whole context are in `text` at `start`. */
function holdsAt(text: string, target: TextTarget, start: number): boolean {
  const { exact, prefix, suffix } = target.quote
  const position = { type: 'TextPositionSelector' as const, start, end: start + exact.length }
  const fresh = quoteSelector(text, position)
  return fresh.exact === exact && fresh.prefix === prefix && fresh.suffix === suffix
}

function targetAt(text: string, start: number, end: number): TextTarget | null {
  try {
    const position = positionSelector(text, start, end)
    return { quote: quoteSelector(text, position), position }
  } catch {
    return null
  }
}

/**
 * Where `target` belongs in `text`, with fresh position, prefix and suffix, and how it was found; null
 * when it cannot be found. `collapsed` shares the white-space-collapsed text between the targets of one
 * text, so it is built once and only when a fuzzy search is needed; `hint` is where the passage is
 * expected (by default its stored position).
 */
export function reanchorTarget(
  text: string,
  target: TextTarget,
  collapsed?: () => CollapsedText,
  hint = target.position.start,
): Reanchored | null {
  const { position } = target
  if (position.end - position.start === target.quote.exact.length && holdsAt(text, target, position.start))
    return { target, method: 'position' }
  // Moved as far as the passages before it: found without a search.
  if (hint !== position.start && holdsAt(text, target, hint)) {
    const moved = targetAt(text, hint, hint + target.quote.exact.length)
    if (moved) return { target: moved, method: 'quote' }
  }
  const exact = matchQuote(text, target, hint)
  if (exact) {
    const fresh = targetAt(text, exact.start, exact.end)
    const moved = exact.start !== position.start || exact.end !== position.end
    if (fresh) return { target: fresh, method: moved ? 'quote' : 'position' }
  }
  const fuzzy = fuzzyQuote(text, target, collapsed, hint)
  const fresh = fuzzy && targetAt(text, fuzzy.start, fuzzy.end)
  return fresh ? { target: fresh, method: 'fuzzy' } : null
}

export interface ReanchorOptions {
  /**
   * Also try the targets already marked unanchored. Off when verifying an article read from disk: they
   * were tried against this same text when they were marked, so the search would only repeat itself.
   */
  retryUnanchored?: boolean
}

export interface ArticleAnchoring extends AnchorCounts {
  /** Whether any highlight or mention was moved, refreshed or marked: the article must be saved. */
  changed: boolean
}

type Anchorable = Pick<Article, 'text' | 'highlights' | 'mentions'>

/**
 * Re-anchors every highlight and mention of `article` against its text, in place. One that cannot be
 * found keeps its quote, note and last position and is marked `unanchored`; one found again loses the mark.
 */
export function reanchorArticle(article: Anchorable, options: ReanchorOptions = {}): ArticleAnchoring {
  const { text } = article
  let collapsed: CollapsedText | undefined
  const lazyCollapsed = () => (collapsed ??= collapseWithOffsets(text))
  const result: ArticleAnchoring = { position: 0, quote: 0, fuzzy: 0, unanchored: 0, changed: false }
  let moved = false
  // Text inserted or removed before a passage moves the next ones as far: expect them there.
  let shift = 0
  const visit = (item: Highlight | Mention) => {
    if (item.unanchored && !options.retryUnanchored) {
      result.unanchored++
      return
    }
    const hint = Math.max(0, item.target.position.start + shift)
    const found = reanchorTarget(text, item.target, lazyCollapsed, hint)
    if (!found) {
      result.unanchored++
      if (!item.unanchored) result.changed = true
      item.unanchored = true
      return
    }
    result[found.method]++
    shift = found.target.position.start - item.target.position.start
    if (found.target !== item.target) {
      if (found.target.position.start !== item.target.position.start) moved = true
      item.target = found.target
      result.changed = true
    }
    if (item.unanchored) {
      delete item.unanchored
      result.changed = true
      moved = true
    }
  }
  article.highlights.forEach(visit)
  shift = 0
  article.mentions.forEach(visit)
  if (moved) {
    const byStart = (a: Highlight | Mention, b: Highlight | Mention) =>
      a.target.position.start - b.target.position.start
    article.highlights.sort(byStart)
    article.mentions.sort(byStart)
  }
  return result
}
