// Rebuilding the entity list when dossier.json is lost: from the newest valid backup, then from the
// copies of its entities that every article file keeps, then from the tags themselves, so that every
// mention points at an entity again and nothing the analyst named is lost.
import type { Article, Entity, Mention } from '../../../shared/model'
import { noteAlias } from '../annotate/mentions'

/** What an article file tells about entities: its copies of them and its tags. */
export type EntityEvidence = Pick<Article, 'updatedAt' | 'entityCopies' | 'mentions'>

export interface EntityRecovery {
  entities: Entity[]
  /** Entities the backup did not have, taken from the articles' copies. */
  fromCopies: number
  /** Entities nothing described any more, rebuilt from the text of their tags. */
  fromTags: number
}

function placeholder(id: string, mentions: readonly Mention[]): Entity {
  const counts = new Map<string, number>()
  for (const m of mentions) counts.set(m.target.quote.exact, (counts.get(m.target.quote.exact) ?? 0) + 1)
  const [name] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!
  const createdAt = mentions.map((m) => m.createdAt).sort()[0]!
  return {
    id,
    name: name.replace(/\s+/g, ' ').trim().slice(0, 300) || 'Unnamed entity',
    type: 'Other',
    aliases: [],
    notes: 'Rebuilt from its tags after the workspace index was damaged: check its name and type.',
    createdAt,
  }
}

/**
 * `base` is the backup's list (or empty), taken at `baseTakenAt`. A copy saved in an article after the
 * backup was taken is newer than the backup and wins for name, type and notes; aliases are always merged.
 */
export function recoverEntities(
  base: readonly Entity[],
  baseTakenAt: Date | undefined,
  articles: readonly EntityEvidence[],
): EntityRecovery {
  const byId = new Map(base.map((e) => [e.id, structuredClone(e)]))
  let fromCopies = 0
  const oldestFirst = [...articles].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
  for (const article of oldestFirst) {
    const newer = !baseTakenAt || Date.parse(article.updatedAt) > baseTakenAt.getTime()
    for (const copy of article.entityCopies ?? []) {
      const known = byId.get(copy.id)
      if (!known) {
        byId.set(copy.id, structuredClone(copy))
        fromCopies++
        continue
      }
      if (newer) Object.assign(known, { name: copy.name, type: copy.type, notes: copy.notes })
      for (const alias of [known.name === copy.name ? undefined : copy.name, ...copy.aliases])
        if (alias) noteAlias(known, alias)
    }
  }
  const orphans = new Map<string, Mention[]>()
  for (const article of articles) {
    for (const mention of article.mentions) {
      if (mention.entityId === undefined || byId.has(mention.entityId)) continue
      const list = orphans.get(mention.entityId) ?? []
      list.push(mention)
      orphans.set(mention.entityId, list)
    }
  }
  for (const [id, mentions] of orphans) byId.set(id, placeholder(id, mentions))
  // Every surface form that was tagged as an entity is one of its names (as tagging records them).
  for (const article of articles)
    for (const mention of article.mentions)
      if (mention.status === 'confirmed' && mention.entityId)
        noteAlias(byId.get(mention.entityId)!, mention.target.quote.exact)
  return { entities: [...byId.values()], fromCopies, fromTags: orphans.size }
}
