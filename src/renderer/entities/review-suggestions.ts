// Accepting or rejecting suggested tags, each an undoable step: the undo makes them suggestions again
// (suggestions.reopen), the redo decides them again.
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { pushRemoval } from '../app/push-removal'
import type { UndoStack } from '../app/useUndoStack'
import { plural } from '../import/summarize-imports'

type Item = { articleId: string; id: string }
/** What a decision did: the mentions decided, and the entities accepting proposals made. */
type Decided = { items: Item[]; created: string[] }

async function decide(items: Item[], accept: boolean): Promise<Decided> {
  if (!accept) {
    await dossier.suggestions.reject({ items })
    return { items, created: [] }
  }
  return decided(await dossier.suggestions.accept({ items }))
}

const decided = (r: { accepted: { articleId: string; mentionId: string }[]; created: string[] }) => ({
  items: r.accepted.map((a) => ({ articleId: a.articleId, id: a.mentionId })),
  created: r.created,
})

function push(stack: UndoStack, done: Decided, accept: boolean, after: () => void): void {
  const label = `${plural(done.items.length, 'suggestion')} ${accept ? 'accepted' : 'rejected'}`
  let created = done.created
  pushRemoval(stack, `${label}.`, {
    label,
    // Proposals accepted become proposals again, and the entities they made go.
    undo: async () => {
      await dossier.suggestions.reopen({ items: done.items, from: accept ? 'confirmed' : 'rejected' })
      for (const id of created) await dossier.entities.remove({ id })
      after()
    },
    redo: async () => {
      created = (await decide(done.items, accept)).created
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
    const done = await decide(items, accept)
    after()
    if (done.items.length > 0) push(stack, done, accept, after)
  } catch (error) {
    notifyError(error, accept ? 'Could not accept the suggestion' : 'Could not reject the suggestion')
  }
}

/** Accepts every suggestion of one entity, across the workspace. */
export async function acceptAllOf(stack: UndoStack, entityId: string, after: () => void): Promise<void> {
  try {
    const done = decided(await dossier.suggestions.accept({ entityId }))
    after()
    if (done.items.length > 0) push(stack, done, true, after)
  } catch (error) {
    notifyError(error, 'Could not accept the suggestions')
  }
}
