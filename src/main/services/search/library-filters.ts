// The library's filters and facets over the articles a search matched: each facet is counted over the
// articles that pass every other filter (its own left out), so choosing a value never hides the others.
// The articles are slots of the facet table, so the loop over 9,000 matches compares and counts numbers.
import { NO_FACETS, type FacetValue, type LibraryFacets, type LibraryFilters } from '../../../shared/library'
import type { Case, Code, Entity } from '../../../shared/model'
import { codeResolver } from '../codes/codebook'
import { entityResolver } from '../entities/resolve'
import { HAS_HIGHLIGHTS, HAS_NOTES, LIST_HEADER, type Dictionary, type FacetTable } from './facet-table'

const FILTERS = [
  'sites',
  'published',
  'imported',
  'codes',
  'entities',
  'hasHighlights',
  'hasNotes',
  'languages',
  'cases',
  'tags',
] as const
type FilterName = (typeof FILTERS)[number]
const bit = Object.fromEntries(FILTERS.map((name, i) => [name, 1 << i])) as Record<FilterName, number>

const inRange = (value: string | undefined, range: { from?: string; to?: string }) => {
  if (!value) return false
  // An ISO day compares with a moment by its first characters: "2024-03-01T…" is on "2024-03-01".
  if (range.from && value.slice(0, range.from.length) < range.from) return false
  if (range.to && value.slice(0, range.to.length) > range.to) return false
  return true
}

/** No dictionary holds it: ids never start with a control character. */
const DELETED = '\u0000'

export interface FacetNames {
  codes: readonly Code[]
  entities: readonly Entity[]
  cases: readonly Case[]
}

/** Which ids of `dictionary` a filter wants; undefined when the filter is not set. */
function wanted(dictionary: Dictionary, values: readonly string[] | undefined): Uint8Array | undefined {
  if (!values?.length) return undefined
  const set = new Uint8Array(dictionary.size)
  for (const value of values) {
    const id = dictionary.find(value)
    if (id !== undefined) set[id] = 1
  }
  return set
}

/** Whether any of the ids in [from, to) of `list` (mapped through `map`, if given) is wanted. */
function any(list: Int32Array, from: number, to: number, set: Uint8Array, map?: Int32Array): boolean {
  for (let i = from; i < to; i++) {
    const id = map ? map[list[i]!]! : list[i]!
    if (id >= 0 && set[id]) return true
  }
  return false
}

/**
 * Each id of `dictionary` mapped to the id of what it resolves to now (a code or entity merged since
 * the article was indexed counts as the one it was merged into); -1 for a deleted entity.
 */
function resolvedIds(dictionary: Dictionary, resolve: (id: string) => string | undefined): Int32Array {
  // Resolving may add the id merged into to the dictionary: only the ids indexed are mapped.
  const size = dictionary.size
  const resolved = new Int32Array(size)
  for (let id = 0; id < size; id++) {
    const into = resolve(dictionary.values[id]!)
    resolved[id] = into === undefined ? -1 : dictionary.id(into)
  }
  return resolved
}

/** Counts the resolved ids in [from, to) of `list` once each for the article `mark`. */
function countResolved(
  counts: Int32Array,
  seen: Int32Array,
  mark: number,
  list: Int32Array,
  from: number,
  to: number,
  resolved: Int32Array,
): void {
  for (let k = from; k < to; k++) {
    const id = resolved[list[k]!]!
    if (id < 0 || seen[id] === mark) continue
    counts[id]!++
    seen[id] = mark
  }
}

function count(counts: Int32Array, list: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) counts[list[i]!]!++
}

/** The facet counts of a set of articles. */
interface Tally {
  sites: Int32Array
  codes: Int32Array
  entities: Int32Array
  languages: Int32Array
  cases: Int32Array
  tags: Int32Array
  withHighlights: number
  withNotes: number
}

const DICTIONARIES = ['sites', 'codes', 'entities', 'languages', 'cases', 'tags'] as const

function emptyTally(table: FacetTable): Tally {
  const tally = { withHighlights: 0, withNotes: 0 } as Tally
  for (const name of DICTIONARIES) tally[name] = new Int32Array(table[name].size)
  return tally
}

/** Counts every facet of the first `length` of `slots`, with no filter: one tight loop. */
function tallyAll(
  table: FacetTable,
  slots: Int32Array,
  length: number,
  resolved: Int32Array,
  resolvedEntities: Int32Array,
): Tally {
  const tally = emptyTally(table)
  const { site, language, flags, at, store: list } = table
  /** Per resolved code or entity, the last article counted for it (two merged ones count once). */
  const seen = new Int32Array(table.codes.size)
  const seenEntity = new Int32Array(table.entities.size)
  for (let i = 0; i < length; i++) {
    const slot = slots[i]!
    tally.sites[site[slot]!]!++
    tally.languages[language[slot]!]!++
    const flag = flags[slot]!
    if (flag & HAS_HIGHLIGHTS) tally.withHighlights++
    if (flag & HAS_NOTES) tally.withNotes++
    const from = at[slot]!
    if (from === 0) continue
    const codes = from + LIST_HEADER
    const entities = codes + list[from]!
    const cases = entities + list[from + 1]!
    const tags = cases + list[from + 2]!
    const end = tags + list[from + 3]!
    if (entities > codes) countResolved(tally.codes, seen, i + 1, list, codes, entities, resolved)
    if (cases > entities)
      countResolved(tally.entities, seenEntity, i + 1, list, entities, cases, resolvedEntities)
    if (tags > cases) count(tally.cases, list, cases, tags)
    if (end > tags) count(tally.tags, list, tags, end)
  }
  return tally
}

/** Every article of the library, as slots of the table, named by a key that changes with any of them. */
export interface AllArticles {
  key(): string
  slots(): { slots: Int32Array; length: number }
}

/** The facets of every article, kept while the articles, the table and the merges stay the same. */
interface Whole {
  key: string
  resolved: Int32Array
  resolvedEntities: Int32Array
  /** By slot: 1 for the slots of `slots`. */
  member: Uint8Array
  slots: Int32Array
  length: number
  tally: Tally
}

const wholes = new WeakMap<FacetTable, Whole>()

const sameIds = (a: Int32Array, b: Int32Array) => a.length === b.length && a.every((v, i) => v === b[i])

function wholeOf(
  table: FacetTable,
  all: AllArticles,
  resolved: Int32Array,
  resolvedEntities: Int32Array,
): Whole | undefined {
  const kept = wholes.get(table)
  if (
    kept &&
    kept.key === all.key() &&
    sameIds(kept.resolved, resolved) &&
    sameIds(kept.resolvedEntities, resolvedEntities) &&
    DICTIONARIES.every((name) => kept.tally[name].length === table[name].size)
  )
    return kept
  const { slots, length } = all.slots()
  // Reading every article may have named a code or an entity the ids were resolved without.
  if (table.codes.size !== resolved.length || table.entities.size !== resolvedEntities.length) return undefined
  const member = new Uint8Array(slots.reduce((top, slot) => Math.max(top, slot + 1), 0))
  for (let i = 0; i < length; i++) member[slots[i]!] = 1
  const whole = {
    key: all.key(),
    resolved,
    resolvedEntities,
    member,
    slots,
    length,
    tally: tallyAll(table, slots, length, resolved, resolvedEntities),
  }
  wholes.set(table, whole)
  return whole
}

/**
 * The facets of a search that matched most articles, as those of every article less those of the
 * articles it did not match: a few hundred articles counted instead of nine thousand. Undefined when
 * a match is not among every article (then they are counted directly).
 */
function tallyOfMost(
  table: FacetTable,
  slots: Int32Array,
  length: number,
  whole: Whole,
): Tally | undefined {
  const matched = new Uint8Array(whole.member.length)
  for (let i = 0; i < length; i++) {
    const slot = slots[i]!
    if (whole.member[slot] !== 1 || matched[slot] === 1) return undefined
    matched[slot] = 1
  }
  const rest = new Int32Array(whole.length - length)
  let left = 0
  for (let i = 0; i < whole.length; i++) if (!matched[whole.slots[i]!]) rest[left++] = whole.slots[i]!
  const out = tallyAll(table, rest, left, whole.resolved, whole.resolvedEntities)
  for (const name of DICTIONARIES) {
    const total = whole.tally[name]
    const less = out[name]
    for (let id = 0; id < less.length; id++) less[id] = total[id]! - less[id]!
  }
  out.withHighlights = whole.tally.withHighlights - out.withHighlights
  out.withNotes = whole.tally.withNotes - out.withNotes
  return out
}

/** The share of every article above which a search's facets are counted by what it did not match. */
const MOST = 0.5

/**
 * The slots (of `table`, the first `length` of `slots`) that pass every filter, in their order, and the
 * facets over them unless `withFacets` is false.
 */
export function filterAndCount(
  table: FacetTable,
  slots: Int32Array,
  length: number,
  filters: LibraryFilters,
  names: FacetNames,
  withFacets = true,
  all?: AllArticles,
): { passed: Int32Array; facets: LibraryFacets } {
  const resolveCode = codeResolver(names.codes)
  const resolveEntity = entityResolver(names.entities)
  const resolved = resolvedIds(table.codes, resolveCode)
  const resolvedEntities = resolvedIds(table.entities, resolveEntity)
  const sets = {
    sites: wanted(table.sites, filters.sites),
    codes: wanted(table.codes, filters.codes?.map(resolveCode)),
    // A deleted entity stands for no value: filtering by it matches nothing.
    entities: wanted(
      table.entities,
      filters.entities?.map((id) => resolveEntity(id) ?? DELETED),
    ),
    languages: wanted(table.languages, filters.languages),
    cases: wanted(table.cases, filters.cases),
    tags: wanted(table.tags, filters.tags),
  }
  const { published, imported, hasHighlights, hasNotes } = filters
  const filtering =
    Object.values(sets).some(Boolean) ||
    Boolean(published || imported) ||
    hasHighlights !== undefined ||
    hasNotes !== undefined
  const counts = emptyTally(table)
  /** Per resolved code or entity, the last article counted for it (two merged ones count once). */
  const seen = new Int32Array(table.codes.size)
  const seenEntity = new Int32Array(table.entities.size)
  let withHighlights = 0
  let withNotes = 0
  const passed = new Int32Array(length)
  let kept = 0
  const { site, language, flags, at, store: list, rows } = table
  const siteCounts = counts.sites
  const languageCounts = counts.languages
  if (!filtering) {
    // Nothing to filter, as while the analyst types: every match passes and the facets are one tight
    // loop, over what the search did not match when it matched most articles.
    passed.set(slots.subarray(0, length))
    kept = length
    if (withFacets) {
      const most = all !== undefined && length > table.rows.length * MOST
      const whole = most ? wholeOf(table, all, resolved, resolvedEntities) : undefined
      const tally =
        (whole && length > whole.length * MOST && tallyOfMost(table, slots, length, whole)) ||
        tallyAll(table, slots, length, resolved, resolvedEntities)
      Object.assign(counts, tally)
      withHighlights = tally.withHighlights
      withNotes = tally.withNotes
    }
  }
  // The loop of every search that matched thousands: numbers only, no closures or copies per article.
  for (let i = 0; filtering && i < length; i++) {
    const slot = slots[i]!
    const codes = at[slot]! + LIST_HEADER
    const entities = codes + list[codes - 4]!
    const cases = entities + list[codes - 3]!
    const tags = cases + list[codes - 2]!
    const end = tags + list[codes - 1]!
    const flag = flags[slot]!
    let failed = 0
    if (filtering) {
      const row = rows[slot]!
      if (sets.sites && !sets.sites[site[slot]!]) failed |= bit.sites
      if (published && !inRange(row.published, published)) failed |= bit.published
      if (imported && !inRange(row.importedAt, imported)) failed |= bit.imported
      if (sets.codes && !any(list, codes, entities, sets.codes, resolved)) failed |= bit.codes
      if (sets.entities && !any(list, entities, cases, sets.entities, resolvedEntities))
        failed |= bit.entities
      if (hasHighlights !== undefined && (flag & HAS_HIGHLIGHTS) > 0 !== hasHighlights)
        failed |= bit.hasHighlights
      if (hasNotes !== undefined && (flag & HAS_NOTES) > 0 !== hasNotes) failed |= bit.hasNotes
      if (sets.languages && !sets.languages[language[slot]!]) failed |= bit.languages
      if (sets.cases && !any(list, cases, tags, sets.cases)) failed |= bit.cases
      if (sets.tags && !any(list, tags, end, sets.tags)) failed |= bit.tags
    }
    // Failing two filters or more: counted nowhere. Failing one: counted only in that one's facet.
    if (failed & (failed - 1)) continue
    if (failed === 0) passed[kept++] = slot
    if (!withFacets) continue
    const all = failed === 0
    if (all || failed === bit.sites) siteCounts[site[slot]!]!++
    if (all || failed === bit.codes) countResolved(counts.codes, seen, i + 1, list, codes, entities, resolved)
    if (all || failed === bit.entities)
      countResolved(counts.entities, seenEntity, i + 1, list, entities, cases, resolvedEntities)
    if (all || failed === bit.languages) languageCounts[language[slot]!]!++
    if (all || failed === bit.cases) count(counts.cases, list, cases, tags)
    if (all || failed === bit.tags) count(counts.tags, list, tags, end)
    if ((all || failed === bit.hasHighlights) && flag & HAS_HIGHLIGHTS) withHighlights++
    if ((all || failed === bit.hasNotes) && flag & HAS_NOTES) withNotes++
  }
  if (!withFacets) return { passed: passed.subarray(0, kept), facets: NO_FACETS }
  const codeName = new Map(names.codes.map((c) => [c.id, c.name]))
  const entityName = new Map(names.entities.map((e) => [e.id, e.name]))
  const caseName = new Map(names.cases.map((c) => [c.id, c.name]))
  return {
    passed: passed.subarray(0, kept),
    facets: {
      // A site or a language that is empty is none: it is not offered.
      sites: facetList(counts.sites, table.sites, 1),
      codes: facetList(counts.codes, table.codes, 0, codeName),
      entities: facetList(counts.entities, table.entities, 0, entityName),
      languages: facetList(counts.languages, table.languages, 1),
      cases: facetList(counts.cases, table.cases, 0, caseName),
      tags: facetList(counts.tags, table.tags, 0),
      hasHighlights: withHighlights,
      hasNotes: withNotes,
    },
  }
}

/** As `a.localeCompare(b)`, made once (a call of localeCompare builds one each time). */
const byLabel = new Intl.Collator()

/** The values counted (from id `first`), the most common first, then by label. */
function facetList(
  counts: Int32Array,
  values: Dictionary,
  first: number,
  names?: Map<string, string>,
): FacetValue[] {
  const list: FacetValue[] = []
  for (let id = first; id < counts.length; id++) {
    if (counts[id] === 0) continue
    const value = values.values[id]!
    list.push({ value, label: names?.get(value) ?? value, count: counts[id]! })
  }
  return list.sort((a, b) => b.count - a.count || byLabel.compare(a.label, b.label))
}
