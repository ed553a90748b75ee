// The open article's annotations as the inspector lists them: highlights in reading order, and mentions
// grouped by entity type, then by entity.
import {
  ENTITY_TYPES,
  type Article,
  type Entity,
  type EntityType,
  type Highlight,
  type Mention,
} from '../../shared/model'

export interface EntityMentions {
  entityId: string
  entity: Entity | undefined
  name: string
  type: EntityType
  mentions: Mention[]
}

export interface EntityTypeGroup {
  type: EntityType
  entities: EntityMentions[]
}

const byPosition = (
  a: { target: { position: { start: number } } },
  b: { target: { position: { start: number } } },
) => a.target.position.start - b.target.position.start

/** The highlights drawn in the text, in reading order (unanchored ones are listed apart). */
export function highlightsInOrder(article: Pick<Article, 'highlights'>): Highlight[] {
  return article.highlights.filter((h) => !h.unanchored).sort(byPosition)
}

export function groupMentions(article: Pick<Article, 'mentions'>, entities: Entity[]): EntityTypeGroup[] {
  const known = new Map(entities.map((e) => [e.id, e]))
  const perEntity = new Map<string, EntityMentions>()
  for (const mention of [...article.mentions].sort(byPosition)) {
    if (mention.status !== 'confirmed' || mention.unanchored || mention.entityId === undefined) continue
    let row = perEntity.get(mention.entityId)
    if (!row) {
      const entity = known.get(mention.entityId)
      row = {
        entityId: mention.entityId,
        entity,
        name: entity?.name ?? mention.target.quote.exact,
        type: entity?.type ?? 'Other',
        mentions: [],
      }
      perEntity.set(mention.entityId, row)
    }
    row.mentions.push(mention)
  }
  const rows = [...perEntity.values()].sort(
    (a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name),
  )
  return ENTITY_TYPES.map((type) => ({ type, entities: rows.filter((r) => r.type === type) })).filter(
    (group) => group.entities.length > 0,
  )
}

/**
 * Suggested mentions (not yet confirmed or rejected) with their entity: those of entities the analyst
 * has first, then the proposals of new ones, each in reading order.
 */
export function suggestionsOf(
  article: Pick<Article, 'mentions'>,
  entities: Entity[],
): { mention: Mention; entity: Entity | undefined }[] {
  const known = new Map(entities.map((e) => [e.id, e]))
  return article.mentions
    .filter((m) => m.status === 'suggested' && !m.unanchored)
    .sort((a, b) => Number(a.entityId === undefined) - Number(b.entityId === undefined) || byPosition(a, b))
    .map((mention) => ({
      mention,
      entity: mention.entityId === undefined ? undefined : known.get(mention.entityId),
    }))
}

export function mentionCount(groups: EntityTypeGroup[]): number {
  return groups.reduce((sum, g) => sum + g.entities.length, 0)
}

export interface QuoteInContext {
  before: string
  exact: string
  after: string
}

/** A few words either side of a quote (from its TextQuoteSelector), to tell repeated names apart. */
export function quoteInContext(
  quote: { exact: string; prefix: string; suffix: string },
  chars = 28,
): QuoteInContext {
  const fold = (text: string) => text.replace(/\s+/g, ' ')
  let before = fold(quote.prefix).slice(-chars)
  let after = fold(quote.suffix).slice(0, chars)
  if (before.length === chars && before.includes(' ')) before = `…${before.slice(before.indexOf(' ') + 1)}`
  if (after.length === chars && after.includes(' ')) after = `${after.slice(0, after.lastIndexOf(' '))}…`
  return { before, exact: fold(quote.exact), after }
}
