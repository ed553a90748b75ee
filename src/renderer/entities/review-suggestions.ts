// Accepting or rejecting suggested tags, each an undoable step: the undo makes them suggestions again
// (suggestions.reopen), the redo decides them again.
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { pushRemoval } from '../app/push-removal'
import type { UndoStack } from '../app/useUndoStack'
import { plural } from '../import/summarize-imports'

type Item = { articleId: string; id: string }

async function decide(items: Item[], accept: boolean): Promise<Item[]> {
  if (!accept) {
    await dossier.suggestions.reject({ items })
    return items
  }
  const { accepted } = await dossier.suggestions.accept({ items })
  return accepted.map((r) => ({ articleId: r.articleId, id: r.mentionId }))
}

function push(stack: UndoStack, decided: Item[], accept: boolean, after: () => void): void {
  const label = `${plural(decided.length, 'suggestion')} ${accept ? 'accepted' : 'rejected'}`
  pushRemoval(stack, `${label}.`, {
    label,
    undo: async () => {
      await dossier.suggestions.reopen({ items: decided, from: accept ? 'confirmed' : 'rejected' })
      after()
    },
    redo: async () => {
      await decide(decided, accept)
      after()
    },
  })
}

/** Accepts or rejects these suggestions; `after` shows the articles as they now are. */
export async function reviewSuggestions(
  stack: UndoStack,
  items: Item[],
  accept: boolean,
  after: () => void,
): Promise<void> {
  if (items.length === 0) return
  try {
    const decided = await decide(items, accept)
    after()
    if (decided.length > 0) push(stack, decided, accept, after)
  } catch (error) {
    notifyError(error, accept ? 'Could not accept the suggestion' : 'Could not reject the suggestion')
  }
}

/** Accepts every suggestion of one entity, across the workspace. */
export async function acceptAllOf(stack: UndoStack, entityId: string, after: () => void): Promise<void> {
  try {
    const { accepted } = await dossier.suggestions.accept({ entityId })
    after()
    const decided = accepted.map((r) => ({ articleId: r.articleId, id: r.mentionId }))
    if (decided.length > 0) push(stack, decided, true, after)
  } catch (error) {
    notifyError(error, 'Could not accept the suggestions')
  }
}
