// Where a search's words are in an article: every [start, end) of its positive words and phrases in the
// canonical text (whole words, prefixes as typed, the near spellings the index knows), and the snippet
// a result row shows, from the text or else from the field that matched (a note, the byline…).
import type { Snippet } from '../../../shared/library'
import type { Block, Entity } from '../../../shared/model'
import type { TermNode } from './query-syntax'
import { prepareBook } from './indexed-article'
import type { SnippetSource } from './snippet-texts'
import { foldText, wordBefore, wordEnd } from './search-text'

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
 * Whether a word [start, end) is inside a hidden range: one starting at or before it that ends at or
 * after it. `furthest[i]` is the furthest end of the ranges up to i (they are by start).
 */
function isHidden(
  hidden: readonly Range[],
  furthest: readonly number[],
  start: number,
  end: number,
): boolean {
  let low = 0
  let high = hidden.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (hidden[mid]![0] <= start) low = mid + 1
    else high = mid
  }
  return low > 0 && furthest[low - 1]! >= end
}

/**
 * The hits in `text`, in order; those inside trimmed blocks left out unless asked for, and phrases run
 * over what is left, as the reader sees it. The searched words are found with indexOf and checked for
 * word edges there, so the text is never cut into all its words.
 */
export function findHits(
  text: string,
  matcher: HitMatcher,
  blocks: readonly Block[] = [],
  includeTrimmed = true,
  folded = foldText(text),
): Range[] {
  const hidden = includeTrimmed ? [] : trimmedRanges(blocks)
  const furthest: number[] = []
  for (const [, end] of hidden) furthest.push(Math.max(end, furthest.at(-1) ?? -1))
  const shown = (start: number, end: number) => hidden.length === 0 || !isHidden(hidden, furthest, start, end)
  const { exact, prefixes, phrases } = matcher
  const firsts = new Set<string>([...exact, ...prefixes, ...phrases.map((p) => p[0]!)])
  const starts: number[] = []
  for (const word of firsts) {
    if (!word) continue
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1))
      if (!wordBefore(folded, at)) starts.push(at)
  }
  starts.sort((a, b) => a - b)
  /** The next shown word from `from`: its [start, end), or undefined at the end of the text. */
  const nextWord = (from: number): Range | undefined => {
    for (let i = from; i < folded.length;) {
      const end = wordEnd(folded, i)
      if (end === i) {
        i += folded.charCodeAt(i) >= 0xd800 && folded.charCodeAt(i) <= 0xdbff ? 2 : 1
        continue
      }
      if (shown(i, end)) return [i, end]
      i = end
    }
    return undefined
  }
  const spells = (word: string, [start, end]: Range) =>
    end - start === word.length && folded.startsWith(word, start)
  const hits: Range[] = []
  let after = -1
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!
    if (start < after || start === starts[i - 1]) continue
    const end = wordEnd(folded, start)
    if (end === start || !shown(start, end)) continue
    let hit: Range | undefined
    for (const phrase of phrases) {
      if (!spells(phrase[0]!, [start, end])) continue
      let last: Range | undefined = [start, end]
      for (let k = 1; k < phrase.length && last; k++) {
        last = nextWord(last[1])
        if (last && !spells(phrase[k]!, last)) last = undefined
      }
      if (last) {
        hit = [start, last[1]]
        break
      }
    }
    if (
      !hit &&
      (exact.has(folded.slice(start, end)) ||
        prefixes.some((p) => end - start >= p.length && folded.startsWith(p, start)))
    )
      hit = [start, end]
    if (!hit) continue
    hits.push(hit)
    after = hit[1]
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
