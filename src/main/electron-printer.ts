// Desktop PDFs: the print HTML in a hidden, sandboxed window without JavaScript, through printToPDF, in
// a session of its own that loads the inline page and nothing else.
import { BrowserWindow, session } from 'electron'
import { isAllowedPrintRequest } from './host/request-policy'
import { PRINT_OPTIONS, type PdfPrinter } from './services/export/pdf-printer'

/** In memory only (no "persist:" prefix): nothing of a print is kept. */
const PRINT_PARTITION = 'dossier-print'

export function createElectronPrinter(): PdfPrinter {
  const printSession = session.fromPartition(PRINT_PARTITION)
  printSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedPrintRequest(details) }),
  )
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  return {
    async print(html) {
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          javascript: false,
          nodeIntegration: false,
          partition: PRINT_PARTITION,
          disableBlinkFeatures: 'Auxclick',
        },
      })
      try {
        await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
        const pdf = await window.webContents.printToPDF({ pageSize: 'A4', ...PRINT_OPTIONS })
        return new Uint8Array(pdf)
      } finally {
        window.destroy()
      }
    },
    async close() {},
  }
}
