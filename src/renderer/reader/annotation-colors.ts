// Colours of entity types, shared by the reader and the inspector (codes carry their own colour).
import type { EntityType } from '../../shared/model'

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

export function entityCssColor(type: EntityType): string {
  return `var(--mantine-color-${entityColor[type]}-outline)`
}
