// The workspace's codebook in the renderer: its live codes in order, and every change to it with its
// inverse on the undo stack. A delete is a merge into the code that takes over the highlights, so an
// undo brings the code back with all of them.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Code } from '../../shared/model'
import { dossier } from '../api/client'
import { notifyError } from '../app/notify'
import { pushRemoval } from '../app/push-removal'
import type { UndoStack } from '../app/useUndoStack'

export interface CodeFields {
  name?: string
  color?: string
  description?: string
}

export interface Codebook {
  codes: Code[]
  byId: ReadonlyMap<string, Code>
  create(fields: { name: string; color: string; description?: string }): Promise<Code | null>
  update(code: Code, fields: CodeFields): Promise<boolean>
  move(code: Code, index: number): Promise<boolean>
  /** Merges `codes` into `into`; with one code this is "delete, moving its highlights to `into`". */
  merge(codes: Code[], into: Code, label: string): Promise<boolean>
}

export function useCodebook(stack: UndoStack): Codebook {
  const [codes, setCodes] = useState<Code[]>([])

  useEffect(() => {
    let live = true
    dossier.codes.list().then(
      (list) => live && setCodes(list),
      (error: unknown) => live && notifyError(error, 'Could not read the codebook'),
    )
    return () => {
      live = false
    }
  }, [])

  const put = useCallback(
    (code: Code) =>
      setCodes((list) =>
        list.some((c) => c.id === code.id) ? list.map((c) => (c.id === code.id ? code : c)) : [...list, code],
      ),
    [],
  )

  const actions = useMemo(() => {
    async function attempt(title: string, work: () => Promise<void>): Promise<boolean> {
      try {
        await work()
        return true
      } catch (error) {
        notifyError(error, title)
        return false
      }
    }
    const write = (id: string, fields: CodeFields) => async () =>
      put(await dossier.codes.update({ id, ...fields }))
    const moveTo = (id: string, index: number) => async () =>
      setCodes(await dossier.codes.move({ id, index }))
    return {
      async create(fields: { name: string; color: string; description?: string }) {
        try {
          const code = await dossier.codes.create(fields)
          put(code)
          stack.push({
            label: `Code ${code.name} added`,
            // A new code has no highlights yet: undoing it merges it away into the first code.
            undo: async () => {
              const first = (await dossier.codes.list()).find((c) => c.id !== code.id)
              if (first) setCodes((await dossier.codes.merge({ ids: [code.id], into: first.id })).codes)
            },
            redo: async () => setCodes(await dossier.codes.unmerge({ ids: [code.id] })),
          })
          return code
        } catch (error) {
          notifyError(error, 'Could not add the code')
          return null
        }
      },
      update: (code: Code, fields: CodeFields) =>
        attempt('Could not change the code', async () => {
          await write(code.id, fields)()
          const before: CodeFields = {}
          for (const key of Object.keys(fields) as (keyof CodeFields)[]) before[key] = code[key]
          stack.push({ label: 'Code changed', undo: write(code.id, before), redo: write(code.id, fields) })
        }),
      move: (code: Code, index: number) =>
        attempt('Could not move the code', async () => {
          const from = (await dossier.codes.list()).findIndex((c) => c.id === code.id)
          await moveTo(code.id, index)()
          stack.push({ label: 'Code moved', undo: moveTo(code.id, from), redo: moveTo(code.id, index) })
        }),
      merge: (merged: Code[], into: Code, label: string) =>
        attempt('Could not change the codebook', async () => {
          const ids = merged.map((c) => c.id)
          const order = (await dossier.codes.list()).map((c) => c.id)
          const mergeNow = async () => setCodes((await dossier.codes.merge({ ids, into: into.id })).codes)
          await mergeNow()
          pushRemoval(stack, label, {
            label,
            undo: async () => {
              await dossier.codes.unmerge({ ids })
              // Back in the places they had.
              for (const id of ids) await dossier.codes.move({ id, index: Math.max(0, order.indexOf(id)) })
              setCodes(await dossier.codes.list())
            },
            redo: mergeNow,
          })
        }),
    }
  }, [stack, put])

  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes])
  return { codes, byId, ...actions }
}
