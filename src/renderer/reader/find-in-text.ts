// Where a phrase occurs in an article's text, as find-in-page does it: every occurrence, ignoring case
// and accents, in the text the reader shows (trimmed furniture only when it is shown).
import type { Article } from '../../shared/model'

/** Lower case without accents, one UTF-16 unit in for one out, so offsets stay those of the text. */
function fold(text: string): string {
  let out = ''
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    // Keep the length: a character whose folding changes its length is compared as itself.
    out += base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch
  }
  return out
}

export function findInText(
  article: Pick<Article, 'text' | 'blocks'>,
  phrase: string,
  showTrimmed: boolean,
  limit = 5000,
): [number, number][] {
  const needle = fold(phrase.trim().replace(/\s+/g, ' '))
  if (!needle) return []
  const hidden = showTrimmed ? [] : article.blocks.filter((b) => b.trimmed)
  const haystack = fold(article.text)
  const found: [number, number][] = []
  for (let at = haystack.indexOf(needle); at >= 0 && found.length < limit;) {
    const end = at + needle.length
    if (!hidden.some((b) => at < b.end && end > b.start)) found.push([at, end])
    at = haystack.indexOf(needle, at + 1)
  }
  return found
}
