// Which live entity an entity id stands for. A merge leaves the merged entities as tombstones
// (`mergedInto`) and a deletion marks one `removedAt`, so mentions keep their own entity id and an undo
// is one write of the entity list; everything that hands entities or mentions out resolves them here.
import type { Entity } from '../../../shared/model'

/** Neither merged into another nor deleted: what pickers, the index and the network show. */
export const isLive = (entity: Entity) => entity.mergedInto === undefined && entity.removedAt === undefined

/**
 * The live entity id `id` stands for, following merges to the end; undefined when that entity is
 * deleted (its mentions are hidden). An id the list does not know is passed through unchanged, as
 * codeResolver does, so a mention whose entity is being recovered still shows.
 */
export function entityResolver(entities: readonly Entity[]): (id: string) => string | undefined {
  const byId = new Map(entities.map((e) => [e.id, e]))
  const cache = new Map<string, string | undefined>()
  return (id) => {
    if (cache.has(id)) return cache.get(id)
    let entity = byId.get(id)
    const seen = new Set<string>()
    while (entity?.mergedInto !== undefined && !seen.has(entity.id)) {
      seen.add(entity.id)
      const next = byId.get(entity.mergedInto)
      if (!next) break
      entity = next
    }
    const resolved = entity === undefined ? id : entity.removedAt === undefined ? entity.id : undefined
    cache.set(id, resolved)
    return resolved
  }
}

const fold = (name: string) => name.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim()
export { fold as foldName }

/**
 * The names and aliases the tombstones merged into each live entity bring to it, by live id. They are
 * kept on the tombstones, never copied onto the entity kept, so an unmerge takes off exactly those.
 */
export function mergedForms(entities: readonly Entity[]): Map<string, string[]> {
  const resolve = entityResolver(entities)
  const forms = new Map<string, string[]>()
  for (const entity of entities) {
    if (entity.mergedInto === undefined || entity.removedAt !== undefined) continue
    const into = resolve(entity.id)
    if (into === undefined || into === entity.id) continue
    const list = forms.get(into) ?? []
    list.push(entity.name, ...entity.aliases)
    forms.set(into, list)
  }
  return forms
}

/** The entity as the services hand it out: its own aliases and those its merged entities bring. */
function presented(entity: Entity, brought: readonly string[] | undefined): Entity {
  if (!brought?.length) return entity
  const taken = new Set([fold(entity.name), ...entity.aliases.map(fold)])
  const aliases = [...entity.aliases]
  for (const form of brought) {
    const key = fold(form)
    if (taken.has(key)) continue
    taken.add(key)
    aliases.push(form)
  }
  return { ...entity, aliases }
}

/** The live entities, each with the aliases of what was merged into it. */
export function presentEntities(entities: readonly Entity[]): Entity[] {
  const forms = mergedForms(entities)
  return entities.filter(isLive).map((e) => presented(e, forms.get(e.id)))
}

/** Every entity id (tombstones' too) to the live entity it stands for, as presented; deleted ones left out. */
export function entityLookup(entities: readonly Entity[]): Map<string, Entity> {
  const live = new Map(presentEntities(entities).map((e) => [e.id, e]))
  const resolve = entityResolver(entities)
  const lookup = new Map<string, Entity>()
  for (const entity of entities) {
    const into = resolve(entity.id)
    const found = into === undefined ? undefined : live.get(into)
    if (found) lookup.set(entity.id, found)
  }
  return lookup
}

/** The live entity `id` stands for, as stored (for changing it), or undefined. */
export function liveEntityOf(entities: readonly Entity[], id: string): Entity | undefined {
  const into = entityResolver(entities)(id)
  const entity = into === undefined ? undefined : entities.find((e) => e.id === into)
  return entity && isLive(entity) ? entity : undefined
}
