// The window-wide shortcuts: import, export, undo/redo, search and help. Pane-specific keys (H, T, j/k)
// live with their panes.
import { useEffect, useEffectEvent } from 'react'
import type { ExportFormat } from '../brief/useExport'
import { hasMod, isDialogOpen, isTypingTarget } from './keyboard'

export interface AppShortcutHandlers {
  onImport: () => void
  onExport: (format: ExportFormat) => void
  onUndo: () => void
  onRedo: () => void
  onSearch: () => void
  onHelp: () => void
  onToggleLibrary: () => void
  onToggleInspector: () => void
}

export function useAppShortcuts(handlers: AppShortcutHandlers): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const key = event.key.toLowerCase()
    const typing = isTypingTarget(event.target)
    if (hasMod(event) && !event.altKey) {
      if (key === 'o' && !event.shiftKey) handlers.onImport()
      else if (key === 'e') handlers.onExport(event.shiftKey ? 'pdf' : 'markdown')
      // Inside a text field, the field's own undo applies.
      else if (key === 'z' && !typing) (event.shiftKey ? handlers.onRedo : handlers.onUndo)()
      else if (key === 'y' && !typing && !event.shiftKey) handlers.onRedo()
      else if (key === 'b' && !typing && !event.shiftKey) handlers.onToggleLibrary()
      else if (key === 'i' && !typing && !event.shiftKey) handlers.onToggleInspector()
      else return
      event.preventDefault()
      return
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey || isDialogOpen()) return
    if (event.key === '?') handlers.onHelp()
    else if (event.key === '/') handlers.onSearch()
    else return
    event.preventDefault()
  })

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}
