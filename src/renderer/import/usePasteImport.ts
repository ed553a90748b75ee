// Ctrl/Cmd+V outside a text field imports what is on the clipboard as a new article: the page as HTML when
// the clipboard has it (copied from a browser), else its plain text; copied files are imported as files.
import { useEffect, useRef } from 'react'
import { isDialogOpen, isTypingTarget } from '../app/keyboard'
import type { PastedContent } from './import-file'

export interface PasteHandlers {
  onContent(content: PastedContent): void
  onFiles(files: File[]): void
}

/** What a paste event offers to import; null when it holds nothing Dossier can use. */
export function pastedContent(data: DataTransfer): PastedContent | File[] | null {
  const html = data.getData('text/html')
  const text = data.getData('text/plain')
  if (html.trim() || text.trim()) {
    return { ...(text.trim() ? { text } : {}), ...(html.trim() ? { html } : {}) }
  }
  const files = [...data.files]
  return files.length > 0 ? files : null
}

export function usePasteImport(handlers: PasteHandlers): void {
  const handlersRef = useRef(handlers)

  useEffect(() => {
    handlersRef.current = handlers
  })

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      // In a text field the paste is the field's; with a dialog open the paste is not meant for the library.
      if (event.defaultPrevented || isTypingTarget(event.target) || isDialogOpen() || !event.clipboardData)
        return
      const content = pastedContent(event.clipboardData)
      if (!content) return
      event.preventDefault()
      if (Array.isArray(content)) handlersRef.current.onFiles(content)
      else handlersRef.current.onContent(content)
    }
    window.addEventListener('paste', onPaste)
    return () => window.removeEventListener('paste', onPaste)
  }, [])
}
