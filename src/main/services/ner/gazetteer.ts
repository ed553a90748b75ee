// Lists of names (places, given names, organisations, equipment) found in a sentence's words: the
// longest listed phrase starting at each word, for each kind of list. Matching is on lower-cased words,
// so a list helps with "moscow" in a tweet as much as with "Moscow"; the tagger learns how far to trust it.

/** The kinds of list, one bit each in a phrase's mask. */
export const GAZETTEER_KINDS = [
  'country',
  'city',
  'region',
  'given',
  'org',
  'equipment',
  'event',
  'demonym',
] as const
export type GazetteerKind = (typeof GAZETTEER_KINDS)[number]

/** Phrases are at most this many words. */
export const MAX_PHRASE_WORDS = 6

export class Gazetteer {
  /** Lower-cased phrase, words joined by one space → bit mask of kinds. */
  private readonly phrases: Map<string, number>
  /** Lower-cased first word → the most words of a phrase that starts with it. */
  private readonly longest = new Map<string, number>()

  constructor(phrases: Map<string, number>) {
    this.phrases = phrases
    for (const phrase of phrases.keys()) {
      const words = phrase.split(' ')
      const first = words[0]!
      this.longest.set(first, Math.max(this.longest.get(first) ?? 0, words.length))
    }
  }

  get size(): number {
    return this.phrases.size
  }

  /** The most words of a listed phrase that starts with this lower-cased word, 0 when none does. */
  longestFrom(word: string): number {
    return this.longest.get(word) ?? 0
  }

  /** The kinds a lower-cased phrase (words joined by one space) is listed as, 0 when it is not. */
  lookup(phrase: string): number {
    return this.phrases.get(phrase) ?? 0
  }

  entries(): IterableIterator<[string, number]> {
    return this.phrases.entries()
  }

  /**
   * For each word, the gazetteer features it carries: `g<kind>B` for the first word of a listed phrase,
   * `g<kind>I` for a later one; for each kind only its longest phrase from each start is taken.
   */
  mark(lower: readonly string[]): string[][] {
    const marks: string[][] = lower.map(() => [])
    for (let i = 0; i < lower.length; i++) {
      const most = this.longest.get(lower[i]!)
      if (!most) continue
      let phrase = ''
      let seen = 0
      const found: { length: number; mask: number }[] = []
      for (let n = 1; n <= most && i + n <= lower.length; n++) {
        phrase = n === 1 ? lower[i]! : `${phrase} ${lower[i + n - 1]!}`
        const mask = this.phrases.get(phrase)
        if (mask) found.push({ length: n, mask })
      }
      // Longest first, so each kind keeps its longest phrase.
      for (let f = found.length - 1; f >= 0; f--) {
        const { length, mask } = found[f]!
        for (let k = 0; k < GAZETTEER_KINDS.length; k++) {
          const bit = 1 << k
          if (!(mask & bit) || seen & bit) continue
          seen |= bit
          marks[i]!.push(`g${k}B${length > 1 ? 'm' : 's'}`)
          for (let j = 1; j < length; j++) marks[i + j]!.push(`g${k}I`)
        }
      }
    }
    return marks
  }
}

export function maskOf(kinds: readonly GazetteerKind[]): number {
  return kinds.reduce((mask, kind) => mask | (1 << GAZETTEER_KINDS.indexOf(kind)), 0)
}
