// What the analyst does to many articles at once: move them to the trash, put them in a case or take
// them out, tag and untag them. Each goes on the shared undo stack with its exact inverse.
import { useEffect, useMemo, useRef } from 'react'
import type { ArticleSummary } from '../../shared/model'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { pushRemoval } from '../app/push-removal'
import type { UndoStack } from '../app/useUndoStack'
import { plural } from '../import/summarize-imports'

export interface LibraryChangeEvents {
  /** Articles left or came back to the library. */
  onListChanged(removed: string[]): void
  /** Rows changed in place. */
  onSummaries(rows: ArticleSummary[]): void
}

export interface LabelChange {
  addCases?: string[]
  removeCases?: string[]
  addTags?: string[]
  removeTags?: string[]
}

export interface LibraryActions {
  remove(articles: readonly Pick<ArticleSummary, 'id' | 'title'>[]): Promise<boolean>
  label(articles: readonly ArticleSummary[], change: LabelChange, label: string): Promise<boolean>
}

const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase()

/** The change that puts back exactly what `change` did: only what each article did not have before. */
export function inverseOf(
  articles: readonly ArticleSummary[],
  change: LabelChange,
): [string[], LabelChange][] {
  const groups = new Map<string, [string[], LabelChange]>()
  for (const article of articles) {
    const cases = article.cases ?? []
    const tags = article.tags ?? []
    const inverse: LabelChange = {
      removeCases: change.addCases?.filter((c) => !cases.includes(c)),
      addCases: change.removeCases?.filter((c) => cases.includes(c)),
      removeTags: change.addTags?.filter((t) => !tags.some((have) => same(have, t))),
      addTags: change.removeTags?.flatMap((t) => tags.filter((have) => same(have, t))),
    }
    for (const key of Object.keys(inverse) as (keyof LabelChange)[])
      if (!inverse[key]?.length) delete inverse[key]
    if (Object.keys(inverse).length === 0) continue
    const key = JSON.stringify(inverse)
    const group = groups.get(key) ?? [[], inverse]
    group[0].push(article.id)
    groups.set(key, group)
  }
  return [...groups.values()]
}

export function useLibraryActions(stack: UndoStack, events: LibraryChangeEvents): LibraryActions {
  const eventsRef = useRef(events)
  useEffect(() => {
    eventsRef.current = events
  })

  return useMemo<LibraryActions>(() => {
    const removeMany = (ids: string[]) => async () => {
      await dossier.articles.removeMany({ ids })
      eventsRef.current.onListChanged(ids)
    }
    const restoreMany = (ids: string[]) => async () => {
      await dossier.articles.restoreMany({ ids })
      eventsRef.current.onListChanged([])
    }
    const apply = (ids: string[], change: LabelChange) => async () => {
      eventsRef.current.onSummaries(await dossier.articles.label({ ids, ...change }))
    }

    return {
      async remove(articles) {
        if (articles.length === 0) return false
        const ids = articles.map((a) => a.id)
        try {
          await removeMany(ids)()
        } catch (error) {
          notifyError(error, 'Could not move to the trash')
          eventsRef.current.onListChanged([])
          return false
        }
        const what = articles.length === 1 ? `“${articles[0]!.title}”` : plural(articles.length, 'article')
        pushRemoval(stack, `${what} moved to the trash`, {
          label:
            articles.length === 1
              ? 'Article moved to the trash'
              : `${articles.length} articles moved to the trash`,
          undo: restoreMany(ids),
          redo: removeMany(ids),
        })
        return true
      },

      async label(articles, change, label) {
        const ids = articles.map((a) => a.id)
        const inverse = inverseOf(articles, change)
        try {
          await apply(ids, change)()
        } catch (error) {
          notifyError(error, 'Could not change the cases or tags')
          return false
        }
        stack.push({
          label,
          undo: async () => {
            for (const [groupIds, back] of inverse) await apply(groupIds, back)()
          },
          redo: apply(ids, change),
        })
        return true
      },
    }
  }, [stack])
}
