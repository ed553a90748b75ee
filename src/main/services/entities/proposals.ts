// Suggestions that propose a new entity (`proposed: { name, type }`, no entity id): the entities their
// acceptance makes, and the mention as it is once accepted or taken back. docs/NER.md, "Suggestions".
import type { Entity, Mention, ProposedEntity } from '../../../shared/model'
import { noteAlias, resolveEntity } from '../annotate/mentions'
import type { Workspace } from '../store/workspace'
import { proposalKey } from './suggest'
import { byArticle } from './tag-all'

/** The key of what a proposal proposes, or undefined for a mention of an entity. */
export const proposalOf = (m: Mention): string | undefined =>
  m.entityId === undefined && m.proposed ? proposalKey(m.proposed.type, m.proposed.name) : undefined

/**
 * Accepting these suggestions, as one joint change of the workspace (`Workspace.changeTogether`): the
 * entity each proposal stands for (the live one of that name or alias and type, made meanwhile or not,
 * else a new one) and every chosen mention confirmed, pointing at it. The journal makes it land whole,
 * as a merge is one write of the entity list: a crash never leaves a new entity without its mentions.
 */
export async function acceptSuggestions(
  workspace: Workspace,
  items: readonly { articleId: string; id: string }[],
): Promise<{ accepted: { articleId: string; mentionId: string }[]; created: string[] }> {
  const chosen: { articleId: string; mentions: Mention[] }[] = []
  const proposals = new Map<string, ProposedEntity & { forms: Set<string> }>()
  for (const [articleId, list] of byArticle(items)) {
    if (!workspace.summary(articleId)) continue
    const ids = new Set(list.map((i) => i.id))
    const mentions = (await workspace.peekArticle(articleId)).mentions.filter(
      (m) => ids.has(m.id) && m.status === 'suggested' && (m.entityId !== undefined || proposalOf(m)),
    )
    for (const m of mentions) {
      const key = proposalOf(m)
      if (!key) continue
      const entry = proposals.get(key) ?? { ...m.proposed!, forms: new Set<string>() }
      entry.forms.add(m.target.quote.exact)
      proposals.set(key, entry)
    }
    if (mentions.length > 0) chosen.push({ articleId, mentions })
  }
  // Planned on a copy of the list; the journal carries what changed.
  const entities = structuredClone(workspace.entities)
  const changed = new Map<string, Entity>()
  const ids = new Map<string, string>()
  const created: string[] = []
  for (const [key, p] of proposals) {
    const { entity, created: made } = resolveEntity(entities, { type: p.type, name: p.name }, p.name)
    if (made) {
      entities.push(entity)
      created.push(entity.id)
    }
    // A form other than the name (a possessive, other spacing) becomes an alias, as for a hand tag.
    let aliased = false
    for (const form of p.forms) aliased = noteAlias(entity, form) || aliased
    if (made || aliased) changed.set(entity.id, entity)
    ids.set(key, entity.id)
  }
  const accepted = await workspace.changeTogether({
    entities: [...changed.values()],
    articles: chosen.map(({ articleId, mentions }) => ({
      id: articleId,
      mentions: mentions.map((m) => ({ ...acceptedAs(m, ids), status: 'confirmed' as const })),
    })),
  })
  return { accepted, created }
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
