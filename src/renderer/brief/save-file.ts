// Hands an exported file to the user: a temporary download link, which Electron turns into a save dialog
// and a browser into a download.
import type { ExportedFile } from '../../shared/api'

export function saveFile(file: ExportedFile): void {
  // Copied so the Blob owns a plain ArrayBuffer, whatever the transport handed over.
  const blob = new Blob([new Uint8Array(file.data)], { type: file.mimeType })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: the download may still be reading the blob when click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
