// The inspector as one flat list of rows (section headings, highlight cards, entity and mention rows),
// so a single virtual list renders only what is on screen, whatever the article holds.
import type { Article, Entity, EntityType, Highlight, Mention } from '../../shared/model'
import {
  groupMentions,
  highlightsInOrder,
  mentionCount,
  suggestionsOf,
  type EntityMentions,
} from './annotation-lists'

export type InspectorRow =
  | { kind: 'heading'; key: string; section: 'highlights' | 'entities'; count: number }
  | { kind: 'empty'; key: string; section: 'highlights' | 'entities' }
  | { kind: 'highlight'; key: string; highlight: Highlight }
  | { kind: 'type'; key: string; type: EntityType }
  | { kind: 'entity'; key: string; row: EntityMentions }
  | { kind: 'mention'; key: string; mention: Mention; row: EntityMentions }
  | { kind: 'divider'; key: string }
  | { kind: 'unanchored-heading'; key: string; count: number }
  | { kind: 'unanchored-highlight'; key: string; highlight: Highlight }
  | { kind: 'unanchored-mention'; key: string; mention: Mention; entity: Entity | undefined }
  | { kind: 'suggested-heading'; key: string; mentions: Mention[] }
  | { kind: 'suggestion'; key: string; mention: Mention; entity: Entity | undefined }

export function inspectorRows(
  article: Pick<Article, 'highlights' | 'mentions'>,
  entities: Entity[],
): InspectorRow[] {
  const rows: InspectorRow[] = []
  const highlights = highlightsInOrder(article)
  rows.push({ kind: 'heading', key: 'h:highlights', section: 'highlights', count: highlights.length })
  if (highlights.length === 0) rows.push({ kind: 'empty', key: 'e:highlights', section: 'highlights' })
  for (const highlight of highlights) rows.push({ kind: 'highlight', key: highlight.id, highlight })
  const lostHighlights = article.highlights.filter((h) => h.unanchored)
  const lostMentions = article.mentions.filter((m) => m.unanchored && m.status === 'confirmed')
  if (lostHighlights.length + lostMentions.length > 0) {
    rows.push({ kind: 'divider', key: 'divider:unanchored' })
    rows.push({
      kind: 'unanchored-heading',
      key: 'h:unanchored',
      count: lostHighlights.length + lostMentions.length,
    })
    for (const highlight of lostHighlights)
      rows.push({ kind: 'unanchored-highlight', key: `u:${highlight.id}`, highlight })
    const known = new Map(entities.map((e) => [e.id, e]))
    for (const mention of lostMentions)
      rows.push({
        kind: 'unanchored-mention',
        key: `u:${mention.id}`,
        mention,
        entity: mention.entityId === undefined ? undefined : known.get(mention.entityId),
      })
  }
  rows.push({ kind: 'divider', key: 'divider' })
  const groups = groupMentions(article, entities)
  rows.push({ kind: 'heading', key: 'h:entities', section: 'entities', count: mentionCount(groups) })
  if (groups.length === 0) rows.push({ kind: 'empty', key: 'e:entities', section: 'entities' })
  for (const group of groups) {
    rows.push({ kind: 'type', key: `t:${group.type}`, type: group.type })
    for (const row of group.entities) {
      rows.push({ kind: 'entity', key: `n:${row.entityId}`, row })
      for (const mention of row.mentions) rows.push({ kind: 'mention', key: mention.id, mention, row })
    }
  }
  const suggested = suggestionsOf(article, entities)
  if (suggested.length > 0) {
    rows.push({ kind: 'divider', key: 'divider:suggested' })
    rows.push({ kind: 'suggested-heading', key: 'h:suggested', mentions: suggested.map((s) => s.mention) })
    for (const { mention, entity } of suggested)
      rows.push({ kind: 'suggestion', key: `s:${mention.id}`, mention, entity })
  }
  return rows
}

/** A first guess of a row's height before it is measured, so the scrollbar is about right at once. */
export function estimatedHeight(row: InspectorRow): number {
  switch (row.kind) {
    case 'heading':
      return 40
    case 'highlight':
      return 150
    case 'mention':
    case 'suggestion':
      return 38
    case 'divider':
      return 25
    default:
      return 30
  }
}
