// Where a name occurs in a text, by the rules an analyst expects of "every occurrence of this name":
//
// - Whole words. A word is a run of Unicode letters, digits and marks; a name's own hyphens and
//   apostrophes are part of it ("Kim Jong-un", "O'Brien"), and a space in a name matches any run of
//   spaces or tabs in the text, never a line break (a name does not run from one block into the next).
// - A name joined to a lower-case word by a hyphen still counts ("US-led", "anti-Russia",
//   "Kremlin-backed"); joined to anything else ("Jong-Un", "F-16") it is part of a longer word.
// - A possessive counts and ends before the apostrophe: "Russia's" and "Russia’s" are "Russia".
// - Case: an acronym or a name of at most three letters ("US", "UN", "DPRK", "Kim") matches only as
//   written, so "US" never finds "us"; a word of the name written in capitals ("UN Security Council")
//   must be in capitals in the text. Other names match whatever the case ("RUSSIA" in a headline), except
//   a match written all in lower case where the name has capitals: "may" is not "May", "turkey" not "Turkey".
// - Accents do not count: "Kim Jong Un" finds "Kim Jŏng Un".
// - An acronym next to a word in capitals ("FOLLOW US ON") is part of a headline in capitals, not a name.
export interface Word {
  start: number
  end: number
  /** Lower case, accents removed: what words are compared by. */
  key: string
}

/** A name or alias made ready to look for. */
export interface NameForm {
  text: string
  /** The words' keys. */
  keys: string[]
  /** The words as written, accents removed, for the case rules. */
  words: string[]
  /** What stands between consecutive words: ' ', '-', "'", '.'… */
  seps: string[]
  /** Matches only exactly as written (an acronym, or at most three letters). */
  exact: boolean
  hasCapital: boolean
}

export interface NameMatch {
  start: number
  end: number
  /** Index of the first word of the match in the text's words. */
  first: number
  /** Words it spans. */
  count: number
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu
const LETTER = /\p{L}/u
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
const DASHES = new Set(['-', '\u2010', '\u2011'])
const APOSTROPHES = new Set(["'", '\u2019'])

/** Accents and other combining marks off. */
export function stripMarks(word: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(word)
    ? word
    : word
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .normalize('NFC')
}

export const wordKey = (word: string) => stripMarks(word).toLowerCase()

export function wordsOf(text: string): Word[] {
  const words: Word[] = []
  for (const m of text.matchAll(WORD)) {
    words.push({ start: m.index, end: m.index + m[0].length, key: wordKey(m[0]) })
  }
  return words
}

const isUpper = (s: string) => s !== s.toLowerCase() && s === s.toUpperCase()
const isLower = (s: string) => s === s.toLowerCase()
/** All in capitals, with at least two letters: "DPRK", "UN". */
const isAcronym = (word: string) => isUpper(word) && [...word].filter((c) => LETTER.test(c)).length >= 2

/** The form a name is looked for in; undefined when it has no word at all ("…"). */
export function nameForm(text: string): NameForm | undefined {
  const clean = text.replace(/\s+/g, ' ').trim()
  const found = [...clean.matchAll(WORD)]
  if (found.length === 0) return undefined
  const words = found.map((m) => stripMarks(m[0]))
  const seps = found.slice(1).map((m, i) => {
    const previous = found[i]!
    return clean.slice(previous.index + previous[0].length, m.index)
  })
  const letters = words.join('').replace(/[^\p{L}]/gu, '').length
  return {
    text: clean,
    keys: words.map((w) => w.toLowerCase()),
    words,
    seps,
    exact: letters <= 3 || words.every((w) => isAcronym(w) || !LETTER.test(w)),
    hasCapital: words.some((w) => w !== w.toLowerCase()),
  }
}

/**
 * Whether the text between two words matches what the name has there. `loose` lets a space and a
 * hyphen stand for each other ("Kim Jong-un" for "Kim Jong Un"), which only variants allow.
 */
export function separatorMatches(nameSep: string, gap: string, loose = false): boolean {
  const spaced = /^[ \t\u00a0]+$/.test(gap)
  const dashed = gap.length === 1 && DASHES.has(gap)
  if (nameSep === ' ') return spaced || (loose && dashed)
  if (nameSep.length === 1 && DASHES.has(nameSep)) return dashed || (loose && spaced)
  if (nameSep.length === 1 && APOSTROPHES.has(nameSep)) return gap.length === 1 && APOSTROPHES.has(gap)
  return gap === nameSep
}

/** The case rules of the file header, for words of the text that matched the form's words by key. */
export function caseAllows(form: NameForm, written: readonly string[]): boolean {
  const plain = written.map(stripMarks)
  if (form.exact) return plain.every((w, i) => w === form.words[i])
  for (let i = 0; i < plain.length; i++)
    if (isAcronym(form.words[i]!) && plain[i] !== form.words[i]) return false
  return !(form.hasCapital && plain.every(isLower))
}

/** The word segment of `text` that ends at `end` (for the letters before a hyphen). */
function segmentBefore(text: string, end: number): string {
  let i = end
  while (i > 0 && WORD_CHAR.test(text[i - 1]!)) i--
  return text.slice(i, end)
}

function segmentAfter(text: string, start: number): string {
  let i = start
  while (i < text.length && WORD_CHAR.test(text[i]!)) i++
  return text.slice(start, i)
}

/** Whether a match of whole words from `start` to `end` stands as a name of its own (see the header). */
export function boundaryAllows(text: string, start: number, end: number): boolean {
  const before = text[start - 1]
  if (before !== undefined && start >= 2 && WORD_CHAR.test(text[start - 2]!)) {
    if (DASHES.has(before)) {
      const prefix = segmentBefore(text, start - 1)
      if (!(LETTER.test(prefix) && isLower(prefix))) return false
    } else if (APOSTROPHES.has(before)) return false
  }
  const after = text[end]
  if (after !== undefined && end + 1 < text.length && WORD_CHAR.test(text[end + 1]!)) {
    const suffix = segmentAfter(text, end + 1)
    if (APOSTROPHES.has(after)) return suffix === 's' || suffix === 'S'
    if (DASHES.has(after)) return suffix.length >= 3 && /^\p{Ll}+$/u.test(suffix)
  }
  return true
}

/** Words next to the match (separated by spaces only) that are in capitals: a headline, not a name. */
export function inCapitalsRun(text: string, words: readonly Word[], first: number, count: number): boolean {
  const shout = (w: Word | undefined, gap: string) =>
    w !== undefined && /^[ \t]+$/.test(gap) && w.end - w.start >= 3 && isUpper(text.slice(w.start, w.end))
  const previous = words[first - 1]
  const next = words[first + count]
  const start = words[first]!.start
  const end = words[first + count - 1]!.end
  return (
    shout(previous, previous ? text.slice(previous.end, start) : '') ||
    shout(next, next ? text.slice(end, next.start) : '')
  )
}

/**
 * Whether `form` occurs at word `first` of the text under the rules above. `loose` accepts space and
 * hyphen for each other (a variant, see variants.ts).
 */
export function matchAt(
  text: string,
  words: readonly Word[],
  first: number,
  form: NameForm,
  loose = false,
): NameMatch | undefined {
  const count = form.keys.length
  if (first + count > words.length) return undefined
  for (let j = 0; j < count; j++) {
    const word = words[first + j]!
    if (word.key !== form.keys[j]) return undefined
    if (
      j > 0 &&
      !separatorMatches(form.seps[j - 1]!, text.slice(words[first + j - 1]!.end, word.start), loose)
    )
      return undefined
  }
  const start = words[first]!.start
  const end = words[first + count - 1]!.end
  const written = words.slice(first, first + count).map((w) => text.slice(w.start, w.end))
  if (!caseAllows(form, written)) return undefined
  if (!boundaryAllows(text, start, end)) return undefined
  if (form.exact && form.words.every(isAcronym) && inCapitalsRun(text, words, first, count)) return undefined
  return { start, end, first, count }
}

/** Forms by the key of their first word, to look each word of a text up once. */
export function indexByFirstKey<T extends { form: NameForm }>(items: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>()
  for (const item of items) {
    const key = item.form.keys[0]!
    const list = index.get(key)
    if (list) list.push(item)
    else index.set(key, [item])
  }
  return index
}

/** Nothing but ASCII, spaces and punctuation such as curly quotes: lower case keeps every offset. */
// eslint-disable-next-line no-control-regex
const PLAIN = /^[\x00-\x7f\u00a0\u2000-\u206f]*$/

/**
 * Every occurrence of any of `names` in `text`, longest first where two overlap ("UN Security Council"
 * over "Security Council"), in text order.
 */
export function findNames(text: string, names: readonly string[]): { start: number; end: number }[] {
  return findForms(
    text,
    names.flatMap((name) => nameForm(name) ?? []),
  )
}

/** The same for names already made into forms (`nameForm`), for a search of many texts. */
export function findForms(text: string, forms: readonly NameForm[]): { start: number; end: number }[] {
  if (forms.length === 0) return []
  const found = PLAIN.test(text) ? findPlain(text, forms) : findInWords(text, wordsOf(text), forms)
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: { start: number; end: number }[] = []
  for (const { start, end } of found)
    if (!(kept.length && start < kept.at(-1)!.end)) kept.push({ start, end })
  return kept
}

function findInWords(text: string, words: readonly Word[], forms: readonly NameForm[]): NameMatch[] {
  const index = indexByFirstKey(forms.map((form) => ({ form })))
  const found: NameMatch[] = []
  for (let i = 0; i < words.length; i++) {
    for (const { form } of index.get(words[i]!.key) ?? []) {
      const match = matchAt(text, words, i, form)
      if (match) found.push(match)
    }
  }
  return found
}

const NEXT_WORD = /[\p{L}\p{N}\p{M}]+/uy

/**
 * The same for a text of plain letters, without splitting all of it into words: each form's first word
 * is looked for with indexOf in the lower-case text, and only the words around a hit are made (a name
 * that is in one article in ten costs one scan of the others).
 */
function findPlain(text: string, forms: readonly NameForm[]): NameMatch[] {
  const lower = text.toLowerCase()
  const found: NameMatch[] = []
  for (const key of new Set(forms.map((f) => f.keys[0]!))) {
    const mine = forms.filter((f) => f.keys[0] === key)
    const most = Math.max(...mine.map((f) => f.keys.length))
    for (let at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1)) {
      if (at > 0 && WORD_CHAR.test(text[at - 1]!)) continue
      if (at + key.length < text.length && WORD_CHAR.test(text[at + key.length]!)) continue
      const words = wordsNear(text, at, most + 1)
      const first = words[0]!.start < at ? 1 : 0
      for (const form of mine) {
        const match = matchAt(text, words, first, form)
        if (match) found.push(match)
      }
    }
  }
  return found
}

/** The word before `at` (if any), then `count` words from `at`. */
function wordsNear(text: string, at: number, count: number): Word[] {
  const words: Word[] = []
  let back = at - 1
  while (back >= 0 && !WORD_CHAR.test(text[back]!)) back--
  if (back >= 0) {
    let start = back
    while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--
    words.push({ start, end: back + 1, key: wordKey(text.slice(start, back + 1)) })
  }
  let from = at
  for (let n = 0; n < count && from < text.length; n++) {
    while (from < text.length && !WORD_CHAR.test(text[from]!)) from++
    NEXT_WORD.lastIndex = from
    const m = NEXT_WORD.exec(text)
    if (!m) break
    words.push({ start: from, end: from + m[0].length, key: wordKey(m[0]) })
    from += m[0].length
  }
  return words
}

/** The words around a match, about `width` characters each side, cut at a word and never across a line. */
export function contextAround(
  text: string,
  start: number,
  end: number,
  width = 50,
): { before: string; after: string } {
  let from = Math.max(0, start - width)
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  if (lineStart > from) from = lineStart
  else if (from > 0 && WORD_CHAR.test(text[from - 1]!)) {
    const space = text.indexOf(' ', from)
    if (space >= 0 && space < start) from = space + 1
  }
  let to = Math.min(text.length, end + width)
  const lineEnd = text.indexOf('\n', end)
  if (lineEnd >= 0 && lineEnd < to) to = lineEnd
  else if (to < text.length && WORD_CHAR.test(text[to]!)) {
    const space = text.lastIndexOf(' ', to)
    if (space > end) to = space
  }
  return { before: text.slice(from, start), after: text.slice(end, to) }
}
