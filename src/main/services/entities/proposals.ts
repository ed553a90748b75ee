// Suggestions that propose a new entity (`proposed: { name, type }`, no entity id): the entities their
// acceptance makes, and the mention as it is once accepted or taken back. docs/NER.md, "Suggestions".
import type { Mention, ProposedEntity } from '../../../shared/model'
import { noteAlias, resolveEntity } from '../annotate/mentions'
import type { Workspace } from '../store/workspace'
import { proposalKey } from './suggest'
import { byArticle } from './tag-all'

/** The key of what a proposal proposes, or undefined for a mention of an entity. */
export const proposalOf = (m: Mention): string | undefined =>
  m.entityId === undefined && m.proposed ? proposalKey(m.proposed.type, m.proposed.name) : undefined

/**
 * The entity each proposal among these suggestions stands for: the live one of that name (or alias) and
 * type, made meanwhile or not, else a new one. The entity list is written before any mention points at
 * the entities (as for a tag made by hand), in one write whatever the number of proposals.
 */
export async function entitiesForProposals(
  workspace: Workspace,
  items: readonly { articleId: string; id: string }[],
): Promise<{ ids: Map<string, string>; created: string[] }> {
  const proposals = new Map<string, ProposedEntity & { forms: Set<string> }>()
  for (const [articleId, list] of byArticle(items)) {
    if (!workspace.summary(articleId)) continue
    const ids = new Set(list.map((i) => i.id))
    for (const m of (await workspace.peekArticle(articleId)).mentions) {
      const key = proposalOf(m)
      if (!key || !ids.has(m.id) || m.status !== 'suggested') continue
      const entry = proposals.get(key) ?? { ...m.proposed!, forms: new Set<string>() }
      entry.forms.add(m.target.quote.exact)
      proposals.set(key, entry)
    }
  }
  const ids = new Map<string, string>()
  const created: string[] = []
  if (proposals.size === 0) return { ids, created }
  await workspace.updateEntities((entities) => {
    let changed = false
    for (const [key, p] of proposals) {
      const { entity, created: made } = resolveEntity(entities, { type: p.type, name: p.name }, p.name)
      if (made) {
        entities.push(entity)
        created.push(entity.id)
      }
      // A form other than the name (a possessive, other spacing) becomes an alias, as for a hand tag.
      for (const form of p.forms) changed = noteAlias(entity, form) || changed
      changed ||= made
      ids.set(key, entity.id)
    }
    return { changed, result: undefined }
  })
  return { ids, created }
}

/** The accepted proposal as a mention of its entity; it keeps `proposed`, so its undo can restore it. */
export function acceptedAs(m: Mention, ids: ReadonlyMap<string, string>): Mention {
  const key = proposalOf(m)
  const entityId = key === undefined ? undefined : ids.get(key)
  return entityId === undefined ? m : { ...m, entityId }
}

/** An accepted proposal made a suggestion again proposes its entity again, of no entity. */
export function reopened(m: Mention): Mention {
  if (m.proposed === undefined || m.status !== 'confirmed') return m
  const { entityId: _entityId, ...rest } = m
  return rest
}
