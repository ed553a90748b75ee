// How the library search reads text: one folding (lower case, diacritics off) that keeps every offset,
// so the words indexed, the words searched and the places marked in the reader are the same words.

/** Letters and digits; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu
const MARKS = /\p{M}+/gu
const folded = new Map<string, string>()
// eslint-disable-next-line no-control-regex -- one UTF-16 unit outside ASCII
const NOT_ASCII = /[^\u0000-\u007f]/g

/** One UTF-16 unit folded to one unit: "É" → "e", "İ" → "i"; a unit that would change length stays. */
function foldUnit(unit: string): string {
  let out = folded.get(unit)
  if (out === undefined) {
    const plain = unit.normalize('NFD').replace(MARKS, '').toLowerCase()
    const lower = unit.toLowerCase()
    out = plain.length === 1 ? plain : lower.length === 1 ? lower : unit
    folded.set(unit, out)
  }
  return out
}

/** The text in lower case without diacritics, the same length as `text`, so offsets carry over. */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex -- plain ASCII folds by lower-casing alone
  if (!/[^\u0000-\u007f]/.test(text)) return text.toLowerCase()
  // Runs of plain ASCII lower-cased at once; the rest one unit at a time (quotes and dashes, mostly).
  let out = ''
  let from = 0
  for (const unit of text.matchAll(NOT_ASCII)) {
    out += text.slice(from, unit.index).toLowerCase() + foldUnit(unit[0])
    from = unit.index + 1
  }
  return out + text.slice(from).toLowerCase()
}

export interface Token {
  word: string
  start: number
  end: number
}

/** The words of `text`, folded, with their [start, end) in it. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of foldText(text).matchAll(WORD))
    tokens.push({ word: match[0], start: match.index, end: match.index + match[0].length })
  return tokens
}

const WORD_UNIT = /^[\p{L}\p{N}]$/u
const wordUnits = new Map<number, boolean>()

/** Whether a code point is part of a word, as WORD reads it. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => +/[a-z0-9]/i.test(String.fromCharCode(c)))

export function inWord(code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1
  let known = wordUnits.get(code)
  if (known === undefined) {
    known = WORD_UNIT.test(String.fromCodePoint(code))
    wordUnits.set(code, known)
  }
  return known
}

/** Whether the code point ending just before `at` is part of a word. */
export function wordBefore(text: string, at: number): boolean {
  if (at <= 0) return false
  const code = text.charCodeAt(at - 1)
  if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2)
    if (high >= 0xd800 && high <= 0xdbff) return inWord(0x10000 + ((high - 0xd800) << 10) + (code - 0xdc00))
  }
  return inWord(code)
}

/** Where the word running at `at` ends (`at` itself when no word starts there), as `wordSpans` cuts it. */
export function wordEnd(text: string, at: number): number {
  let i = at
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code < 128) {
      if (ASCII_WORD[code] !== 1) return i
      i++
      continue
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (!inWord(0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00))) return i
        i += 2
        continue
      }
    }
    if (!inWord(code)) return i
    i++
  }
  return i
}

/**
 * The [start, end) of each word of `text` (already folded), the words `tokenize` finds, without an
 * object per word: what marking the hits of a search in an article's text runs on.
 */
export function wordSpans(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = []
  const ends: number[] = []
  let start = -1
  for (let i = 0; i < text.length;) {
    let code = text.charCodeAt(i)
    if (code < 128) {
      // The common case, without a call.
      if (ASCII_WORD[code] === 1) {
        if (start < 0) start = i
      } else if (start >= 0) {
        starts.push(start)
        ends.push(i)
        start = -1
      }
      i++
      continue
    }
    let width = 1
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
        width = 2
      }
    }
    if (inWord(code)) {
      if (start < 0) start = i
    } else if (start >= 0) {
      starts.push(start)
      ends.push(i)
      start = -1
    }
    i += width
  }
  if (start >= 0) {
    starts.push(start)
    ends.push(text.length)
  }
  return { starts, ends }
}

/** The words of `text`, folded: what the engine indexes and what a query looks up. */
export function words(text: string): string[] {
  return foldText(text).match(WORD) ?? []
}
