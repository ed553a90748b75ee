// The entity index: every live entity with its type, mentions, articles and first and last seen (by
// the articles' published dates), filtered, sorted and paged, from one pass over the mention index.
import type { EntityIndex, EntityIndexQuery, EntityRow } from '../../../shared/entities'
import type { ArticleSummary, Entity, EntityTypeDef } from '../../../shared/model'
import type { IndexedArticle } from './mention-index'
import { entityResolver, foldName, presentEntities } from './resolve'

export interface EntityCounts {
  mentions: number
  suggested: number
  articles: number
  firstSeen?: string
  lastSeen?: string
}

export type RowOf = (id: string) => ArticleSummary | undefined

/** The published day of an article ("2023-06-13"), or undefined when it has none. */
export const publishedOf = (row: ArticleSummary | undefined) => row?.published || undefined

/**
 * Counts per live entity, merges resolved and deleted entities left out. An article counts for an
 * entity when it has a confirmed mention of it; suggestions are counted apart.
 */
export function countEntities(
  articles: ReadonlyMap<string, IndexedArticle>,
  entities: readonly Entity[],
  rowOf: RowOf,
): Map<string, EntityCounts> {
  const resolve = entityResolver(entities)
  const counts = new Map<string, EntityCounts>()
  for (const article of articles.values()) {
    const published = publishedOf(rowOf(article.id))
    // Entities already counted for this article: a mark per entity beats a Set per article.
    const seen = new Set<string>()
    for (const mention of article.mentions) {
      const id = resolve(mention.entityId)
      if (id === undefined) continue
      let c = counts.get(id)
      if (!c) counts.set(id, (c = { mentions: 0, suggested: 0, articles: 0 }))
      if (!mention.confirmed) {
        c.suggested++
        continue
      }
      c.mentions++
      if (seen.has(id)) continue
      seen.add(id)
      c.articles++
      if (published !== undefined) {
        if (c.firstSeen === undefined || published < c.firstSeen) c.firstSeen = published
        if (c.lastSeen === undefined || published > c.lastSeen) c.lastSeen = published
      }
    }
  }
  return counts
}

export function entityRow(
  entity: Entity,
  counts: EntityCounts | undefined,
  types: readonly EntityTypeDef[],
): EntityRow {
  const customType = entity.customType ? types.find((t) => t.id === entity.customType) : undefined
  return {
    entity,
    ...(customType ? { customType } : {}),
    mentions: counts?.mentions ?? 0,
    suggested: counts?.suggested ?? 0,
    articles: counts?.articles ?? 0,
    ...(counts?.firstSeen ? { firstSeen: counts.firstSeen } : {}),
    ...(counts?.lastSeen ? { lastSeen: counts.lastSeen } : {}),
  }
}

const DEFAULT_LIMIT = 500

function matchesText(entity: Entity, needle: string): boolean {
  return foldName(entity.name).includes(needle) || entity.aliases.some((a) => foldName(a).includes(needle))
}

/** Rows without a date sort after the dated ones, whichever the order. */
function compareRows(sort: NonNullable<EntityIndexQuery['sort']>, desc: boolean) {
  const byName = (a: EntityRow, b: EntityRow) => a.entity.name.localeCompare(b.entity.name)
  const dir = desc ? -1 : 1
  return (a: EntityRow, b: EntityRow): number => {
    switch (sort) {
      case 'name':
        return dir * byName(a, b)
      case 'mentions':
        return dir * (a.mentions - b.mentions) || byName(a, b)
      case 'articles':
        return dir * (a.articles - b.articles) || byName(a, b)
      case 'firstSeen':
      case 'lastSeen': {
        const x = a[sort]
        const y = b[sort]
        if (x === y) return byName(a, b)
        if (x === undefined) return 1
        if (y === undefined) return -1
        return dir * (x < y ? -1 : 1)
      }
    }
  }
}

export function queryEntityIndex(
  query: EntityIndexQuery,
  entities: readonly Entity[],
  counts: ReadonlyMap<string, EntityCounts>,
  types: readonly EntityTypeDef[],
): EntityIndex {
  const needle = foldName(query.text ?? '')
  const typesWanted = query.types?.length ? new Set(query.types) : undefined
  const customWanted = query.customTypes?.length ? new Set(query.customTypes) : undefined
  const rows: EntityRow[] = []
  for (const entity of presentEntities(entities)) {
    // Built-in and custom type filters add up: either one lets an entity through.
    if (typesWanted || customWanted) {
      const byType = typesWanted?.has(entity.type) && (entity.customType === undefined || !customWanted)
      const byCustom = entity.customType !== undefined && customWanted?.has(entity.customType)
      if (!byType && !byCustom) continue
    }
    if (needle && !matchesText(entity, needle)) continue
    rows.push(entityRow(entity, counts.get(entity.id), types))
  }
  const sort = query.sort ?? 'mentions'
  const desc = (query.order ?? (sort === 'name' ? 'asc' : 'desc')) === 'desc'
  rows.sort(compareRows(sort, desc))
  const offset = query.offset ?? 0
  return { total: rows.length, rows: rows.slice(offset, offset + (query.limit ?? DEFAULT_LIMIT)) }
}
