// The hashes of an article's pairs of neighbouring words, as a hash set: a "quoted phrase" checks one
// pair per matching article, 9,000 of them for a common phrase, and an open-addressed table answers in
// one or two reads where a binary search over the sorted list takes nine (each a likely cache miss).
// The file keeps the sorted list; the table is built from it when the index is loaded. An article's own
// fields keep only the sorted list: their phrases are looked up in pair-postings.ts.

/** Slots per hash: the table is at most 5/8 full, so a miss ends after two reads or so. */
const SPREAD = 1.6

export interface PairSet {
  /** Linear probing; 0 marks an empty slot, so a hash of 0 is kept in `zero` instead. */
  readonly table: Uint32Array
  readonly zero: boolean
  readonly size: number
}

/** Where a hash's probe starts: its bits mixed (Fibonacci hashing), scaled to the table. */
const home = (hash: number, slots: number) =>
  Math.floor(((Math.imul(hash, 0x9e3779b1) >>> 0) / 2 ** 32) * slots)

/** The set of distinct `hashes`. */
export function pairSet(hashes: ArrayLike<number>): PairSet {
  const slots = Math.ceil(hashes.length * SPREAD) + 1
  const table = new Uint32Array(slots)
  let zero = false
  let size = 0
  for (let k = 0; k < hashes.length; k++) {
    const hash = hashes[k]! >>> 0
    if (hash === 0) {
      if (!zero) size++
      zero = true
      continue
    }
    let i = home(hash, slots)
    while (table[i] !== 0 && table[i] !== hash) i = i + 1 === slots ? 0 : i + 1
    if (table[i] === 0) size++
    table[i] = hash
  }
  return { table, zero, size }
}

export function hasPair(set: PairSet, hash: number): boolean {
  if (hash === 0) return set.zero
  const { table } = set
  const slots = table.length
  for (let i = home(hash, slots); ; i = i + 1 === slots ? 0 : i + 1) {
    const value = table[i]!
    if (value === hash) return true
    if (value === 0) return false
  }
}

/** The hashes in ascending order, as the index file keeps them. */
export function sortedPairs(set: PairSet): Uint32Array {
  const list = new Uint32Array(set.size)
  let at = 0
  if (set.zero) list[at++] = 0
  for (const value of set.table) if (value !== 0) list[at++] = value
  return list.sort()
}

/** The distinct `hashes` in ascending order: how an article's own pairs are kept (see pair-postings.ts). */
export function sortedSet(hashes: Iterable<number>): Uint32Array {
  return Uint32Array.from(new Set(hashes)).sort()
}

/** Where `hash` is, or would go, in the ascending `list`: the first place whose value is not below it. */
export function placeOf(list: Uint32Array, hash: number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (list[mid]! < hash) low = mid + 1
    else high = mid
  }
  return low
}

/** Whether the ascending `list` holds `hash`. */
export function hasSorted(list: Uint32Array, hash: number): boolean {
  const at = placeOf(list, hash)
  return at < list.length && list[at] === hash
}
