// The features the tagger weighs for each word of a sentence: the word and its lower form, its shape,
// prefixes and suffixes, the words and shapes around it, word clusters (from embeddings, reduced at
// training time), the lists it is in (gazetteer.ts) and whether it looks like an equipment designator.
// Training and tagging call the same function, so a feature means the same thing in both.
import { designatorKind } from './designators'
import type { Gazetteer } from './gazetteer'

export interface FeatureResources {
  /** Lower-cased word → its fine cluster. */
  clusters: Map<string, number>
  /** Fine cluster → coarse cluster. */
  coarse: Uint16Array
  gazetteer: Gazetteer
}

const LONGEST_SHAPE = 10

/** X for a capital, x for another letter, d for a digit, else the character; ASCII without a regex. */
function classOf(char: string): string {
  const c = char.charCodeAt(0)
  if (c >= 65 && c <= 90) return 'X'
  if (c >= 97 && c <= 122) return 'x'
  if (c >= 48 && c <= 57) return 'd'
  if (c < 128) return char
  return /\p{Lu}/u.test(char) ? 'X' : /\p{L}|\p{M}/u.test(char) ? 'x' : /\p{N}/u.test(char) ? 'd' : char
}

/** Kim → Xxx, T-72B3 → X-ddXd, 2024 → dddd (at most LONGEST_SHAPE characters). */
export function shapeOf(word: string): string {
  let shape = ''
  for (const char of word) {
    shape += classOf(char)
    if (shape.length >= LONGEST_SHAPE) break
  }
  return shape
}

/** The shape with runs of one character class collapsed: Xxxx → Xx, dddd → d. */
export function shortShapeOf(shape: string): string {
  let short = ''
  for (const c of shape) if (c !== short.at(-1)) short += c
  return short
}

const NO_CLUSTER = -1

/**
 * Prefixes and suffixes by code point, so an emoji is never cut in half: half a surrogate pair is not
 * a string the model file can hold (UTF-8 has no lone surrogates).
 */
function affixes(lower: string): { p: string[]; x: string[] } {
  const chars = /[\uD800-\uDFFF]/.test(lower) ? Array.from(lower) : null
  const head = (n: number) => (chars ? chars.slice(0, n).join('') : lower.slice(0, n))
  const tail = (n: number) => (chars ? chars.slice(-n).join('') : lower.slice(-n))
  return { p: [head(1), head(2), head(3)], x: [tail(2), tail(3), tail(4)] }
}

const CAPITAL = /^\p{Lu}/u
const LINKS = new Set(['of', 'the', 'and', 'for', 'de', 'al', '&'])

/**
 * Runs of capitalised words (with "of", "and", "the" inside: "Bank of England"), for each word the run
 * it is in; a run of one word that starts the sentence is no run, it is capitalised for the sentence.
 */
function capitalisedRuns(words: readonly string[]): ({ start: number; end: number } | undefined)[] {
  const runs: ({ start: number; end: number } | undefined)[] = words.map(() => undefined)
  let i = 0
  while (i < words.length) {
    if (!CAPITAL.test(words[i]!)) {
      i++
      continue
    }
    let end = i + 1
    while (end < words.length) {
      if (CAPITAL.test(words[end]!)) end++
      else if (LINKS.has(words[end]!) && end + 1 < words.length && CAPITAL.test(words[end + 1]!)) end += 2
      else break
    }
    if (!(i === 0 && end === 1)) for (let k = i; k < end; k++) runs[k] = { start: i, end }
    i = end
  }
  return runs
}

/**
 * The features of one word that depend on nothing around it: its forms, shape, affixes, cluster and
 * designator form. A word's share of the emission scores is the same wherever it stands, so the tagger
 * keeps it per word (model.ts) and only the features of `contextFeatures` are looked up each time.
 */
export function wordFeatures(w: string, resources: FeatureResources): string[] {
  const l = w.toLowerCase()
  const shape = shapeOf(w)
  const ss = shortShapeOf(shape)
  const { p, x } = affixes(l)
  const fine = resources.clusters.get(l) ?? NO_CLUSTER
  const c = fine === NO_CLUSTER ? 'u' : String(fine)
  const f: string[] = [
    'b',
    `w=${l}`,
    `s=${shape}`,
    `ss=${ss}`,
    `p1=${p[0]!}`,
    `p2=${p[1]!}`,
    `p3=${p[2]!}`,
    `x2=${x[0]!}`,
    `x3=${x[1]!}`,
    `x4=${x[2]!}`,
    `c=${c}`,
    `c|ss=${c}|${ss}`,
  ]
  if (w !== l) f.push(`W=${w}`)
  if (fine !== NO_CLUSTER) f.push(`C=${resources.coarse[fine]!}`, `C|ss=${resources.coarse[fine]!}|${ss}`)
  const designator = designatorKind(w)
  if (designator) f.push(`dz=${designator}`)
  return f
}

/** The features of each word of one sentence that depend on its neighbours, the sentence or the lists. */
export function contextFeatures(words: readonly string[], resources: FeatureResources): string[][] {
  const n = words.length
  const lower = words.map((w) => w.toLowerCase())
  const short = words.map((w) => shortShapeOf(shapeOf(w)))
  const fine = lower.map((l) => resources.clusters.get(l) ?? NO_CLUSTER)
  const marks = resources.gazetteer.mark(lower)
  let letters = 0
  let capitals = 0
  for (const w of words) {
    if (!/\p{L}/u.test(w)) continue
    letters++
    if (/^\p{Lu}/u.test(w)) capitals++
  }
  // Tweets in lower case and headlines in capitals: the shape of a word means less there.
  const casing =
    letters === 0 ? 'n' : capitals === 0 ? 'lower' : capitals / letters > 0.75 ? 'title' : 'mixed'
  const runs = capitalisedRuns(words)
  const at = (list: readonly string[], i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : list[i]!)
  const clusterAt = (i: number) => (i < 0 || i >= n ? 'B' : fine[i] === NO_CLUSTER ? 'u' : String(fine[i]))
  const out: string[][] = []
  for (let i = 0; i < n; i++) {
    const w = words[i]!
    const l = lower[i]!
    const ss = short[i]!
    const f: string[] = [
      `case=${casing}|${ss}`,
      `l-1=${at(lower, i - 1)}`,
      `l+1=${at(lower, i + 1)}`,
      `l-2=${at(lower, i - 2)}`,
      `l+2=${at(lower, i + 2)}`,
      `l-1|l=${at(lower, i - 1)}|${l}`,
      `l|l+1=${l}|${at(lower, i + 1)}`,
      `ss-1=${at(short, i - 1)}`,
      `ss+1=${at(short, i + 1)}`,
      `ss-1|ss|ss+1=${at(short, i - 1)}|${ss}|${at(short, i + 1)}`,
      `ss|l+1=${ss}|${at(lower, i + 1)}`,
      `l-1|ss=${at(lower, i - 1)}|${ss}`,
      `c-1=${clusterAt(i - 1)}`,
      `c+1=${clusterAt(i + 1)}`,
    ]
    const run = runs[i]
    if (run) {
      // The last word of a run of names says what it is: "State Department", "Korean War", "Tampa Bay".
      const length = run.end - run.start
      f.push(
        `run=${Math.min(length, 4)}|${i === run.start ? 'B' : i === run.end - 1 ? 'E' : 'I'}`,
        `runhead=${lower[run.end - 1]!}`,
        `runfirst=${lower[run.start]!}`,
      )
    }
    if (i === 0) f.push(`first|ss=${ss}`)
    if (designatorKind(w)) f.push(`dz-1=${at(lower, i - 1)}`)
    if (designatorKind(at(words, i - 1))) f.push('dz:prev')
    if (designatorKind(at(words, i + 1))) f.push('dz:next')
    for (const mark of marks[i]!) f.push(mark, `${mark}|${ss}`)
    for (const mark of i > 0 ? marks[i - 1]! : []) f.push(`${mark}-1`)
    for (const mark of i + 1 < n ? marks[i + 1]! : []) f.push(`${mark}+1`)
    out.push(f)
  }
  return out
}

/** The features of each word of one sentence, as strings: its own and those of its context. */
export function sentenceFeatures(words: readonly string[], resources: FeatureResources): string[][] {
  const context = contextFeatures(words, resources)
  return words.map((w, i) => [...wordFeatures(w, resources), ...context[i]!])
}
