// What the analyst does to an entity from its page: rename, retype, aliases, notes, split an alias off,
// merge others into it, delete it. Each goes on the shared undo stack with its exact inverse (the
// previous fields, unmerge, merge back, restore) and, but for notes, offers Undo in a short notice.
import { useEffect, useMemo, useRef } from 'react'
import type { Entity, EntityType, EntityTypeDef } from '../../shared/model'
import { previousFields, type EntityFields } from './entity-fields'
import { dossier } from '../api/client'
import { refreshEntityTypes } from './useEntityTypes'
import { notifyError } from '../app/notify'
import { pushRemoval } from '../app/push-removal'
import type { UndoStack } from '../app/useUndoStack'
import { plural } from '../import/summarize-imports'

export interface EntityChangeEvents {
  /** The entity list changed; `openId` is the entity to show now (null: none in particular). */
  onChanged(openId?: string | null): void
}

export interface EntityActions {
  update(entity: Entity, fields: EntityFields, done: { label: string; message: string }): Promise<boolean>
  /** Notes are saved as the analyst types: consecutive saves fold into one undo, with no notice. */
  saveNotes(entity: Entity, notes: string): Promise<boolean>
  split(entity: Entity, alias: string, type?: EntityType): Promise<boolean>
  merge(into: Entity, others: readonly Pick<Entity, 'id' | 'name'>[]): Promise<boolean>
  remove(entity: Entity): Promise<boolean>
  recolorType(type: EntityTypeDef, change: { name?: string; color?: string }): Promise<boolean>
}

export function useEntityActions(stack: UndoStack, events: EntityChangeEvents): EntityActions {
  const eventsRef = useRef(events)
  useEffect(() => {
    eventsRef.current = events
  })

  return useMemo<EntityActions>(() => {
    const changed = (openId?: string | null) => eventsRef.current.onChanged(openId)

    async function attempt(failure: string, work: () => Promise<void>): Promise<boolean> {
      try {
        await work()
        return true
      } catch (error) {
        notifyError(error, failure)
        return false
      }
    }

    const write = (id: string, fields: EntityFields) => async () => {
      await dossier.entities.update({ id, ...fields })
      changed()
    }

    return {
      update: (entity, fields, done) =>
        attempt(`Could not change ${entity.name}`, async () => {
          await write(entity.id, fields)()
          pushRemoval(stack, done.message, {
            label: done.label,
            undo: write(entity.id, previousFields(entity, fields)),
            redo: write(entity.id, fields),
          })
        }),

      saveNotes: (entity, notes) =>
        attempt(`Could not save the notes on ${entity.name}`, async () => {
          await write(entity.id, { notes })()
          stack.push({
            label: 'Notes changed',
            undo: write(entity.id, { notes: entity.notes }),
            redo: write(entity.id, { notes }),
            mergeKey: `entity-notes:${entity.id}`,
          })
        }),

      split: (entity, alias, type) =>
        attempt(`Could not split “${alias}” off ${entity.name}`, async () => {
          const doSplit = async () => {
            const result = await dossier.entities.split({ id: entity.id, alias, type })
            changed(result.split.id)
            return result
          }
          const { split, moved } = await doSplit()
          pushRemoval(stack, `“${split.name}” is an entity of its own, with ${plural(moved, 'mention')}`, {
            label: `${split.name} split off`,
            // Merged back, the alias and its mentions count as the entity's again; splitting it
            // again then brings back this very entity.
            undo: async () => {
              await dossier.entities.merge({ ids: [split.id], into: entity.id })
              changed(entity.id)
            },
            redo: async () => void (await doSplit()),
          })
        }),

      merge: (into, others) =>
        attempt(`Could not merge into ${into.name}`, async () => {
          const ids = others.map((o) => o.id)
          const doMerge = async () => {
            const { merged } = await dossier.entities.merge({ ids, into: into.id })
            changed(into.id)
            return merged
          }
          const merged = await doMerge()
          const names =
            others.length === 1 ? `“${others[0]!.name}”` : plural(others.length, 'entity', 'entities')
          pushRemoval(stack, `${names} merged into ${into.name}`, {
            label: `Merged into ${into.name}`,
            undo: async () => {
              await dossier.entities.unmerge({ ids: merged.map((e) => e.id) })
              changed(into.id)
            },
            redo: async () => void (await doMerge()),
          })
        }),

      remove: (entity) =>
        attempt(`Could not delete ${entity.name}`, async () => {
          const doRemove = async () => {
            await dossier.entities.remove({ id: entity.id })
            changed(null)
          }
          await doRemove()
          pushRemoval(stack, `${entity.name} deleted, with its mentions`, {
            label: `${entity.name} deleted`,
            undo: async () => {
              await dossier.entities.restore({ id: entity.id })
              changed(entity.id)
            },
            redo: doRemove,
          })
        }),

      recolorType: (type, change) =>
        attempt(`Could not change the type ${type.name}`, async () => {
          const writeType = (fields: { name?: string; color?: string }) => async () => {
            await dossier.entityTypes.update({ id: type.id, ...fields })
            await refreshEntityTypes()
            changed()
          }
          const before = {
            ...(change.name !== undefined ? { name: type.name } : {}),
            ...(change.color !== undefined ? { color: type.color } : {}),
          }
          await writeType(change)()
          pushRemoval(stack, `Type ${change.name ?? type.name} changed`, {
            label: 'Type changed',
            undo: writeType(before),
            redo: writeType(change),
          })
        }),
    }
  }, [stack])
}
