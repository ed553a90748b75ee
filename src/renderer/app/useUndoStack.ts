// An in-memory stack of inverse operations for Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z. Each entry knows how to
// undo and redo itself against the services; the stack only orders them and reports failures.
import { useCallback, useMemo, useRef } from 'react'
import { notifications } from '@mantine/notifications'
import { notifyError } from './notify'

export interface UndoEntry {
  /** What the entry did, for messages: "Highlight removed", "Note changed". */
  label: string
  undo(): Promise<void>
  redo(): Promise<void>
  /** Consecutive entries with the same key fold into one (typing a note in several saves). */
  mergeKey?: string
}

export interface UndoStack {
  push(entry: UndoEntry): void
  undo(): Promise<void>
  redo(): Promise<void>
  /** Undoes one particular entry, e.g. from the "Undo" button of a notification. */
  undoEntry(entry: UndoEntry): Promise<void>
}

const LIMIT = 200

/** "Kim Jong Un tagged" reads "Undone: kim jong un tagged" lowercased whole; only its first letter goes. */
const lowerFirst = (label: string) => label.charAt(0).toLowerCase() + label.slice(1)

function confirm(message: string): void {
  notifications.show({ message, autoClose: 1800, withCloseButton: false })
}

export function useUndoStack(): UndoStack {
  const done = useRef<UndoEntry[]>([])
  const undone = useRef<UndoEntry[]>([])
  const busy = useRef(false)

  const push = useCallback((entry: UndoEntry) => {
    const top = done.current[done.current.length - 1]
    if (entry.mergeKey !== undefined && top?.mergeKey === entry.mergeKey) {
      done.current[done.current.length - 1] = { ...entry, undo: top.undo }
    } else {
      done.current.push(entry)
      if (done.current.length > LIMIT) done.current.shift()
    }
    undone.current = []
  }, [])

  const run = useCallback(async (entry: UndoEntry, direction: 'undo' | 'redo') => {
    busy.current = true
    try {
      await entry[direction]()
      ;(direction === 'undo' ? undone : done).current.push(entry)
      confirm(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${lowerFirst(entry.label)}`)
    } catch (error) {
      notifyError(error, direction === 'undo' ? 'Could not undo' : 'Could not redo')
    } finally {
      busy.current = false
    }
  }, [])

  const undo = useCallback(async () => {
    if (busy.current) return
    const entry = done.current.pop()
    if (!entry) return confirm('Nothing to undo')
    await run(entry, 'undo')
  }, [run])

  const redo = useCallback(async () => {
    if (busy.current) return
    const entry = undone.current.pop()
    if (!entry) return confirm('Nothing to redo')
    await run(entry, 'redo')
  }, [run])

  const undoEntry = useCallback(
    async (entry: UndoEntry) => {
      const index = done.current.indexOf(entry)
      if (index < 0 || busy.current) return
      if (index === done.current.length - 1) return undo()
      // Out of order: undo it, but it cannot be redone in sequence any more.
      done.current.splice(index, 1)
      busy.current = true
      try {
        await entry.undo()
        confirm(`Undone: ${lowerFirst(entry.label)}`)
      } catch (error) {
        notifyError(error, 'Could not undo')
      } finally {
        busy.current = false
      }
    },
    [undo],
  )

  return useMemo(() => ({ push, undo, redo, undoEntry }), [push, undo, redo, undoEntry])
}
