// One search over the index's highlights, in one pass: the filters, the page, and the facet counts.
import type { HighlightQuery, HighlightRow, HighlightSearchResult } from '../../../shared/highlight-search'
import type { Code, Entity } from '../../../shared/model'
import { codeResolver } from '../codes/codebook'
import { entityResolver } from '../entities/resolve'
import { foldText, type HighlightEntry } from './highlight-entries'
import { dayNumber, NO_DAY, type HighlightStore, type Names } from './highlight-store'

const DAY_MS = 86_400_000
/** A bound nothing passes: what a filter on an unknown article or site becomes. */
const NOTHING = -2

function instantBound(value: string | undefined, end: boolean): number {
  if (value === undefined) return end ? Infinity : -Infinity
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = Date.parse(`${value}T00:00:00.000Z`)
    return end ? day + DAY_MS - 1 : day
  }
  return Date.parse(value)
}

/** For each code number, the number of the live code it stands for after merges. */
function resolvedCodes(codes: readonly Code[], names: Names): Int32Array {
  const resolve = codeResolver(codes)
  const raw = names.names.length
  const resolved = new Int32Array(raw)
  for (let n = 0; n < raw; n++) resolved[n] = names.of(resolve(names.names[n]!))
  return resolved
}

function wantedCodes(ids: readonly string[] | undefined, names: Names): Uint8Array | undefined {
  if (!ids?.length) return undefined
  const wanted = new Uint8Array(names.names.length)
  for (const id of ids) {
    const number = names.find(id)
    if (number !== undefined) wanted[number] = 1
  }
  return wanted
}

/** Control characters separate the stored texts, so they never take part in a match. */
const needleOf = (text: string | undefined) =>
  foldText(text ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()

export function searchStore(
  store: HighlightStore,
  query: HighlightQuery,
  codes: readonly Code[],
  /** The entity list, tombstones included: an entity filter takes in what was merged into it. */
  entities: readonly Entity[] = [],
): HighlightSearchResult {
  const resolveEntity = entityResolver(entities)
  const { code, site, article, day, created } = store
  const order = store.ordered.get(query.sort)!
  const resolved = resolvedCodes(codes, store.codeNames)
  const wanted = wantedCodes(query.codeIds, store.codeNames)
  const siteWanted = query.site === undefined ? -1 : (store.siteNames.find(query.site) ?? NOTHING)
  const articleWanted =
    query.articleId === undefined ? -1 : (store.articleNames.find(query.articleId) ?? NOTHING)
  const dated = query.publishedFrom !== undefined || query.publishedTo !== undefined
  const dayFrom = query.publishedFrom === undefined ? -Infinity : dayNumber(query.publishedFrom)
  const dayTo = query.publishedTo === undefined ? Infinity : dayNumber(query.publishedTo)
  const createdFrom = instantBound(query.createdFrom, false)
  const createdTo = instantBound(query.createdTo, true)
  const entityMarks =
    query.entityId === undefined
      ? undefined
      : store.matchEntity([
          query.entityId,
          ...entities.filter((e) => e.mergedInto && resolveEntity(e.id) === query.entityId).map((e) => e.id),
        ])
  const needle = needleOf(query.text)
  const textMarks = needle === '' ? undefined : store.matchText(needle)

  const codeCounts = new Int32Array(store.codeNames.names.length)
  const siteCounts = new Int32Array(store.siteNames.names.length)
  const page: { uid: number; code: number }[] = []
  const end = query.offset + query.limit
  let total = 0

  for (let i = 0; i < order.length; i++) {
    const uid = order[i]!
    if (articleWanted !== -1 && article[uid] !== articleWanted) continue
    if (dated && (day[uid] === NO_DAY || day[uid]! < dayFrom || day[uid]! > dayTo)) continue
    if (created[uid]! < createdFrom || created[uid]! > createdTo) continue
    if (entityMarks && entityMarks[uid] !== 1) continue
    if (textMarks && textMarks[uid] !== 1) continue
    // Each facet counts under every filter but its own.
    const live = resolved[code[uid]!]!
    const codeOk = wanted === undefined || wanted[live] === 1
    const siteOk = siteWanted === -1 || site[uid] === siteWanted
    if (siteOk) codeCounts[live]!++
    if (codeOk && site[uid]! >= 0) siteCounts[site[uid]!]!++
    if (!codeOk || !siteOk) continue
    if (total >= query.offset && total < end) page.push({ uid, code: live })
    total++
  }

  const rank = new Map(codes.map((c, index) => [c.id, index]))
  const rankOf = (id: string) => rank.get(id) ?? codes.length
  const counted = (counts: Int32Array, names: readonly string[]) =>
    [...counts].flatMap((count, n) => (count > 0 ? [{ name: names[n]!, count }] : []))
  return {
    total,
    rows: page.map(({ uid, code }) => row(store.entries[uid]!, store.codeNames.names[code]!, resolveEntity)),
    facets: {
      codes: counted(codeCounts, store.codeNames.names)
        .map(({ name, count }) => ({ id: name, count }))
        .sort((a, b) => rankOf(a.id) - rankOf(b.id) || (a.id < b.id ? -1 : 1)),
      sites: counted(siteCounts, store.siteNames.names).sort(
        (a, b) => b.count - a.count || a.name.localeCompare(b.name),
      ),
    },
  }
}

function row(
  { article, highlight, entityIds }: HighlightEntry,
  codeId: string,
  resolveEntity: (id: string) => string | undefined,
): HighlightRow {
  return {
    articleId: article.id,
    title: article.title,
    siteName: article.site,
    published: article.published,
    sourceUrl: article.sourceUrl,
    highlight: codeId === highlight.codeId ? highlight : { ...highlight, codeId },
    entityIds: [...new Set(entityIds.map(resolveEntity).filter((id) => id !== undefined))],
  }
}
