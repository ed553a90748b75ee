// Every change the analyst makes to an article's annotations, each recorded with its inverse on the undo
// stack, and each handed on as the change the services returned, so views patch themselves in place.
// Undoing a removal re-creates the annotation, which gets a new id: later entries still name the old id,
// so ids are resolved through a map of replacements when an entry runs.
import { useEffect, useMemo, useRef } from 'react'
import type { HighlightChange, MentionChange } from '../../shared/api'
import type { ArticleSummary, Entity, EntityType, Highlight, Mention } from '../../shared/model'
import { dossier } from '../api/client'
import type { TextRange } from '../reader/text-range'
import { notifyError } from './notify'
import { pushRemoval } from './push-removal'
import type { UndoEntry, UndoStack } from './useUndoStack'

export interface MentionTarget {
  type: EntityType
  name?: string
  entityId?: string
}

/** What changed, as the services returned it. */
export type AnnotationDelta =
  | { kind: 'highlight'; articleId: string; highlight: Highlight; summary: ArticleSummary }
  | { kind: 'highlight-removed'; articleId: string; id: string; summary: ArticleSummary }
  | { kind: 'mention'; articleId: string; mention: Mention; entity: Entity; summary: ArticleSummary }
  | { kind: 'mention-removed'; articleId: string; id: string; summary: ArticleSummary }

export interface AnnotationActions {
  /** Resolves to the new highlight, or null when it could not be added (the error is shown). */
  createHighlight(articleId: string, range: TextRange, codeId?: string): Promise<Highlight | null>
  removeHighlight(articleId: string, highlight: Highlight): Promise<boolean>
  setHighlightNote(
    articleId: string,
    highlight: Highlight,
    note: string,
    previous: string,
    mergeKey?: string,
  ): Promise<boolean>
  setHighlightCode(articleId: string, highlight: Highlight, codeId: string): Promise<boolean>
  createMention(articleId: string, range: TextRange, target: MentionTarget): Promise<boolean>
  removeMention(articleId: string, mention: Mention, entity: Entity | undefined): Promise<boolean>
}

export function useAnnotationActions(
  stack: UndoStack,
  onDelta: (delta: AnnotationDelta) => void,
): AnnotationActions {
  const deltaRef = useRef(onDelta)
  const replacements = useRef(new Map<string, string>())

  useEffect(() => {
    deltaRef.current = onDelta
  })

  return useMemo(() => {
    const resolve = (id: string) => {
      let current = id
      for (let next = replacements.current.get(current); next; next = replacements.current.get(current))
        current = next
      return current
    }
    const replaced = (oldId: string, newId: string) => replacements.current.set(resolve(oldId), newId)

    const putHighlight = (articleId: string, { highlight, summary }: HighlightChange) => {
      deltaRef.current({ kind: 'highlight', articleId, highlight, summary })
      return highlight
    }
    const dropHighlight = (articleId: string, { highlight, summary }: HighlightChange) => {
      deltaRef.current({ kind: 'highlight-removed', articleId, id: highlight.id, summary })
      return highlight
    }
    const putMention = (articleId: string, change: MentionChange) => {
      deltaRef.current({ kind: 'mention', articleId, ...change })
      return change
    }
    const dropMention = (articleId: string, change: { mention: Mention; summary: ArticleSummary }) => {
      deltaRef.current({ kind: 'mention-removed', articleId, id: change.mention.id, summary: change.summary })
      return change.mention
    }

    async function attempt<T>(title: string, work: () => Promise<T>): Promise<T | null> {
      try {
        return await work()
      } catch (error) {
        notifyError(error, title)
        return null
      }
    }

    const recreateHighlight = async (articleId: string, h: Highlight) => {
      const { start, end } = h.target.position
      const again = putHighlight(
        articleId,
        await dossier.highlights.create({ articleId, start, end, codeId: h.codeId, note: h.note }),
      )
      replaced(h.id, again.id)
    }
    const removeHighlightNow = async (articleId: string, id: string) =>
      dropHighlight(articleId, await dossier.highlights.remove({ articleId, id: resolve(id) }))
    const updateHighlightNow = async (
      articleId: string,
      id: string,
      change: { note?: string; codeId?: string },
    ) => putHighlight(articleId, await dossier.highlights.update({ articleId, id: resolve(id), ...change }))

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
      putMention(articleId, created)
      replaced(m.id, created.mention.id)
    }
    const removeMentionNow = async (articleId: string, id: string) =>
      dropMention(articleId, await dossier.mentions.remove({ articleId, id: resolve(id) }))

    return {
      createHighlight: (articleId, range, codeId) =>
        attempt('Could not add the highlight', async () => {
          const created = putHighlight(
            articleId,
            await dossier.highlights.create({ articleId, start: range.start, end: range.end, codeId }),
          )
          stack.push({
            label: 'Highlight added',
            undo: async () => void (await removeHighlightNow(articleId, created.id)),
            redo: () => recreateHighlight(articleId, created),
          })
          return created
        }),

      removeHighlight: async (articleId, highlight) =>
        (await attempt('Could not remove the highlight', async () => {
          const removed = await removeHighlightNow(articleId, highlight.id)
          const entry: UndoEntry = {
            label: 'Highlight removed',
            undo: () => recreateHighlight(articleId, removed),
            redo: async () => void (await removeHighlightNow(articleId, removed.id)),
          }
          pushRemoval(stack, 'Highlight removed', entry)
          return true
        })) ?? false,

      setHighlightNote: async (articleId, highlight, note, previous, mergeKey) =>
        (await attempt('Could not save the note', async () => {
          await updateHighlightNow(articleId, highlight.id, { note })
          const write = (value: string) => async () =>
            void (await updateHighlightNow(articleId, highlight.id, { note: value }))
          stack.push({ label: 'Note changed', undo: write(previous), redo: write(note), mergeKey })
          return true
        })) ?? false,

      setHighlightCode: async (articleId, highlight, codeId) =>
        (await attempt('Could not change the code', async () => {
          const previous = highlight.codeId
          await updateHighlightNow(articleId, highlight.id, { codeId })
          const write = (value: string) => async () =>
            void (await updateHighlightNow(articleId, highlight.id, { codeId: value }))
          stack.push({ label: 'Code changed', undo: write(previous), redo: write(codeId) })
          return true
        })) ?? false,

      createMention: async (articleId, range, target) =>
        (await attempt('Could not tag the entity', async () => {
          const { mention, entity } = putMention(
            articleId,
            await dossier.mentions.create({
              articleId,
              start: range.start,
              end: range.end,
              type: target.type,
              ...(target.entityId ? { entityId: target.entityId } : { name: target.name }),
            }),
          )
          stack.push({
            label: `${entity.name} tagged`,
            undo: async () => void (await removeMentionNow(articleId, mention.id)),
            redo: () => recreateMention(articleId, mention, entity, entity.type),
          })
          return true
        })) ?? false,

      removeMention: async (articleId, mention, entity) =>
        (await attempt('Could not remove the mention', async () => {
          const removed = await removeMentionNow(articleId, mention.id)
          const type = entity?.type ?? 'Other'
          const entry: UndoEntry = {
            label: 'Mention removed',
            undo: () => recreateMention(articleId, removed, entity, type),
            redo: async () => void (await removeMentionNow(articleId, removed.id)),
          }
          pushRemoval(stack, entity ? `Mention of ${entity.name} removed` : 'Mention removed', entry)
          return true
        })) ?? false,
    }
  }, [stack])
}
