// Designators of weapon systems, vehicles, aircraft and ships, by their form: a letter prefix, a hyphen
// and a number with an optional suffix (T-72B3, Su-25, AK-47, MiG-29SMT, S-400, Kh-101), letters run
// into a number (M777, F35, TB2, M1A2), a GRAU index (9K720, 2S19), or a hull number (DDG-51).

const HYPHENATED = /^\p{Lu}[\p{L}]{0,4}-\d{1,4}[\p{L}\d]{0,4}$/u
const JOINED = /^\p{Lu}{1,4}\d{1,4}(?:\p{Lu}{1,3}\d{0,2})?$/u
const GRAU = /^\d\p{Lu}{1,2}\d{1,4}\p{Lu}?\d?$/u

/** The kind of designator a word looks like, or undefined: a feature, not a decision. */
export function designatorKind(word: string): 'hyphen' | 'joined' | 'grau' | undefined {
  if (word.length < 2 || word.length > 12) return undefined
  if (HYPHENATED.test(word)) return 'hyphen'
  if (JOINED.test(word) && /\d/.test(word)) return 'joined'
  if (GRAU.test(word)) return 'grau'
  return undefined
}
