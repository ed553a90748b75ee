// Close variants of a confirmed name, for suggestions (never for "tag all", which finds the names as
// written). Two kinds:
//
// - spelling: the same words with a space for a hyphen or the reverse ("Kim Jong-un" for "Kim Jong Un").
// - typo: one word one edit off (a letter changed, added, dropped, or two swapped), never its first
//   letter, and never a letter added or dropped at its end, which is how "Korean" and "Koreas" differ
//   from "Korea" (a demonym or a plural, not a slip). In a name of several words the others must match
//   exactly and the word must have three letters or more ("Kin Jong Un"), six or more outside the
//   names of people ("White Horse" is not "White House"). A name of one word must have seven letters
//   or more, and only a changed or swapped letter counts, so "Iran" is never "Iraq", nor "Russia"
//   "Russian". Acronyms and names of three letters or fewer have no variants.
import {
  boundaryAllows,
  caseAllows,
  matchAt,
  nameForm,
  separatorMatches,
  wordsOf,
  type NameForm,
  type NameMatch,
  type Word,
} from './occurrences'

export type VariantKind = 'spelling' | 'typo'

export interface TypoRules {
  /** Fewest letters of the word that may carry the slip, in a name of several words. */
  minLetters: number
}

export const PERSON_TYPOS: TypoRules = { minLetters: 3 }
export const OTHER_TYPOS: TypoRules = { minLetters: 6 }
const SINGLE_WORD_LETTERS = 7

/**
 * Whether `written` is `name` with one slip (see the header), both lower case without accents. `sameLength`
 * allows only a changed or swapped letter.
 */
export function oneSlip(name: string, written: string, sameLength = false): boolean {
  if (name === written || name[0] !== written[0]) return false
  const n = name.length
  const w = written.length
  if (n === w) {
    const diff: number[] = []
    for (let i = 0; i < n && diff.length <= 2; i++) if (name[i] !== written[i]) diff.push(i)
    if (diff.length === 1) return true
    // A swap of two neighbours: "Isreal" for "Israel".
    return (
      diff.length === 2 &&
      diff[1] === diff[0]! + 1 &&
      name[diff[0]!] === written[diff[1]!] &&
      name[diff[1]!] === written[diff[0]!]
    )
  }
  if (sameLength || Math.abs(n - w) !== 1) return false
  const [long, short] = n > w ? [name, written] : [written, name]
  let i = 0
  while (i < short.length && long[i] === short[i]) i++
  // The extra letter is at i; never the first or the last.
  if (i === 0 || i === long.length - 1) return false
  return long.slice(i + 1) === short.slice(i)
}

const letters = (word: string) => word.replace(/[^\p{L}]/gu, '').length
const firstIsUpper = (word: string) => word[0] !== undefined && word[0] !== word[0].toLowerCase()

/** Whether the written word may be a slip for the name's word `j` of `form`. */
function slipAllowed(form: NameForm, j: number, writtenKey: string, writtenWord: string, rules: TypoRules) {
  const single = form.keys.length === 1
  const key = form.keys[j]!
  const enough = single ? letters(key) >= SINGLE_WORD_LETTERS : letters(key) >= rules.minLetters
  return (
    enough && firstIsUpper(writtenWord) === firstIsUpper(form.words[j]!) && oneSlip(key, writtenKey, single)
  )
}

/**
 * A variant of `form` at word `first` of the text: its match and kind, or undefined (also when the
 * name itself is there as written: that is no variant).
 */
export function variantAt(
  text: string,
  words: readonly Word[],
  first: number,
  form: NameForm,
  rules: TypoRules,
): { match: NameMatch; kind: VariantKind } | undefined {
  if (form.exact) return undefined
  if (matchAt(text, words, first, form)) return undefined
  const spelled = form.keys.length > 1 ? matchAt(text, words, first, form, true) : undefined
  if (spelled) return { match: spelled, kind: 'spelling' }
  const count = form.keys.length
  if (first + count > words.length) return undefined
  let slip = -1
  const written: string[] = []
  for (let j = 0; j < count; j++) {
    const word = words[first + j]!
    const as = text.slice(word.start, word.end)
    written.push(as)
    if (
      j > 0 &&
      !separatorMatches(form.seps[j - 1]!, text.slice(words[first + j - 1]!.end, word.start), true)
    )
      return undefined
    if (word.key === form.keys[j]) continue
    if (slip >= 0 || !slipAllowed(form, j, word.key, as, rules)) return undefined
    slip = j
  }
  if (slip < 0) return undefined
  // The case rules apply to the words written right; the slip keeps its capital (checked above).
  const checked = { ...form, words: form.words.map((w, j) => (j === slip ? written[j]! : w)) }
  if (!caseAllows(checked, written)) return undefined
  const start = words[first]!.start
  const end = words[first + count - 1]!.end
  if (!boundaryAllows(text, start, end)) return undefined
  return { match: { start, end, first, count }, kind: 'typo' }
}

/** What kind of variant of `name` the words `written` are, if any: for a name the analyst types. */
export function variantOf(written: string, name: string, rules: TypoRules): VariantKind | undefined {
  const form = nameForm(name)
  const text = written
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/['\u2019]s$/u, '')
  if (!form || text === '') return undefined
  const words = wordsOf(text)
  if (words.length !== form.keys.length || words[0]!.start !== 0 || words.at(-1)!.end !== text.length)
    return undefined
  return variantAt(text, words, 0, form, rules)?.kind
}
