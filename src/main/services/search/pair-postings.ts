// The articles of every pair of neighbouring words in the articles' own fields, as one inverted list:
// a "quoted phrase" then reads the list of each of its pairs in order, where looking the pair up in the
// list of each article that holds its rarest word costs a cache miss per article (9,000 of them for a
// common phrase, some 3 ms). Built from the articles' pair lists at one moment; an article whose words
// changed since (its list is another object) is not covered and is checked on its own list, as are the
// fields the analyst adds (notes, entities…), whose pairs change with every highlight.

const HALF = 1 << 16

export class PairPostings {
  /** The distinct hashes, ascending; the articles of keys[i] are postings[offsets[i]…offsets[i + 1]). */
  private readonly keys: Uint32Array
  private readonly offsets: Uint32Array
  private readonly postings: Int32Array
  /** By article number, the pair set each article was read from. */
  private readonly from: readonly (Uint32Array | undefined)[]

  /** The inverted lists of `sets` (by article number). */
  constructor(sets: readonly (Uint32Array | undefined)[]) {
    this.from = [...sets]
    let total = 0
    for (const set of sets) if (set) total += set.length
    // The (hash, article) entries in article order, sorted by hash in two stable passes of 16 bits: the
    // articles of each hash stay ascending.
    let hashes = new Uint32Array(total)
    let articles = new Int32Array(total)
    let at = 0
    for (let n = 0; n < sets.length; n++) {
      const set = sets[n]
      if (!set) continue
      hashes.set(set, at)
      articles.fill(n, at, at + set.length)
      at += set.length
    }
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
      for (let i = 0; i < total; i++) {
        const hash = hashes[i]!
        const to = counts[(hash >>> shift) & 0xffff]!++
        spareHashes[to] = hash
        spareArticles[to] = articles[i]!
      }
      ;[hashes, spareHashes] = [spareHashes, hashes]
      ;[articles, spareArticles] = [spareArticles, articles]
    }
    let distinct = 0
    for (let i = 0; i < total; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) distinct++
    this.keys = new Uint32Array(distinct)
    this.offsets = new Uint32Array(distinct + 1)
    let k = 0
    for (let i = 0; i < total; i++)
      if (i === 0 || hashes[i] !== hashes[i - 1]) {
        this.keys[k] = hashes[i]!
        this.offsets[k++] = i
      }
    this.offsets[distinct] = total
    this.postings = articles
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
    const keys = this.keys
    let low = 0
    let high = keys.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (keys[mid]! < hash) low = mid + 1
      else high = mid
    }
    if (low === keys.length || keys[low] !== hash) return this.postings.subarray(0, 0)
    return this.postings.subarray(this.offsets[low]!, this.offsets[low + 1]!)
  }
}
