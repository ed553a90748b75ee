// The fields of an entity the page changes, and what an undo of such a change writes back.
import type { Entity, EntityType } from '../../shared/model'

/** The fields of an entity that `entities.update` sets. */
export interface EntityFields {
  name?: string
  type?: EntityType
  customType?: string
  aliases?: string[]
  notes?: string
}

/** The values `fields` would overwrite, as they are now: what an undo writes back. */
export function previousFields(entity: Entity, fields: EntityFields): EntityFields {
  const previous: EntityFields = {}
  if (fields.name !== undefined) previous.name = entity.name
  if (fields.type !== undefined || fields.customType !== undefined) {
    previous.type = entity.type
    previous.customType = entity.customType ?? ''
  }
  if (fields.aliases !== undefined) previous.aliases = [...entity.aliases]
  if (fields.notes !== undefined) previous.notes = entity.notes
  return previous
}
