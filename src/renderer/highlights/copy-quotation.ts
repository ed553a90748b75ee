// Puts a quotation on the clipboard as plain text and HTML. A copy command run from the analyst's own
// click or key press needs no clipboard permission, in the desktop app (which refuses every permission
// request) as in a browser; the asynchronous Clipboard API is only the fallback.
import type { Quotation } from './quotation'

export async function copyQuotation(quotation: Quotation): Promise<void> {
  let written = false
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return
    event.clipboardData.setData('text/plain', quotation.text)
    event.clipboardData.setData('text/html', quotation.html)
    event.preventDefault()
    written = true
  }
  document.addEventListener('copy', onCopy, true)
  try {
    // Deprecated, yet still the one synchronous way to write both formats from a user action.
    document.execCommand('copy')
  } finally {
    document.removeEventListener('copy', onCopy, true)
  }
  if (written) return
  if (!navigator.clipboard)
    throw new Error('The clipboard cannot be written here. Select the text and copy it instead.')
  await navigator.clipboard.writeText(quotation.text)
}
