// Accepting the recogniser's proposals of many names, a few names per call (each call one durable step
// in the services), with progress and a Cancel that stops after the call under way; the whole run is one
// undoable step: its undo makes every accepted mention a proposal again and removes the entities made.
import type { ProposedEntity } from '../../shared/model'
import { dossier } from '../api/client'
import { pushRemoval } from '../app/push-removal'
import type { UndoStack } from '../app/useUndoStack'
import { plural } from '../import/summarize-imports'
import { applyInChunks } from './occurrence-review'

/** Names accepted per call: a call over a large workspace stays short, so progress moves and Cancel is felt. */
const NAMES_PER_CALL = 25
/** The most mentions one call makes suggestions again (the contract's limit). */
const REFS_PER_CALL = 50_000

type Item = { articleId: string; id: string }

export interface AcceptRun {
  /** Names accepted (in order, from the first), mentions confirmed and entities made. */
  names: ProposedEntity[]
  items: Item[]
  created: string[]
  error?: unknown
}

async function acceptAll(
  names: readonly ProposedEntity[],
  options: { cancelled: () => boolean; onProgress: (done: number, total: number) => void },
): Promise<AcceptRun> {
  const chunks: ProposedEntity[][] = []
  for (let at = 0; at < names.length; at += NAMES_PER_CALL) chunks.push(names.slice(at, at + NAMES_PER_CALL))
  const run = await applyInChunks(
    chunks,
    async (chunk) => [await dossier.suggestions.accept({ proposals: chunk })],
    options,
  )
  return {
    names: names.slice(0, run.applied),
    items: run.results.flatMap((r) => r.accepted.map((a) => ({ articleId: a.articleId, id: a.mentionId }))),
    created: run.results.flatMap((r) => r.created),
    ...(run.error === undefined ? {} : { error: run.error }),
  }
}

async function takeBack(run: AcceptRun): Promise<void> {
  for (let at = 0; at < run.items.length; at += REFS_PER_CALL)
    await dossier.suggestions.reopen({ items: run.items.slice(at, at + REFS_PER_CALL), from: 'confirmed' })
  for (const id of run.created) await dossier.entities.remove({ id })
}

/**
 * Accepts every open proposal of these names and puts the run on the undo stack; `after` shows the
 * workspace as it now is. Returns the run (what was accepted before a Cancel or a failure).
 */
export async function acceptProposals(
  stack: UndoStack,
  names: readonly ProposedEntity[],
  options: { cancelled: () => boolean; onProgress: (done: number, total: number) => void; after: () => void },
): Promise<AcceptRun> {
  const run = await acceptAll(names, options)
  if (run.items.length === 0) return run
  let done = run
  const label = `${plural(run.names.length, 'proposed entity', 'proposed entities')} accepted (${plural(run.items.length, 'mention')})`
  pushRemoval(stack, `${label}.`, {
    label,
    undo: async () => {
      await takeBack(done)
      options.after()
    },
    redo: async () => {
      done = await acceptAll(run.names, { cancelled: () => false, onProgress: () => {} })
      options.after()
      if (done.error) throw done.error
    },
  })
  options.after()
  return run
}
