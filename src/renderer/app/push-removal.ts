// Records a removal on the undo stack and offers "Undo" in a notification, which goes away once the
// removal is undone (by its button or by Ctrl/Cmd+Z).
import { createElement } from 'react'
import { notifications } from '@mantine/notifications'
import { UndoNotice } from './UndoNotice'
import type { UndoEntry, UndoStack } from './useUndoStack'

export function pushRemoval(stack: UndoStack, message: string, entry: UndoEntry): void {
  const id = `undo-${Math.random().toString(36).slice(2)}`
  const undo = entry.undo
  const withNotice: UndoEntry = {
    ...entry,
    undo: async () => {
      notifications.hide(id)
      await undo()
    },
  }
  stack.push(withNotice)
  notifications.show({
    id,
    autoClose: 7000,
    message: createElement(UndoNotice, { message, onUndo: () => void stack.undoEntry(withNotice) }),
  })
}
