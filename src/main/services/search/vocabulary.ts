// Every word the library index has seen, with how many articles brought it: what a prefix (`miss*`)
// and a misspelt word (`Pyongyng`) expand to, since the engine looks up whole words only.

export interface Variant {
  word: string
  /** 0 for the word itself; else its edit distance to what was typed. */
  distance: number
}

/** Three rows of the distance table, grown as needed: a typo scans thousands of words per search. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)]

/** Damerau (optimal string alignment) distance, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2 + 1))
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array]
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      )
        d = Math.min(d, before[j - 2]! + 1)
      current[j] = d
      if (d < rowMin) rowMin = d
    }
    if (rowMin > max) return max + 1
    ;[before, previous, current] = [previous, current, before]
  }
  return previous[b.length]!
}

/** How many typos a word of this length forgives: none under 5 letters, one up to 7, then two. */
export function typosAllowed(word: string): number {
  return word.length < 5 ? 0 : word.length < 8 ? 1 : 2
}

export class Vocabulary {
  /** Word → articles that brought it (never counted down: a word gone only expands to no hits). */
  private readonly counts = new Map<string, number>()
  /** Words by their first letter, sorted, rebuilt for a letter when a new word arrives. */
  private readonly byFirst = new Map<string, string[]>()
  private readonly stale = new Set<string>()

  get size(): number {
    return this.counts.size
  }

  add(words: Iterable<string>): void {
    for (const word of words) {
      const n = this.counts.get(word)
      this.counts.set(word, (n ?? 0) + 1)
      if (n === undefined) this.stale.add(word[0]!)
    }
  }

  /** About how many articles hold the word (an upper bound: counts only go up). */
  articles(word: string): number {
    return this.counts.get(word) ?? 0
  }

  entries(): [string, number][] {
    return [...this.counts]
  }

  load(entries: readonly [string, number][]): void {
    for (const [word, n] of entries) {
      this.counts.set(word, n)
      this.stale.add(word[0]!)
    }
  }

  private bucket(first: string): string[] {
    let words = this.byFirst.get(first)
    if (!words || this.stale.has(first)) {
      words = [...this.counts.keys()].filter((w) => w[0] === first).sort()
      this.byFirst.set(first, words)
      this.stale.delete(first)
    }
    return words
  }

  /** The words starting with `stem`, the most common first, at most `max`. */
  withPrefix(stem: string, max: number): string[] {
    const words = this.bucket(stem[0]!)
    let lo = 0
    let hi = words.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (words[mid]! < stem) lo = mid + 1
      else hi = mid
    }
    const found: string[] = []
    for (let i = lo; i < words.length && words[i]!.startsWith(stem); i++) found.push(words[i]!)
    if (found.length <= max) return found
    return found.sort((a, b) => this.counts.get(b)! - this.counts.get(a)!).slice(0, max)
  }

  /**
   * Known words within the typos `word` allows, nearest and most common first. Like most engines'
   * fuzzy matching with a prefix length of one, the first letter is taken as typed.
   */
  near(word: string, max: number): Variant[] {
    const allowed = typosAllowed(word)
    if (allowed === 0) return []
    const found: Variant[] = []
    for (const known of this.bucket(word[0]!)) {
      if (known === word) continue
      const distance = editDistance(word, known, allowed)
      if (distance <= allowed) found.push({ word: known, distance })
    }
    found.sort((a, b) => a.distance - b.distance || this.counts.get(b.word)! - this.counts.get(a.word)!)
    return found.slice(0, max)
  }
}
