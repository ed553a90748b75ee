// Entity tags: a mention anchors a range of an article to an entity of the workspace. Naming an
// existing entity (or one of its aliases) reuses it; a different surface form becomes an alias.
import { DossierError } from '../../../shared/errors'
import type { Article, Entity, EntityType, Mention } from '../../../shared/model'
import { newId } from '../store/ids'
import { insertByPosition } from '../../../shared/reading-order'
import { targetFor } from './target'
import { isLive, liveEntityOf } from '../entities/resolve'

export interface EntityChoice {
  type: EntityType
  name?: string
  entityId?: string
}

const key = (name: string) => name.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim()

/**
 * The live entity a name of this type stands for: a live entity's name or alias, else the name or alias
 * of one merged into another (which stands for that one). Deleted entities are never found.
 */
export function findEntity(entities: readonly Entity[], name: string, type: EntityType): Entity | undefined {
  const wanted = key(name)
  const named = (e: Entity) =>
    e.type === type && (key(e.name) === wanted || e.aliases.some((a) => key(a) === wanted))
  const live = entities.find((e) => isLive(e) && named(e))
  if (live) return live
  const merged = entities.find((e) => e.mergedInto !== undefined && e.removedAt === undefined && named(e))
  return merged && liveEntityOf(entities, merged.id)
}

/** The entity a new mention refers to: `created` is true when it must be added to the workspace. */
export function resolveEntity(
  entities: readonly Entity[],
  choice: EntityChoice,
  surface: string,
): { entity: Entity; created: boolean } {
  if (choice.entityId) {
    // A merged entity's id (a picker opened before the merge) tags the entity it was merged into.
    const entity = liveEntityOf(entities, choice.entityId)
    if (!entity)
      throw new DossierError('not-found', 'That entity no longer exists. Choose another or type a name.')
    return { entity, created: false }
  }
  const name = (choice.name ?? surface).replace(/\s+/g, ' ').trim()
  const existing = findEntity(entities, name, choice.type) ?? findEntity(entities, surface, choice.type)
  if (existing) return { entity: existing, created: false }
  const entity: Entity = {
    id: newId(),
    name,
    type: choice.type,
    aliases: [],
    notes: '',
    createdAt: new Date().toISOString(),
  }
  return { entity, created: true }
}

/** Records the surface form as an alias when it differs from the name, e.g. the typo "Kin Jong Un". */
export function noteAlias(entity: Entity, surface: string): boolean {
  const form = surface.replace(/\s+/g, ' ').trim()
  if (key(form) === key(entity.name) || entity.aliases.some((a) => key(a) === key(form))) return false
  entity.aliases.push(form)
  return true
}

export function newMention(
  article: Pick<Article, 'text'>,
  entity: Entity,
  start: number,
  end: number,
): Mention {
  return {
    id: newId(),
    entityId: entity.id,
    target: targetFor(article.text, start, end),
    status: 'confirmed',
    createdAt: new Date().toISOString(),
  }
}

/** Creates the mention and adds it to the article (for fixtures that build articles in memory). */
export function addMention(article: Article, entity: Entity, start: number, end: number): Mention {
  const mention = newMention(article, entity, start, end)
  insertByPosition(article.mentions, mention)
  return mention
}

export function findMention(article: Pick<Article, 'mentions'>, id: string): Mention {
  const mention = article.mentions.find((m) => m.id === id)
  if (!mention) throw new DossierError('not-found', 'That tag no longer exists. It may have been removed.')
  return mention
}
