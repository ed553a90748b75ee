// Where a search's words are in an article: every [start, end) of its positive words and phrases in the
// canonical text (whole words, prefixes as typed, the near spellings the index knows), and the snippet
// a result row shows, from the text or else from the field that matched (a note, the byline…).
import type { Snippet } from '../../../shared/library'
import type { Block, Entity } from '../../../shared/model'
import type { TermNode } from './query-syntax'
import { prepareBook } from './indexed-article'
import type { SnippetSource } from './snippet-texts'
import { foldText, wordSpans } from './search-text'

export type Range = [number, number]

/** What to mark: whole words, prefixes, and phrases (word sequences). */
export interface HitMatcher {
  exact: Set<string>
  prefixes: string[]
  phrases: string[][]
}

/** Fields whose words are not in the article's text: their terms are not marked there. */
const NOT_IN_TEXT = new Set(['site', 'by', 'title', 'tag', 'case', 'code'])

export function hitMatcher(
  terms: readonly TermNode[],
  variants: (term: TermNode, word: string) => [string, number][],
  options: { textOnly: boolean },
): HitMatcher {
  const matcher: HitMatcher = { exact: new Set(), prefixes: [], phrases: [] }
  for (const term of terms) {
    if (options.textOnly && term.field && NOT_IN_TEXT.has(term.field)) continue
    if (term.words.length > 1) matcher.phrases.push(term.words)
    else if (term.prefix) matcher.prefixes.push(term.words[0]!)
    else for (const [word] of variants(term, term.words[0]!)) matcher.exact.add(word)
  }
  // Longest phrases first, so "sea of japan" wins over a shorter one starting alike.
  matcher.phrases.sort((a, b) => b.length - a.length)
  return matcher
}

function trimmedRanges(blocks: readonly Block[]): Range[] {
  return blocks
    .filter((b) => b.trimmed)
    .map((b): Range => [b.start, b.end])
    .sort((a, b) => a[0] - b[0])
}

/**
 * The words not inside a hidden range; phrases run over what is left, as the reader sees it. A word is
 * inside one when a range starting at or before it ends at or after it: with the ranges by start and
 * the words in order, the furthest end so far says it.
 */
function outside(hidden: readonly Range[], starts: number[], ends: number[]) {
  const shown = { starts: [] as number[], ends: [] as number[] }
  let next = 0
  let furthest = -1
  for (let i = 0; i < starts.length; i++) {
    while (next < hidden.length && hidden[next]![0] <= starts[i]!)
      furthest = Math.max(furthest, hidden[next++]![1])
    if (furthest >= ends[i]!) continue
    shown.starts.push(starts[i]!)
    shown.ends.push(ends[i]!)
  }
  return shown
}

/** The hits in `text`, in order; those inside trimmed blocks left out unless asked for. */
export function findHits(
  text: string,
  matcher: HitMatcher,
  blocks: readonly Block[] = [],
  includeTrimmed = true,
): Range[] {
  const hidden = includeTrimmed ? [] : trimmedRanges(blocks)
  const folded = foldText(text)
  let { starts, ends } = wordSpans(folded)
  if (hidden.length > 0) ({ starts, ends } = outside(hidden, starts, ends))
  // Most words of an article start with a letter no searched word starts with: they are passed over
  // without being cut out of the text.
  const { exact, prefixes, phrases } = matcher
  const firsts = new Set<number>()
  for (const w of [...exact, ...prefixes, ...phrases.map((p) => p[0]!)]) firsts.add(w.charCodeAt(0))
  const spells = (word: string, k: number) =>
    ends[k]! - starts[k]! === word.length && folded.startsWith(word, starts[k]!)
  const hits: Range[] = []
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!
    if (!firsts.has(folded.charCodeAt(start))) continue
    const phrase = phrases.find((p) => i + p.length <= starts.length && p.every((w, k) => spells(w, i + k)))
    if (phrase) {
      hits.push([start, ends[i + phrase.length - 1]!])
      i += phrase.length - 1
      continue
    }
    const end = ends[i]!
    if (
      exact.has(folded.slice(start, end)) ||
      prefixes.some((p) => end - start >= p.length && folded.startsWith(p, start))
    )
      hits.push([start, end])
  }
  return hits
}

const BEFORE = 70
const LENGTH = 220

/** A piece of `text` within [from, to) around the first hit, cut at spaces, with its marks. */
function excerpt(text: string, hits: Range[], from: number, to: number, field: string): Snippet {
  const first = hits[0]
  let start = first ? Math.max(from, first[0] - BEFORE) : from
  let end = Math.min(to, start + LENGTH)
  if (start > from) {
    const space = text.indexOf(' ', start)
    if (space >= 0 && first && space < first[0]) start = space + 1
  }
  if (end < to) {
    const space = text.lastIndexOf(' ', end)
    if (space > start && (!first || space >= first[1])) end = space
  }
  const lead = start > from ? '…' : ''
  const tail = end < to ? '…' : ''
  const shift = lead.length - start
  const marks = hits.filter(([s, e]) => s >= start && e <= end).map(([s, e]): Range => [s + shift, e + shift])
  return { text: lead + text.slice(start, end) + tail, marks, field }
}

/** Highlight notes, entity names and the like, each searched on its own for a snippet. */
export interface SnippetSources {
  article: Readonly<SnippetSource>
  entities: readonly Entity[]
}

/** The snippet around the first hit in the text, inside the block that holds it. */
export function textSnippet(text: string, blocks: readonly Block[], hits: Range[]): Snippet {
  const at = hits[0]![0]
  const block = blocks.find((b) => b.start <= at && at < b.end)
  return excerpt(text, hits, block?.start ?? 0, block?.end ?? text.length, 'text')
}

/** When the text has no hit: the first field that matched (title, a note, byline…), else the opening. */
export function fieldSnippet(sources: SnippetSources, matcher: HitMatcher): Snippet {
  const { article } = sources
  const mentioned = new Set(
    article.mentions.filter((m) => m.status === 'confirmed').flatMap((m) => m.entityId ?? []),
  )
  // The names the entity: field found it by, merges and deletions resolved as in the index.
  const { entityNames } = prepareBook({ codes: [], entities: sources.entities, cases: [] })
  const fields: [string, string][] = [
    ['title', article.title],
    ...article.highlights.map((h): [string, string] => ['note', h.note]),
    ['byline', article.byline ?? ''],
    ...[...new Set([...mentioned].flatMap(entityNames))].map((name): [string, string] => ['entity', name]),
    ['site', article.siteName ?? ''],
    ...article.tags.map((tag): [string, string] => ['tag', tag]),
  ]
  for (const [field, value] of fields) {
    const hits = value ? findHits(value, matcher) : []
    if (hits.length > 0) return excerpt(value, hits, 0, value.length, field)
  }
  const first = article.blocks.find((b) => !b.trimmed && b.end > b.start)
  return excerpt(article.text, [], first?.start ?? 0, first?.end ?? article.text.length, 'text')
}
