// Entities and their mentions as CSV (written as the highlights CSV is: BOM, RFC 4180 quoting, formulas
// defused) or JSON, for the app's export and `dossier entities export`.
import type { ExportedFile } from '../../../shared/api'
import type { Article, Entity, EntityTypeDef } from '../../../shared/model'
import { csvRow } from '../annotations/csv'
import { paragraphNumber } from '../brief/brief-export'
import { countEntities, entityRow, type RowOf } from './entity-index'
import { byPublishedDesc, keywordInContext } from './entity-page'
import type { IndexedArticle } from './mention-index'
import { entityResolver, presentEntities } from './resolve'

export type EntityExportWhat = 'entities' | 'mentions'
export type EntityExportFormat = 'csv' | 'json'

export const ENTITY_COLUMNS = [
  'name',
  'type',
  'aliases',
  'mentions',
  'suggested',
  'articles',
  'first seen',
  'last seen',
  'notes',
] as const
export const MENTION_COLUMNS = ['entity', 'type', 'article', 'citation', 'mention', 'context'] as const

export interface ExportSources {
  articles: ReadonlyMap<string, IndexedArticle>
  entities: readonly Entity[]
  types: readonly EntityTypeDef[]
  rowOf: RowOf
  peek(id: string): Promise<Readonly<Article>>
}

const typeName = (entity: Entity, types: readonly EntityTypeDef[]) =>
  types.find((t) => t.id === entity.customType)?.name ?? entity.type

function entityRecords(from: ExportSources) {
  const counts = countEntities(from.articles, from.entities, from.rowOf)
  return presentEntities(from.entities)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entity) => {
      const row = entityRow(entity, counts.get(entity.id), from.types)
      return {
        id: entity.id,
        name: entity.name,
        type: typeName(entity, from.types),
        aliases: entity.aliases,
        notes: entity.notes,
        mentions: row.mentions,
        suggested: row.suggested,
        articles: row.articles,
        firstSeen: row.firstSeen ?? null,
        lastSeen: row.lastSeen ?? null,
      }
    })
}

interface MentionRecord {
  entityId: string
  entity: string
  type: string
  articleId: string
  article: string
  site: string | null
  published: string | null
  paragraph: number | null
  citation: string
  start: number
  end: number
  text: string
  before: string
  after: string
}

/** Every confirmed mention, by entity name, then newest article first; reads each article once. */
async function mentionRecords(from: ExportSources): Promise<MentionRecord[]> {
  const resolve = entityResolver(from.entities)
  const live = new Map(presentEntities(from.entities).map((e) => [e.id, e]))
  const rows = [...from.articles.keys()]
    .map((id) => from.rowOf(id))
    .filter((r) => r !== undefined)
    .sort(byPublishedDesc)
  const records: MentionRecord[] = []
  for (const row of rows) {
    const mentions = from.articles.get(row.id)!.mentions.filter((m) => m.confirmed)
    if (!mentions.length) continue
    let article: Readonly<Article>
    try {
      article = await from.peek(row.id)
    } catch {
      continue
    }
    for (const m of mentions) {
      const id = resolve(m.entityId)
      const entity = id === undefined ? undefined : live.get(id)
      if (!entity) continue
      const paragraph = paragraphNumber(article, m.start) ?? null
      const context = keywordInContext(article.text, m.start, m.end)
      const citation = [article.title, article.siteName, article.published, paragraph && `¶ ${paragraph}`]
        .filter((p) => !!p)
        .join(', ')
      records.push({
        entityId: entity.id,
        entity: entity.name,
        type: typeName(entity, from.types),
        articleId: article.id,
        article: article.title,
        site: article.siteName ?? null,
        published: article.published ?? null,
        paragraph,
        citation,
        start: m.start,
        end: m.end,
        ...context,
      })
    }
  }
  // Stable: within an entity the articles keep their newest-first order.
  return records.sort((a, b) => a.entity.localeCompare(b.entity))
}

export async function exportEntities(
  what: EntityExportWhat,
  format: EntityExportFormat,
  from: ExportSources,
): Promise<ExportedFile> {
  const stamp = new Date().toISOString().slice(0, 10)
  const fileName = `dossier-${what}-${stamp}.${format}`
  const encode = (text: string) => new TextEncoder().encode(text)
  if (what === 'entities') {
    const records = entityRecords(from)
    if (format === 'json') {
      return { fileName, mimeType: 'application/json', data: encode(JSON.stringify(records, null, 2)) }
    }
    let out = '\uFEFF' + csvRow(ENTITY_COLUMNS)
    for (const r of records) {
      out += csvRow([
        r.name,
        r.type,
        r.aliases.join('; '),
        String(r.mentions),
        String(r.suggested),
        String(r.articles),
        r.firstSeen ?? '',
        r.lastSeen ?? '',
        r.notes,
      ])
    }
    return { fileName, mimeType: 'text/csv;charset=utf-8', data: encode(out) }
  }
  const records = await mentionRecords(from)
  if (format === 'json') {
    return { fileName, mimeType: 'application/json', data: encode(JSON.stringify(records, null, 2)) }
  }
  let out = '\uFEFF' + csvRow(MENTION_COLUMNS)
  for (const r of records) {
    out += csvRow([r.entity, r.type, r.article, r.citation, r.text, `${r.before}${r.text}${r.after}`])
  }
  return { fileName, mimeType: 'text/csv;charset=utf-8', data: encode(out) }
}
