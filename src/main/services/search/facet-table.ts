// What the filters and facets read of each article, as small integer ids in typed arrays: counting the
// facets over 9,000 matches is then a pass over numbers, with no string work per article per query.
// Kept per article slot (the index's article number) and rebuilt for one slot when its row or its index
// facts are no longer the objects it was built from (the store replaces a row on every change).
import type { ArticleSummary } from '../../../shared/model'
import type { ArticleFacts } from './indexed-article'

/** Strings ↔ small ids, 0 being the empty string. Never shrinks: an unused value only counts zero. */
export class Dictionary {
  private readonly ids = new Map<string, number>([['', 0]])
  readonly values: string[] = ['']

  get size(): number {
    return this.values.length
  }

  id(value: string): number {
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.values.length
      this.ids.set(value, id)
      this.values.push(value)
    }
    return id
  }

  find(value: string): number | undefined {
    return this.ids.get(value)
  }
}

export const HAS_HIGHLIGHTS = 1
export const HAS_NOTES = 2

/**
 * The lists of one article, packed in `store` from `at[slot]`: the counts of its codes, entities, cases
 * and tags, then the ids of each. All articles share one array, in slot order once compacted, so a pass
 * over the matches reads memory in order instead of one small array per article.
 */
export const LIST_HEADER = 4

export class FacetTable {
  readonly sites = new Dictionary()
  readonly languages = new Dictionary()
  /** The code ids as indexed; a query resolves them through the codebook (merges come later). */
  readonly codes = new Dictionary()
  readonly entities = new Dictionary()
  readonly cases = new Dictionary()
  readonly tags = new Dictionary()

  /** By slot: the row and facts the slot was built from. */
  readonly rows: (ArticleSummary | undefined)[] = []
  private readonly facts: (ArticleFacts | undefined)[] = []
  site = new Int32Array(0)
  language = new Int32Array(0)
  flags = new Uint8Array(0)
  at = new Int32Array(0)
  /** Offset 0 holds the empty lists, which articles without any share. */
  store = new Int32Array(4096)
  private end = LIST_HEADER
  /** Ints of `store` no slot points to any more (an article rebuilt). */
  private waste = 0

  /** Counts the slots rebuilt: the same number means every slot still says what it said. */
  changes = 0

  /** By slot, the workspace's rows version when the slot was last checked against its row. */
  private readonly checkedAt: number[] = []

  /** Whether the slot holds these facts and was checked while the rows were at `version`. */
  current(slot: number, facts: ArticleFacts, version: number): boolean {
    return this.checkedAt[slot] === version && this.facts[slot] === facts
  }

  /** Makes the slot describe this row and these facts, checked at rows `version`; a no-op when it already does. */
  ensure(slot: number, row: ArticleSummary, facts: ArticleFacts | undefined, version = -1): void {
    this.checkedAt[slot] = version
    if (this.rows[slot] === row && this.facts[slot] === facts) return
    this.changes++
    if (slot >= this.site.length) this.grow(slot + 1)
    else if (this.rows[slot]) this.waste += this.listLength(slot)
    this.at[slot] = 0
    this.rows[slot] = row
    this.facts[slot] = facts
    // The row's own fields win when it has them (they follow every edit); the index's facts otherwise.
    this.site[slot] = this.sites.id(row.siteName ?? '')
    this.language[slot] = this.languages.id(row.language ?? facts?.language ?? '')
    const hasNotes = row.noteCount !== undefined ? row.noteCount > 0 : (facts?.hasNotes ?? false)
    this.flags[slot] = (row.highlightCount > 0 ? HAS_HIGHLIGHTS : 0) | (hasNotes ? HAS_NOTES : 0)
    const codes = facts?.codes ?? []
    const entities = facts?.entities ?? []
    const cases = row.cases ?? facts?.cases ?? []
    const tags = row.tags ?? facts?.tags ?? []
    const length = codes.length + entities.length + cases.length + tags.length
    if (length === 0) return
    if (this.waste > this.end / 2 && this.end > 65_536) this.compact()
    const start = this.reserve(LIST_HEADER + length)
    const store = this.store
    store[start] = codes.length
    store[start + 1] = entities.length
    store[start + 2] = cases.length
    store[start + 3] = tags.length
    let i = start + LIST_HEADER
    for (const v of codes) store[i++] = this.codes.id(v)
    for (const v of entities) store[i++] = this.entities.id(v)
    for (const v of cases) store[i++] = this.cases.id(v)
    for (const v of tags) store[i++] = this.tags.id(v)
    this.at[slot] = start
  }

  private listLength(slot: number): number {
    const at = this.at[slot]!
    if (at === 0) return 0
    const s = this.store
    return LIST_HEADER + s[at]! + s[at + 1]! + s[at + 2]! + s[at + 3]!
  }

  private reserve(length: number): number {
    if (this.end + length > this.store.length) {
      const store = new Int32Array(Math.max(this.store.length * 2, this.end + length))
      store.set(this.store.subarray(0, this.end))
      this.store = store
    }
    const start = this.end
    this.end += length
    return start
  }

  /** Copies the live lists to a new store, in slot order. */
  private compact(): void {
    const old = this.store
    this.store = new Int32Array(Math.max(4096, (this.end - this.waste) * 2))
    this.end = LIST_HEADER
    this.waste = 0
    for (let slot = 0; slot < this.at.length; slot++) {
      const from = this.at[slot]!
      if (from === 0 || !this.rows[slot]) continue
      const length = LIST_HEADER + old[from]! + old[from + 1]! + old[from + 2]! + old[from + 3]!
      const start = this.reserve(length)
      this.store.set(old.subarray(from, from + length), start)
      this.at[slot] = start
    }
  }

  private grow(length: number): void {
    const size = Math.max(length, this.site.length * 2, 1024)
    const widen = <T extends Int32Array | Uint8Array>(old: T, made: T): T => {
      made.set(old)
      return made
    }
    this.site = widen(this.site, new Int32Array(size))
    this.language = widen(this.language, new Int32Array(size))
    this.flags = widen(this.flags, new Uint8Array(size))
    this.at = widen(this.at, new Int32Array(size))
  }
}
