// "Never suggest" on a suggestion: the form goes on the never-suggest list for its entity, its other
// suggestions are rejected, and the notice's Undo (or Ctrl/Cmd+Z) takes it off the list again.
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { pushRemoval } from '../app/push-removal'
import type { UndoStack } from '../app/useUndoStack'
import { plural } from '../import/summarize-imports'

export async function neverSuggest(
  stack: UndoStack,
  form: string,
  entity: { id: string; name: string } | undefined,
  onChanged: () => void,
): Promise<boolean> {
  const entityId = entity?.id
  const add = async () => {
    const { rejected } = await dossier.suggestions.neverSuggest({ form, entityId })
    onChanged()
    return rejected
  }
  try {
    const rejected = await add()
    pushRemoval(
      stack,
      `“${form}” will not be suggested${entity ? ` as ${entity.name}` : ''} again` +
        (rejected > 1 ? ` (${plural(rejected, 'suggestion')} rejected)` : ''),
      {
        label: `“${form}” never suggested`,
        undo: async () => {
          await dossier.suggestions.allowAgain({ form, entityId })
          onChanged()
        },
        redo: async () => void (await add()),
      },
    )
    return true
  } catch (error) {
    notifyError(error, `Could not stop suggesting “${form}”`)
    return false
  }
}
