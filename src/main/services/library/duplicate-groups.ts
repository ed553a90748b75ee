// Which articles are likely the same story, without comparing every pair. Three signals join two articles:
// the same original bytes (sha256); SimHashes at most SAME_STORY_BITS apart (the importer's `similarTo`
// rule); or the same normalised title with SimHashes at most TITLE_BITS apart (or too little text to
// have one). Near SimHashes are found as multi-index hashing does (Norouzi et al., 2012; Manku et al.'s
// SimHash tables): the 64 bits are cut into four 16-bit bands and each band indexes a table. Two
// fingerprints at most 10 bits apart differ in at most 2 bits of some band (pigeonhole), so each article
// looks only in the 137 buckets within 2 bits of its own value in each table: the work grows with the
// number of articles, not with the number of pairs, and no pair within the limit is missed.
import type { ArticleSummary } from '../../../shared/model'
import { SAME_STORY_BITS } from '../import/simhash'

/** Two copies with the same title may have drifted further apart (a cut, an added paragraph). */
export const TITLE_BITS = 20
/** A title shared by more articles than this is a heading ("Daily briefing"), not one story. */
const MAX_TITLE_BUCKET = 20
/** A title this short says too little to join two articles. */
const MIN_TITLE_LENGTH = 12

const BAND_BITS = 16
const BANDS = 4
/** Probe radius within a band: with 4 bands, SAME_STORY_BITS ≤ 11 differing bits leave a band with ≤ 2. */
const PROBE_BITS = Math.floor(SAME_STORY_BITS / BANDS)

/** Every 16-bit mask with at most PROBE_BITS bits set. */
const PROBES: readonly number[] = (() => {
  const masks = [0]
  for (let bits = 1; bits <= PROBE_BITS; bits++) {
    const extend = (mask: number, from: number, left: number) => {
      if (left === 0) return void masks.push(mask)
      for (let bit = from; bit < BAND_BITS; bit++) extend(mask | (1 << bit), bit + 1, left - 1)
    }
    extend(0, 0, bits)
  }
  return masks
})()

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** The fingerprints as two 32-bit halves each, for comparing without parsing strings again. */
export class Fingerprints {
  readonly hi: Uint32Array
  readonly lo: Uint32Array
  readonly has: Uint8Array

  constructor(rows: readonly ArticleSummary[]) {
    this.hi = new Uint32Array(rows.length)
    this.lo = new Uint32Array(rows.length)
    this.has = new Uint8Array(rows.length)
    rows.forEach((row, i) => {
      if (!row.simhash || !/^[0-9a-f]{16}$/.test(row.simhash)) return
      this.hi[i] = parseInt(row.simhash.slice(0, 8), 16)
      this.lo[i] = parseInt(row.simhash.slice(8), 16)
      this.has[i] = 1
    })
  }

  distance(a: number, b: number): number {
    return popcount((this.hi[a]! ^ this.hi[b]!) >>> 0) + popcount((this.lo[a]! ^ this.lo[b]!) >>> 0)
  }

  /** Band 0–3 of fingerprint i, from the high end: 16 bits. */
  band(i: number, band: number): number {
    const half = band < 2 ? this.hi[i]! : this.lo[i]!
    return band % 2 === 0 ? half >>> 16 : half & 0xffff
  }

  /** How alike two texts are, 0–1, as the importer says it; undefined without both fingerprints. */
  similarity(a: number, b: number): number | undefined {
    if (!this.has[a] || !this.has[b]) return undefined
    return Math.max(0, 1 - this.distance(a, b) / 32)
  }
}

class UnionFind {
  private readonly parent: Int32Array

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i)
  }

  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!
      i = this.parent[i]!
    }
    return i
  }

  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
}

/** A title as it compares: letters and digits only, accents and case dropped. */
export function normaliseTitle(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLocaleLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(' ')
}

function bucketsOf(keys: Iterable<[string | number, number]>): Map<string | number, number[]> {
  const buckets = new Map<string | number, number[]>()
  for (const [key, i] of keys) {
    const bucket = buckets.get(key)
    if (bucket) bucket.push(i)
    else buckets.set(key, [i])
  }
  return buckets
}

/** The likely-same-story groups among `rows`, as lists of indexes into it, each of two or more. */
export function groupDuplicates(
  rows: readonly ArticleSummary[],
  prints = new Fingerprints(rows),
): number[][] {
  const sets = new UnionFind(rows.length)
  const joinAll = (bucket: readonly number[], close: (a: number, b: number) => boolean) => {
    for (let x = 0; x < bucket.length; x++)
      for (let y = x + 1; y < bucket.length; y++) {
        const a = bucket[x]!
        const b = bucket[y]!
        if (close(a, b)) sets.union(a, b)
      }
  }

  for (const bucket of bucketsOf(rows.map((row, i) => [row.sha256, i])).values()) joinAll(bucket, () => true)

  const withPrint = rows.flatMap((_, i) => (prints.has[i] ? [i] : []))
  for (let band = 0; band < BANDS; band++) {
    // The table of this band: the articles sorted by the band's value (a counting sort), bucket v
    // being members[starts[v]] up to members[starts[v + 1]].
    const starts = new Int32Array((1 << BAND_BITS) + 1)
    for (const i of withPrint) starts[prints.band(i, band) + 1]!++
    for (let v = 1; v < starts.length; v++) starts[v]! += starts[v - 1]!
    const fill = starts.slice()
    const members = new Int32Array(withPrint.length)
    for (const i of withPrint) members[fill[prints.band(i, band)]!++] = i
    for (const i of withPrint) {
      const value = prints.band(i, band)
      for (const probe of PROBES) {
        const bucket = value ^ probe
        for (let k = starts[bucket]!; k < starts[bucket + 1]!; k++) {
          const j = members[k]!
          if (j > i && prints.distance(i, j) <= SAME_STORY_BITS) sets.union(i, j)
        }
      }
    }
  }

  const titles = rows.flatMap((row, i): [string, number][] => {
    const title = normaliseTitle(row.title)
    return title.length >= MIN_TITLE_LENGTH ? [[title, i]] : []
  })
  for (const bucket of bucketsOf(titles).values())
    if (bucket.length > 1 && bucket.length <= MAX_TITLE_BUCKET)
      joinAll(bucket, (a, b) => !prints.has[a] || !prints.has[b] || prints.distance(a, b) <= TITLE_BITS)

  const groups = new Map<number, number[]>()
  for (let i = 0; i < rows.length; i++) {
    const root = sets.find(i)
    const group = groups.get(root)
    if (group) group.push(i)
    else groups.set(root, [i])
  }
  return [...groups.values()].filter((group) => group.length > 1)
}
