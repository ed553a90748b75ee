// The articles of every pair of neighbouring words in the articles' own fields, as one inverted list:
// a "quoted phrase" then reads the list of each of its pairs in order, where looking the pair up in the
// list of each article that holds its rarest word costs a cache miss per article (9,000 of them for a
// common phrase, some 3 ms). Built from the articles' pair lists at one moment; an article whose words
// changed since (its list is another object) is not covered and is checked on its own list, as are the
// fields the analyst adds (notes, entities…), whose pairs change with every highlight.

import { placeOf } from './pair-set'

const HALF = 1 << 16
/** Entries sorted between two pauses: some 10 ms of work. */
const STEP = 1 << 19

export class PairPostings {
  /** The distinct hashes, ascending; the articles of keys[i] are postings[offsets[i]…offsets[i + 1]). */
  private readonly keys: Uint32Array
  private readonly offsets: Uint32Array
  private readonly postings: Int32Array
  /** By article number, the pair set each article was read from. */
  private readonly from: readonly (Uint32Array | undefined)[]

  private constructor(
    keys: Uint32Array,
    offsets: Uint32Array,
    postings: Int32Array,
    from: readonly (Uint32Array | undefined)[],
  ) {
    this.keys = keys
    this.offsets = offsets
    this.postings = postings
    this.from = from
  }

  /**
   * The inverted lists of `sets` (by article number), built in steps of at most STEP entries with
   * `pause` between them, so a search that arrives meanwhile is answered without waiting for it all.
   */
  static async build(
    sets: readonly (Uint32Array | undefined)[],
    pause: () => Promise<void> = async () => {},
  ): Promise<PairPostings> {
    const from = [...sets]
    let total = 0
    for (const set of from) if (set) total += set.length
    // The (hash, article) entries in article order, sorted by hash in two stable passes of 16 bits: the
    // articles of each hash stay ascending.
    let hashes = new Uint32Array(total)
    let articles = new Int32Array(total)
    let at = 0
    for (let n = 0; n < from.length; n++) {
      const set = from[n]
      if (!set) continue
      hashes.set(set, at)
      articles.fill(n, at, at + set.length)
      at += set.length
    }
    await pause()
    let spareHashes = new Uint32Array(total)
    let spareArticles = new Int32Array(total)
    const counts = new Uint32Array(HALF)
    for (const shift of [0, 16]) {
      counts.fill(0)
      for (let i = 0; i < total; i++) counts[(hashes[i]! >>> shift) & 0xffff]!++
      let sum = 0
      for (let b = 0; b < HALF; b++) {
        const count = counts[b]!
        counts[b] = sum
        sum += count
      }
      for (let first = 0; first < total; first += STEP) {
        await pause()
        const last = Math.min(total, first + STEP)
        for (let i = first; i < last; i++) {
          const hash = hashes[i]!
          const to = counts[(hash >>> shift) & 0xffff]!++
          spareHashes[to] = hash
          spareArticles[to] = articles[i]!
        }
      }
      ;[hashes, spareHashes] = [spareHashes, hashes]
      ;[articles, spareArticles] = [spareArticles, articles]
    }
    await pause()
    let distinct = 0
    for (let i = 0; i < total; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) distinct++
    const keys = new Uint32Array(distinct)
    const offsets = new Uint32Array(distinct + 1)
    let k = 0
    for (let i = 0; i < total; i++)
      if (i === 0 || hashes[i] !== hashes[i - 1]) {
        keys[k] = hashes[i]!
        offsets[k++] = i
      }
    offsets[distinct] = total
    return new PairPostings(keys, offsets, articles, from)
  }

  /** Whether the lists hold the article with these pairs (not another version of it, not another article). */
  covers(n: number, pairs: Uint32Array | undefined): boolean {
    return pairs !== undefined && this.from[n] === pairs
  }

  /** How many articles were read in; those changed since are still counted. */
  get articles(): number {
    return this.from.length
  }

  /** The articles that hold the pair, ascending (an empty list when none does). */
  articlesOf(hash: number): Int32Array {
    const at = placeOf(this.keys, hash)
    if (at === this.keys.length || this.keys[at] !== hash) return this.postings.subarray(0, 0)
    return this.postings.subarray(this.offsets[at]!, this.offsets[at + 1]!)
  }
}
