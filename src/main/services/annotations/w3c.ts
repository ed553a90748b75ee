// Exports a workspace's highlights and mentions as a W3C Web Annotation collection (JSON-LD), with the
// codebook and entities as a `dossier:` extension, and imports such a document into another workspace:
// articles are found again by the sha256 of their original, so the same file imported elsewhere matches.
import { z } from 'zod'
import { Id, type Code, type Entity, type Highlight, type Mention } from '../../../shared/model'
import { codeResolver, liveCodes } from '../codes/codebook'
import { newId } from '../store/ids'
import type { Workspace } from '../store/workspace'
import { entityLookup, presentEntities } from '../entities/resolve'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
export const DOSSIER_NS = 'urn:dossier:ns#'

const articleUrn = (id: string) => `urn:dossier:article:${id}`

const Selector = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: z.string().default(''),
    suffix: z.string().default(''),
  }),
  z.object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }),
])

const Body = z.looseObject({
  type: z.string().optional(),
  purpose: z.string().optional(),
  value: z.string().optional(),
  'dossier:codeId': z.string().optional(),
  'dossier:entityId': z.string().optional(),
  'dossier:entityType': z.string().optional(),
})

const Annotation = z.looseObject({
  id: z.string().optional(),
  type: z.literal('Annotation'),
  motivation: z.string(),
  created: z.string().optional(),
  modified: z.string().optional(),
  body: z.union([Body, z.array(Body)]).optional(),
  target: z.looseObject({
    source: z.string(),
    'dossier:sha256': z.string().optional(),
    'dossier:sourceUrl': z.string().optional(),
    selector: z.array(Selector),
  }),
  'dossier:kind': z.enum(['highlight', 'mention']),
  'dossier:id': z.string().optional(),
  'dossier:status': z.enum(['confirmed', 'suggested']).optional(),
})
type Annotation = z.infer<typeof Annotation>

const ExportedCode = z.object({
  id: z.string(),
  name: z.string().trim().min(1).max(80),
  color: z.string(),
  description: z.string().default(''),
})
const ExportedEntity = z.object({
  id: z.string(),
  name: z.string().min(1).max(300),
  type: z.enum(['Person', 'Organization', 'Location', 'Equipment', 'Event', 'Date', 'Other']),
  aliases: z.array(z.string()).default([]),
  notes: z.string().default(''),
})

export const W3cDocument = z.looseObject({
  '@context': z.unknown(),
  type: z.literal('AnnotationCollection'),
  'dossier:codes': z.array(ExportedCode).default([]),
  'dossier:entities': z.array(ExportedEntity).default([]),
  first: z.looseObject({ type: z.literal('AnnotationPage'), items: z.array(Annotation) }),
})

export interface W3cImportResult {
  highlights: number
  mentions: number
  skipped: { reason: string; id?: string }[]
}

function target(
  article: { id: string; sourceUrl?: string; original: { sha256: string } },
  t: Highlight['target'],
) {
  return {
    type: 'SpecificResource',
    source: articleUrn(article.id),
    'dossier:sha256': article.original.sha256,
    ...(article.sourceUrl ? { 'dossier:sourceUrl': article.sourceUrl } : {}),
    selector: [t.quote, t.position],
  }
}

/** Every highlight and every confirmed or suggested mention of the workspace, as one AnnotationCollection. */
export async function exportW3c(workspace: Workspace): Promise<object> {
  const codes = liveCodes(workspace.codes)
  const resolve = codeResolver(workspace.codes)
  const codeById = new Map(codes.map((c) => [c.id, c]))
  // Merged entities' mentions go out as the entity kept; a deleted entity's are left out.
  const entityById = entityLookup(workspace.entities)
  const known = new Set(workspace.entities.map((e) => e.id))
  const items: object[] = []
  for (const row of workspace.articles) {
    const article = await workspace.peekArticle(row.id)
    for (const h of article.highlights) {
      const code = codeById.get(resolve(h.codeId))
      const body: object[] = []
      if (code)
        body.push({ type: 'TextualBody', purpose: 'tagging', value: code.name, 'dossier:codeId': code.id })
      if (h.note)
        body.push({ type: 'TextualBody', purpose: 'commenting', value: h.note, format: 'text/plain' })
      items.push({
        id: `urn:dossier:highlight:${h.id}`,
        type: 'Annotation',
        motivation: h.note ? 'commenting' : 'highlighting',
        created: h.createdAt,
        modified: h.updatedAt,
        body,
        target: target(article, h.target),
        'dossier:kind': 'highlight',
        'dossier:id': h.id,
      })
    }
    for (const m of article.mentions) {
      if (m.status !== 'confirmed' || m.entityId === undefined) continue
      const entity =
        entityById.get(m.entityId) ??
        (known.has(m.entityId) ? undefined : article.entityCopies?.find((e) => e.id === m.entityId))
      if (!entity) continue
      items.push({
        id: `urn:dossier:mention:${m.id}`,
        type: 'Annotation',
        motivation: m.status === 'confirmed' ? 'identifying' : 'tagging',
        created: m.createdAt,
        body: {
          type: 'TextualBody',
          purpose: m.status === 'confirmed' ? 'identifying' : 'tagging',
          value: entity.name,
          'dossier:entityId': entity.id,
          'dossier:entityType': entity.type,
        },
        target: target(article, m.target),
        'dossier:kind': 'mention',
        'dossier:id': m.id,
        'dossier:status': m.status,
      })
    }
  }
  return {
    '@context': [ANNO_CONTEXT, { dossier: DOSSIER_NS }],
    id: 'urn:dossier:annotations',
    type: 'AnnotationCollection',
    label: 'Dossier annotations',
    total: items.length,
    'dossier:codes': codes.map(({ id, name, color, description }) => ({ id, name, color, description })),
    'dossier:entities': presentEntities(workspace.entities).map(({ id, name, type, aliases, notes }) => ({
      id,
      name,
      type,
      aliases,
      notes,
    })),
    first: { type: 'AnnotationPage', startIndex: 0, items },
  }
}

const nameKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim()
const bodies = (a: Annotation) => (a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body])

/** Live codes by name for the exported ones, creating those the workspace lacks. Returns name key → id. */
async function importCodes(
  workspace: Workspace,
  exported: z.infer<typeof ExportedCode>[],
): Promise<Map<string, string>> {
  return workspace.updateCodes((codes) => {
    let changed = false
    const byName = new Map(liveCodes(codes).map((c) => [nameKey(c.name), c.id]))
    const taken = new Set(codes.map((c) => c.id))
    for (const e of exported) {
      if (byName.has(nameKey(e.name))) continue
      const id = Id.safeParse(e.id).success && !taken.has(e.id) ? e.id : newId()
      const color = /^#[0-9a-f]{6}$/i.test(e.color) ? e.color.toLowerCase() : '#868e96'
      const code: Code = {
        id,
        name: e.name.replace(/\s+/g, ' ').trim(),
        color,
        description: e.description.slice(0, 2000),
        createdAt: new Date().toISOString(),
      }
      codes.push(code)
      taken.add(id)
      byName.set(nameKey(code.name), id)
      changed = true
    }
    return { changed, result: byName }
  })
}

/** Entities by name and type for the exported ones, creating those missing. Returns exported id → local id. */
async function importEntities(
  workspace: Workspace,
  exported: z.infer<typeof ExportedEntity>[],
): Promise<{ byExportId: Map<string, string>; find: (name: string, type: string) => string | undefined }> {
  const entityKey = (name: string, type: string) => `${type}\u0000${nameKey(name)}`
  const byKey = await workspace.updateEntities((entities) => {
    let changed = false
    const byKey = new Map(entities.map((e) => [entityKey(e.name, e.type), e.id]))
    const taken = new Set(entities.map((e) => e.id))
    for (const e of exported) {
      if (byKey.has(entityKey(e.name, e.type))) continue
      const id = Id.safeParse(e.id).success && !taken.has(e.id) ? e.id : newId()
      const entity: Entity = {
        id,
        name: e.name,
        type: e.type,
        aliases: e.aliases,
        notes: e.notes,
        createdAt: new Date().toISOString(),
      }
      entities.push(entity)
      taken.add(id)
      byKey.set(entityKey(e.name, e.type), id)
      changed = true
    }
    return { changed, result: byKey }
  })
  const byExportId = new Map<string, string>()
  for (const e of exported) byExportId.set(e.id, byKey.get(entityKey(e.name, e.type))!)
  return { byExportId, find: (name, type) => byKey.get(entityKey(name, type)) }
}

function selectors(a: Annotation, text: string) {
  const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector')
  const pos = a.target.selector.find((s) => s.type === 'TextPositionSelector')
  if (!quote || quote.type !== 'TextQuoteSelector') return undefined
  let start = pos?.type === 'TextPositionSelector' ? pos.start : -1
  if (start < 0 || text.slice(start, start + quote.exact.length) !== quote.exact) {
    // The position is stale in this workspace's text: take the quote where its prefix says it is.
    const withPrefix = text.indexOf(quote.prefix + quote.exact)
    start = withPrefix >= 0 ? withPrefix + quote.prefix.length : text.indexOf(quote.exact)
  }
  if (start < 0) return undefined
  const end = start + quote.exact.length
  return {
    quote: {
      type: 'TextQuoteSelector' as const,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
    },
    position: { type: 'TextPositionSelector' as const, start, end },
  }
}

/**
 * Puts the document's highlights and mentions into the workspace. Idempotent: an annotation whose id the
 * article already holds is skipped. Throws a ZodError when the document is not a Dossier export.
 */
export async function importW3c(workspace: Workspace, doc: unknown): Promise<W3cImportResult> {
  const parsed = W3cDocument.parse(doc)
  const result: W3cImportResult = { highlights: 0, mentions: 0, skipped: [] }
  const codeByName = await importCodes(workspace, parsed['dossier:codes'])
  const entities = await importEntities(workspace, parsed['dossier:entities'])
  for (const a of parsed.first.items) {
    const exportedId = a['dossier:id']
    const skip = (reason: string) =>
      result.skipped.push({ reason, ...(exportedId ? { id: exportedId } : {}) })
    const sha = a.target['dossier:sha256']
    const urnId = a.target.source.startsWith('urn:dossier:article:') ? a.target.source.slice(20) : undefined
    const row = (sha ? workspace.findBySha(sha) : undefined) ?? (urnId ? workspace.summary(urnId) : undefined)
    if (!row) {
      skip('article-not-found')
      continue
    }
    const article = await workspace.peekArticle(row.id)
    const id = exportedId && Id.safeParse(exportedId).success ? exportedId : newId()
    const list: readonly { id: string }[] =
      a['dossier:kind'] === 'highlight' ? article.highlights : article.mentions
    if (list.some((x) => x.id === id)) {
      skip('already-present')
      continue
    }
    const t = selectors(a, article.text)
    if (!t) {
      skip('quote-not-found')
      continue
    }
    const created = a.created ?? new Date().toISOString()
    if (a['dossier:kind'] === 'highlight') {
      const tag = bodies(a).find((b) => b.purpose === 'tagging' && b.value)
      const codeId = tag?.value ? codeByName.get(nameKey(tag.value)) : undefined
      if (!codeId) {
        skip('code-not-found')
        continue
      }
      const note = bodies(a).find((b) => b.purpose === 'commenting')?.value ?? ''
      const highlight: Highlight = {
        id,
        target: t,
        codeId,
        note: note.slice(0, 20_000),
        createdAt: created,
        updatedAt: a.modified ?? created,
      }
      await workspace.annotate(row.id, () => ({
        change: { op: 'put-highlight', highlight },
        result: undefined,
      }))
      result.highlights++
    } else {
      const body = bodies(a).find((b) => b.value)
      const entityId =
        (body?.['dossier:entityId'] ? entities.byExportId.get(body['dossier:entityId']) : undefined) ??
        (body?.value && body['dossier:entityType']
          ? entities.find(body.value, body['dossier:entityType'])
          : undefined)
      if (!entityId) {
        skip('entity-not-found')
        continue
      }
      const status = a['dossier:status'] ?? (a.motivation === 'identifying' ? 'confirmed' : 'suggested')
      const mention: Mention = { id, entityId, target: t, status, createdAt: created }
      await workspace.annotate(row.id, () => ({ change: { op: 'put-mention', mention }, result: undefined }))
      result.mentions++
    }
  }
  return result
}
