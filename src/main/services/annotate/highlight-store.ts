// The highlight index's storage. Each highlight gets a number (uid); by uid, typed-array columns hold
// what a search tests, so one pass over 50,000 highlights reads a few contiguous arrays instead of
// chasing 50,000 objects around the heap. Texts are searched as one joined string, entities through
// their highlights' uids, and each sort order is an array of uids kept sorted as articles change.
import type { HighlightSort } from '../../../shared/highlight-search'
import { ORDERS, type Compare, type HighlightEntry } from './highlight-entries'

/** A day column's value for an article without a readable published date. */
export const NO_DAY = -0x80000000
const DAY_MS = 86_400_000
const TEXT_SEPARATOR = '\u0001'

export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS)
}

/** Numbers for code ids, site names and article ids, so a search compares and counts small integers. */
export class Names {
  readonly names: string[] = []
  private readonly numbers = new Map<string, number>()

  of(name: string): number {
    let number = this.numbers.get(name)
    if (number === undefined) {
      number = this.names.length
      this.names.push(name)
      this.numbers.set(name, number)
    }
    return number
  }

  find(name: string): number | undefined {
    return this.numbers.get(name)
  }
}

function grown<T extends Int32Array | Float64Array>(array: T, size: number): T {
  if (size <= array.length) return array
  const next = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2))
  next.set(array)
  return next
}

/** Merges two uid lists sorted by `compare` in one pass: patching one article costs O(n), not a re-sort. */
function mergeSorted(left: Int32Array, right: readonly number[], compare: (a: number, b: number) => number) {
  const out = new Int32Array(left.length + right.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < left.length && j < right.length)
    out[k++] = compare(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!
  while (i < left.length) out[k++] = left[i++]!
  while (j < right.length) out[k++] = right[j++]!
  return out
}

const SORTS = Object.keys(ORDERS) as HighlightSort[]

export class HighlightStore {
  readonly codeNames = new Names()
  readonly siteNames = new Names()
  readonly articleNames = new Names()
  /** By uid; undefined once the highlight changed or went (its uid is never reused). */
  readonly entries: (HighlightEntry | undefined)[] = []
  code = new Int32Array(1024)
  /** -1: no site. */
  site = new Int32Array(1024)
  article = new Int32Array(1024)
  day = new Int32Array(1024)
  created = new Float64Array(1024)
  readonly ordered = new Map<HighlightSort, Int32Array>(SORTS.map((sort) => [sort, new Int32Array(0)]))
  private readonly texts: string[] = []
  private joined: { text: string; starts: Int32Array } | undefined
  private textCache: { needle: string; marks: Uint8Array } | undefined
  private readonly entityUids = new Map<string, Set<number>>()
  private readonly uidsOf = new Map<string, number[]>()

  get size(): number {
    return this.ordered.get('position')!.length
  }

  articleIds(): string[] {
    return [...this.uidsOf.keys()]
  }

  /** Adds an article while building; `sortAll` orders everything once at the end. */
  load(articleId: string, entries: readonly HighlightEntry[]): void {
    this.uidsOf.set(
      articleId,
      entries.map((entry) => this.add(entry)),
    )
  }

  sortAll(): void {
    const live = this.entries.flatMap((entry, uid) => (entry ? [uid] : []))
    for (const sort of SORTS) this.ordered.set(sort, Int32Array.from(live.sort(this.byUid(ORDERS[sort]))))
    this.changed()
  }

  /** Puts an article's highlights in place of what it had; undefined entries: the article is gone. */
  replace(articleId: string, entries: readonly HighlightEntry[] | undefined): void {
    const old = this.uidsOf.get(articleId) ?? []
    for (const uid of old) this.drop(uid)
    const added = (entries ?? []).map((entry) => this.add(entry))
    if (entries) this.uidsOf.set(articleId, added)
    else this.uidsOf.delete(articleId)
    if (old.length === 0 && added.length === 0) return
    for (const sort of SORTS) {
      const compare = this.byUid(ORDERS[sort])
      const list = this.ordered.get(sort)!
      const kept = old.length > 0 ? list.filter((uid) => this.entries[uid] !== undefined) : list
      this.ordered.set(sort, mergeSorted(kept, added.sort(compare), compare))
    }
    this.changed()
  }

  /** Marks by uid of the highlights whose folded quote or note contains `needle` (already folded). */
  matchText(needle: string): Uint8Array {
    if (this.textCache?.needle === needle) return this.textCache.marks
    this.joined ??= this.joinTexts()
    const { text, starts } = this.joined
    const marks = new Uint8Array(this.entries.length)
    for (let at = text.indexOf(needle); at >= 0;) {
      const uid = lastAtOrBefore(starts, at)
      marks[uid] = 1
      at = text.indexOf(needle, starts[uid + 1]!)
    }
    this.textCache = { needle, marks }
    return marks
  }

  /** Marks by uid of the highlights whose passage the entity (or one merged into it) is tagged in. */
  matchEntity(entityIds: string | readonly string[]): Uint8Array {
    const marks = new Uint8Array(this.entries.length)
    for (const entityId of typeof entityIds === 'string' ? [entityIds] : entityIds)
      for (const uid of this.entityUids.get(entityId) ?? []) marks[uid] = 1
    return marks
  }

  private add(entry: HighlightEntry): number {
    const uid = this.entries.length
    this.entries.push(entry)
    this.code = grown(this.code, uid + 1)
    this.site = grown(this.site, uid + 1)
    this.article = grown(this.article, uid + 1)
    this.day = grown(this.day, uid + 1)
    this.created = grown(this.created, uid + 1)
    this.code[uid] = this.codeNames.of(entry.highlight.codeId)
    this.site[uid] = entry.article.site === undefined ? -1 : this.siteNames.of(entry.article.site)
    this.article[uid] = this.articleNames.of(entry.article.id)
    this.day[uid] = entry.article.publishedDay ? dayNumber(entry.article.publishedDay) : NO_DAY
    this.created[uid] = entry.createdMs
    this.texts[uid] = entry.folded
    for (const id of entry.entityIds) {
      let uids = this.entityUids.get(id)
      if (!uids) this.entityUids.set(id, (uids = new Set()))
      uids.add(uid)
    }
    return uid
  }

  private drop(uid: number): void {
    const entry = this.entries[uid]
    if (!entry) return
    this.entries[uid] = undefined
    this.texts[uid] = ''
    for (const id of entry.entityIds) this.entityUids.get(id)?.delete(uid)
  }

  private changed(): void {
    this.joined = undefined
    this.textCache = undefined
  }

  private byUid(compare: Compare): (a: number, b: number) => number {
    return (a, b) => compare(this.entries[a]!, this.entries[b]!)
  }

  private joinTexts(): { text: string; starts: Int32Array } {
    const starts = new Int32Array(this.texts.length + 1)
    let offset = 0
    for (let uid = 0; uid < this.texts.length; uid++) {
      starts[uid] = offset
      offset += this.texts[uid]!.length + TEXT_SEPARATOR.length
    }
    starts[this.texts.length] = offset
    return { text: this.texts.join(TEXT_SEPARATOR) + TEXT_SEPARATOR, starts }
  }
}

/** The largest k with starts[k] <= at. */
function lastAtOrBefore(starts: Int32Array, at: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >>> 1
    if (starts[mid]! <= at) low = mid
    else high = mid - 1
  }
  return low
}
