// Decides whether a hyphen at the end of a line is a word break to undo ("nation-" / "al" → "national")
// or a real hyphen to keep ("surface-to-" / "air" → "surface-to-air"). The rules, first match wins:
//
//  1. the next line starts with a capital or a digit ("anti-" / "American", "COVID-" / "19")  → keep
//  2. the word before the hyphen is itself a compound ("surface-to-" / "air")                  → keep
//  3. the document uses one form elsewhere more than the other ("Pyongyang" vs "Pyong-yang")   → that form
//  4. the part before is an acronym, a single letter or has digits ("US-" / "led", "x-" / "ray") → keep
//  5. the next fragment is a word ending that is no word by itself ("nation-" / "al")          → join
//  6. the part before is capitalised, a name ("West-" / "supplied", "Kremlin-" / "backed")     → keep
//  7. both parts are words on their own (in the document or in COMMON_WORDS)                   → keep
//  8. neither part is a word on its own ("de-" / "velopment")                                  → join
//  9. otherwise, the layout decides: justified text is hyphenated by the typesetter → join,
//     ragged text only breaks at hyphens the writer typed                                      → keep
import { COMMON_WORDS, HYPHEN_PREFIXES, SUFFIX_FRAGMENTS } from './english-fragments'

export interface Vocabulary {
  /** Lowercased words of the document, compounds split into their parts and also counted whole. */
  words: Map<string, number>
  /** Lowercased hyphenated compounds written within a line ("surface-to-air"). */
  compounds: Map<string, number>
}

export interface HyphenContext {
  vocabulary: Vocabulary
  justified: boolean
}

/** A word, with inner hyphens or apostrophes ("surface-to-air", "Russia's"). Only used with matchAll. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*/gu
const HYPHENS = /[-‐]/

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/**
 * Counts the words of the document's lines. A fragment around a line-end hyphen (the last word of a line
 * that ends in "-", the first word of the line after) is not counted: it is what the rules must judge.
 */
export function buildVocabulary(lines: readonly string[]): Vocabulary {
  const words = new Map<string, number>()
  const compounds = new Map<string, number>()
  let previousBroken = false
  for (const line of lines) {
    const tokens = [...line.matchAll(WORD)].map((m) => m[0].toLowerCase())
    const broken = /[\p{L}\p{N}][-‐\u00ad]$/u.test(line)
    tokens.forEach((token, i) => {
      if ((i === 0 && previousBroken) || (i === tokens.length - 1 && broken)) return
      bump(words, token)
      if (HYPHENS.test(token)) {
        bump(compounds, token)
        for (const part of token.split(HYPHENS)) bump(words, part)
      }
    })
    previousBroken = broken
  }
  return { words, compounds }
}

function isWord(word: string, vocabulary: Vocabulary): boolean {
  const lower = word.toLowerCase()
  return (vocabulary.words.get(lower) ?? 0) > 0 || COMMON_WORDS.has(lower)
}

/**
 * `before` is the word ending the line, without its final hyphen ("surface-to", "nation"); `after` the
 * word starting the next line ("air", "al").
 */
export function keepLineEndHyphen(before: string, after: string, context: HyphenContext): boolean {
  const { vocabulary } = context
  if (/^[\p{Lu}\p{Lt}\p{N}]/u.test(after)) return true
  if (HYPHENS.test(before)) return true
  const joined = vocabulary.words.get(`${before}${after}`.toLowerCase()) ?? 0
  const hyphenated = vocabulary.compounds.get(`${before}-${after}`.toLowerCase()) ?? 0
  if (joined !== hyphenated) return hyphenated > joined
  if (/^\p{Lu}{2,}$/u.test(before) || /\p{N}/u.test(before) || [...before].length === 1) return true
  if (SUFFIX_FRAGMENTS.has(after.toLowerCase())) return false
  if (/^\p{Lu}/u.test(before)) return true
  const beforeIsWord = isWord(before, vocabulary) || HYPHEN_PREFIXES.has(before.toLowerCase())
  const afterIsWord = isWord(after, vocabulary)
  if (beforeIsWord && afterIsWord) return true
  if (!beforeIsWord && !afterIsWord) return false
  return !context.justified
}
