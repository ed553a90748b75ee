// Changes to the entity list: rename, retype, aliases and notes, merge and unmerge, split an alias off,
// delete and restore, and the analyst's own types. Each works on the list in memory and is written by
// the caller in one `updateEntities`, and each has an inverse the renderer's undo calls: update with
// the previous values, unmerge, merge back, restore.
import { DossierError } from '../../../shared/errors'
import { ENTITY_TYPES, type Entity, type EntityType, type EntityTypeDef } from '../../../shared/model'
import { newId } from '../store/ids'
import { entityResolver, foldName, isLive, mergedForms } from './resolve'

const tidy = (name: string) => name.replace(/\s+/g, ' ').trim()

export function liveEntity(entities: readonly Entity[], id: string): Entity {
  const entity = entities.find((e) => e.id === id)
  if (!entity || !isLive(entity))
    throw new DossierError('not-found', 'That entity no longer exists. It may have been merged or deleted.')
  return entity
}

function typeLabel(entity: Pick<Entity, 'type' | 'customType'>, types: readonly EntityTypeDef[]): string {
  return types.find((t) => t.id === entity.customType)?.name ?? entity.type
}

/** Two live entities of one type never share a name: the analyst merges them instead. */
function assertNameFree(
  entities: readonly Entity[],
  types: readonly EntityTypeDef[],
  wanted: Pick<Entity, 'name' | 'type' | 'customType'>,
  except?: string,
): void {
  const key = foldName(wanted.name)
  const clash = entities.find(
    (e) =>
      e.id !== except &&
      isLive(e) &&
      e.type === wanted.type &&
      e.customType === wanted.customType &&
      foldName(e.name) === key,
  )
  if (clash) {
    throw new DossierError(
      'invalid-argument',
      `There is already a ${typeLabel(clash, types)} named "${clash.name}". Merge the two instead.`,
    )
  }
}

export interface EntityFields {
  name?: string
  type?: EntityType
  /** An EntityTypeDef id, or '' for none. */
  customType?: string
  aliases?: string[]
  notes?: string
}

/** The type and custom type after an update: a custom type makes the type 'Other'. */
function nextType(
  entity: Entity,
  fields: EntityFields,
  types: readonly EntityTypeDef[],
): Pick<Entity, 'type' | 'customType'> {
  if (fields.customType !== undefined && fields.customType !== '') {
    if (!types.some((t) => t.id === fields.customType))
      throw new DossierError('not-found', 'That entity type no longer exists. Choose another.')
    return { type: 'Other', customType: fields.customType }
  }
  const type = fields.type ?? entity.type
  const keep = fields.customType === undefined && type === 'Other' ? entity.customType : undefined
  return { type, customType: keep }
}

/**
 * Renames, retypes, sets aliases or notes. `aliases` is the list as the analyst sees it, the merged
 * entities' forms included: those stay on their tombstones (a form taken off is taken off there).
 */
export function updateEntity(
  entities: Entity[],
  types: readonly EntityTypeDef[],
  id: string,
  fields: EntityFields,
): Entity {
  const entity = liveEntity(entities, id)
  const name = fields.name === undefined ? entity.name : tidy(fields.name)
  const { type, customType } = nextType(entity, fields, types)
  assertNameFree(entities, types, { name, type, customType }, id)
  entity.name = name
  entity.type = type
  if (customType === undefined) delete entity.customType
  else entity.customType = customType
  if (fields.notes !== undefined) entity.notes = fields.notes
  if (fields.aliases !== undefined) setAliases(entities, entity, fields.aliases)
  else entity.aliases = entity.aliases.filter((a) => foldName(a) !== foldName(name))
  return entity
}

function setAliases(entities: Entity[], entity: Entity, wanted: readonly string[]): void {
  const brought = new Set((mergedForms(entities).get(entity.id) ?? []).map(foldName))
  const keys = new Set(wanted.map(foldName))
  const seen = new Set([foldName(entity.name)])
  const own: string[] = []
  for (const alias of wanted.map(tidy)) {
    const key = foldName(alias)
    if (seen.has(key) || brought.has(key)) continue
    seen.add(key)
    own.push(alias)
  }
  entity.aliases = own
  // A form a merged entity brought that the analyst took off goes from that entity's aliases too.
  const resolve = entityResolver(entities)
  for (const tomb of entities) {
    if (tomb.mergedInto === undefined || resolve(tomb.id) !== entity.id) continue
    tomb.aliases = tomb.aliases.filter((a) => keys.has(foldName(a)) || seen.has(foldName(a)))
  }
}

/**
 * Merges `ids` into `into`: each becomes a tombstone pointing at it, so its mentions count as `into`'s
 * and its name and aliases show as `into`'s aliases. Returns the entities merged, for the undo.
 */
export function mergeEntities(entities: Entity[], ids: readonly string[], into: string): Entity[] {
  const target = liveEntity(entities, into)
  const merged = [...new Set(ids)].filter((id) => id !== into).map((id) => liveEntity(entities, id))
  if (merged.length === 0)
    throw new DossierError('invalid-argument', 'Choose at least one other entity to merge.')
  // Entities merged into these before keep pointing at them: unmerging one brings its own back with it.
  for (const entity of merged) entity.mergedInto = target.id
  return merged
}

/** Undoes merges: each entity comes back with its own name, aliases and mentions. */
export function unmergeEntities(entities: Entity[], ids: readonly string[]): Entity[] {
  const back: Entity[] = []
  for (const id of new Set(ids)) {
    const entity = entities.find((e) => e.id === id)
    if (!entity) throw new DossierError('not-found', 'That entity is not in the workspace any more.')
    if (entity.mergedInto === undefined) continue
    delete entity.mergedInto
    back.push(entity)
  }
  return back
}

export function removeEntity(entities: Entity[], id: string): Entity {
  const entity = liveEntity(entities, id)
  entity.removedAt = new Date().toISOString()
  return entity
}

export function restoreEntity(entities: Entity[], id: string): Entity {
  const entity = entities.find((e) => e.id === id)
  if (!entity) throw new DossierError('not-found', 'That entity is not in the workspace any more.')
  delete entity.removedAt
  return entity
}

export interface SplitPlan {
  /** The entity the alias now names: new, or a merged entity brought back. */
  split: Entity
  /** The folded alias: mentions written so move to `split`. */
  form: string
  /** Entity ids whose mentions may move: the entity and what was merged into it. */
  from: Set<string>
}

/**
 * Makes an alias an entity of its own (type given, or the same). When the alias is the name of an
 * entity merged into this one, that merge is undone instead. The caller writes the list, then moves
 * the mentions written as the alias (`from` → `split`).
 */
export function splitEntity(
  entities: Entity[],
  types: readonly EntityTypeDef[],
  id: string,
  alias: string,
  type?: EntityType,
): SplitPlan {
  const entity = liveEntity(entities, id)
  const form = foldName(alias)
  if (form === foldName(entity.name))
    throw new DossierError('invalid-argument', `"${entity.name}" is the entity's name: rename it instead.`)
  const resolve = entityResolver(entities)
  const merged = entities.filter((e) => e.mergedInto !== undefined && resolve(e.id) === entity.id)
  const from = new Set([entity.id, ...merged.map((e) => e.id)])
  const ownAt = entity.aliases.findIndex((a) => foldName(a) === form)
  const named = merged.find((e) => foldName(e.name) === form)
  const aliasedBy = merged.find((e) => e.aliases.some((a) => foldName(a) === form))
  if (ownAt < 0 && !named && !aliasedBy)
    throw new DossierError('not-found', `"${tidy(alias)}" is not an alias of ${entity.name}.`)
  // The entity is named as the alias was written, not as the analyst typed it in the split dialog.
  const written = tidy(
    (ownAt >= 0 ? entity.aliases[ownAt] : aliasedBy?.aliases.find((a) => foldName(a) === form)) ?? alias,
  )
  const split: Entity = named ?? {
    id: newId(),
    name: written,
    type: type ?? entity.type,
    aliases: [],
    notes: '',
    createdAt: new Date().toISOString(),
    ...(type === undefined && entity.customType !== undefined ? { customType: entity.customType } : {}),
  }
  // Checked before anything changes: a refused split leaves the list as it was.
  if (!named) assertNameFree(entities, types, split)
  if (ownAt >= 0) entity.aliases.splice(ownAt, 1)
  if (named) {
    delete named.mergedInto
    if (type !== undefined && type !== named.type) {
      named.type = type
      delete named.customType
    }
    from.delete(named.id)
    return { split: named, form, from }
  }
  if (aliasedBy) aliasedBy.aliases = aliasedBy.aliases.filter((a) => foldName(a) !== form)
  entities.push(split)
  return { split, form, from }
}

const BUILT_IN = new Set(ENTITY_TYPES.map((t) => foldName(t)))

function assertTypeNameFree(types: readonly EntityTypeDef[], name: string, except?: string): void {
  const key = foldName(name)
  if (BUILT_IN.has(key)) throw new DossierError('invalid-argument', `"${name}" is a built-in type already.`)
  const clash = types.find((t) => t.id !== except && foldName(t.name) === key)
  if (clash) throw new DossierError('invalid-argument', `There is already a type named "${clash.name}".`)
}

export function createEntityType(
  types: EntityTypeDef[],
  fields: { name: string; color: string },
): EntityTypeDef {
  const name = tidy(fields.name)
  assertTypeNameFree(types, name)
  const type = { id: newId(), name, color: fields.color.toLowerCase(), createdAt: new Date().toISOString() }
  types.push(type)
  return type
}

export function updateEntityType(
  types: EntityTypeDef[],
  id: string,
  fields: { name?: string; color?: string },
): EntityTypeDef {
  const type = types.find((t) => t.id === id)
  if (!type) throw new DossierError('not-found', 'That entity type no longer exists.')
  if (fields.name !== undefined) {
    const name = tidy(fields.name)
    assertTypeNameFree(types, name, id)
    type.name = name
  }
  if (fields.color !== undefined) type.color = fields.color.toLowerCase()
  return type
}
