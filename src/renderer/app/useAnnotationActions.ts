// Every change the analyst makes to an article's annotations, each recorded with its inverse on the undo
// stack. Undoing a removal re-creates the annotation, which gets a new id: later entries still name the
// old id, so ids are resolved through a map of replacements when an entry runs.
import { useEffect, useMemo, useRef } from 'react'
import { dossier } from '../api/client'
import type { Entity, EntityType, Highlight, HighlightColor, Mention } from '../../shared/model'
import type { TextRange } from '../reader/text-range'
import { notifyError } from './notify'
import { pushRemoval } from './push-removal'
import type { UndoEntry, UndoStack } from './useUndoStack'

export interface MentionTarget {
  type: EntityType
  name?: string
  entityId?: string
}

export interface AnnotationActions {
  createHighlight(articleId: string, range: TextRange, color?: HighlightColor): Promise<boolean>
  removeHighlight(articleId: string, highlight: Highlight): Promise<boolean>
  setHighlightNote(
    articleId: string,
    highlight: Highlight,
    note: string,
    previous: string,
    mergeKey?: string,
  ): Promise<boolean>
  setHighlightColor(articleId: string, highlight: Highlight, color: HighlightColor): Promise<boolean>
  createMention(articleId: string, range: TextRange, target: MentionTarget): Promise<boolean>
  removeMention(articleId: string, mention: Mention, entity: Entity | undefined): Promise<boolean>
}

/** `onChanged(articleId)` runs after every change, done, undone or redone, so views can reload. */
export function useAnnotationActions(
  stack: UndoStack,
  onChanged: (articleId: string) => void,
): AnnotationActions {
  const changedRef = useRef(onChanged)
  const replacements = useRef(new Map<string, string>())

  useEffect(() => {
    changedRef.current = onChanged
  })

  return useMemo(() => {
    const changed = (articleId: string) => changedRef.current(articleId)
    const resolve = (id: string) => {
      let current = id
      for (let next = replacements.current.get(current); next; next = replacements.current.get(current))
        current = next
      return current
    }
    const replaced = (oldId: string, newId: string) => replacements.current.set(resolve(oldId), newId)

    async function attempt(title: string, articleId: string, work: () => Promise<void>): Promise<boolean> {
      try {
        await work()
        changed(articleId)
        return true
      } catch (error) {
        notifyError(error, title)
        return false
      }
    }

    const recreateHighlight = async (articleId: string, h: Highlight) => {
      const { start, end } = h.target.position
      const again = await dossier.highlights.create({ articleId, start, end, color: h.color, note: h.note })
      replaced(h.id, again.id)
    }

    const recreateMention = async (
      articleId: string,
      m: Mention,
      entity: Entity | undefined,
      type: EntityType,
    ) => {
      const { start, end } = m.target.position
      let created
      try {
        created = await dossier.mentions.create({ articleId, start, end, type, entityId: m.entityId })
      } catch (error) {
        // The entity may be gone with its last mention; its name brings it back.
        if (!entity) throw error
        created = await dossier.mentions.create({ articleId, start, end, type, name: entity.name })
      }
      replaced(m.id, created.mention.id)
    }

    const withChange = (articleId: string, work: () => Promise<void>) => async () => {
      await work()
      changed(articleId)
    }

    return {
      createHighlight: (articleId, range, color = 'yellow') =>
        attempt('Could not add the highlight', articleId, async () => {
          const created = await dossier.highlights.create({
            articleId,
            start: range.start,
            end: range.end,
            color,
          })
          stack.push({
            label: 'Highlight added',
            undo: withChange(articleId, async () => {
              await dossier.highlights.remove({ articleId, id: resolve(created.id) })
            }),
            redo: withChange(articleId, () => recreateHighlight(articleId, created)),
          })
        }),

      removeHighlight: (articleId, highlight) =>
        attempt('Could not remove the highlight', articleId, async () => {
          const removed = await dossier.highlights.remove({ articleId, id: resolve(highlight.id) })
          const entry: UndoEntry = {
            label: 'Highlight removed',
            undo: withChange(articleId, () => recreateHighlight(articleId, removed)),
            redo: withChange(articleId, async () => {
              await dossier.highlights.remove({ articleId, id: resolve(removed.id) })
            }),
          }
          pushRemoval(stack, 'Highlight removed', entry)
        }),

      setHighlightNote: (articleId, highlight, note, previous, mergeKey) =>
        attempt('Could not save the note', articleId, async () => {
          await dossier.highlights.update({ articleId, id: resolve(highlight.id), note })
          const write = (value: string) =>
            withChange(articleId, async () => {
              await dossier.highlights.update({ articleId, id: resolve(highlight.id), note: value })
            })
          stack.push({ label: 'Note changed', undo: write(previous), redo: write(note), mergeKey })
        }),

      setHighlightColor: (articleId, highlight, color) =>
        attempt('Could not change the colour', articleId, async () => {
          const previous = highlight.color
          await dossier.highlights.update({ articleId, id: resolve(highlight.id), color })
          const write = (value: HighlightColor) =>
            withChange(articleId, async () => {
              await dossier.highlights.update({ articleId, id: resolve(highlight.id), color: value })
            })
          stack.push({ label: 'Colour changed', undo: write(previous), redo: write(color) })
        }),

      createMention: (articleId, range, target) =>
        attempt('Could not tag the entity', articleId, async () => {
          const { mention, entity } = await dossier.mentions.create({
            articleId,
            start: range.start,
            end: range.end,
            type: target.type,
            ...(target.entityId ? { entityId: target.entityId } : { name: target.name }),
          })
          stack.push({
            label: `${entity.name} tagged`,
            undo: withChange(articleId, async () => {
              await dossier.mentions.remove({ articleId, id: resolve(mention.id) })
            }),
            redo: withChange(articleId, () => recreateMention(articleId, mention, entity, entity.type)),
          })
        }),

      removeMention: (articleId, mention, entity) =>
        attempt('Could not remove the mention', articleId, async () => {
          const removed = await dossier.mentions.remove({ articleId, id: resolve(mention.id) })
          const type = entity?.type ?? 'Other'
          const entry: UndoEntry = {
            label: 'Mention removed',
            undo: withChange(articleId, () => recreateMention(articleId, removed, entity, type)),
            redo: withChange(articleId, async () => {
              await dossier.mentions.remove({ articleId, id: resolve(removed.id) })
            }),
          }
          pushRemoval(stack, entity ? `Mention of ${entity.name} removed` : 'Mention removed', entry)
        }),
    }
  }, [stack])
}
