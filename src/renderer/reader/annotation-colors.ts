// Colours of entity types, shared by the reader, the inspector and the entity views (codes carry their
// own colour). An entity of the analyst's own type takes that type's colour wherever a type is painted.
import type { Entity, EntityType, EntityTypeDef } from '../../shared/model'

/** Mantine palette name per entity type. */
export const entityColor: Record<EntityType, string> = {
  Person: 'grape',
  Organization: 'blue',
  Location: 'teal',
  Equipment: 'orange',
  Event: 'pink',
  Date: 'cyan',
  Other: 'gray',
}

const HEX = /^#[0-9a-f]{6}$/i

export function entityCssColor(type: EntityType): string {
  return `var(--mantine-color-${entityColor[type]}-outline)`
}

/** The analyst's type of this entity, when it has one that still exists with a usable colour. */
export function customTypeOf(
  entity: Pick<Entity, 'customType'> | undefined,
  types: readonly EntityTypeDef[],
): EntityTypeDef | undefined {
  if (!entity?.customType) return undefined
  const found = types.find((t) => t.id === entity.customType)
  return found && HEX.test(found.color) ? found : undefined
}

/** The CSS colour of an entity's type: its own type's colour, else the built-in type's. */
export function entityTypeColor(
  entity: Pick<Entity, 'type' | 'customType'>,
  types: readonly EntityTypeDef[],
): string {
  return customTypeOf(entity, types)?.color ?? entityCssColor(entity.type)
}

/** A Mantine `color` prop (palette name or CSS colour) for a badge of the entity's type. */
export function entityBadgeColor(
  entity: Pick<Entity, 'type' | 'customType'>,
  types: readonly EntityTypeDef[],
): string {
  return customTypeOf(entity, types)?.color ?? entityColor[entity.type]
}
