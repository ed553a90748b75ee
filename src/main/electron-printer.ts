// Desktop PDFs: the print HTML in a hidden, sandboxed window without JavaScript, through printToPDF, in
// a session of its own that loads the inline page and nothing else.
import { BrowserWindow, session } from 'electron'
import { isAllowedPrintRequest } from './host/request-policy'
import { printSettings, type PdfPrinter } from './services/export/pdf-printer'

/** In memory only (no "persist:" prefix): nothing of a print is kept. */
const PRINT_PARTITION = 'dossier-print'

const MM_PER_INCH = 25.4

export function createElectronPrinter(): PdfPrinter {
  const printSession = session.fromPartition(PRINT_PARTITION)
  printSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedPrintRequest(details) }),
  )
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  return {
    async print(html, options) {
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
        const { paper, marginsMm, ...settings } = printSettings(options)
        const margins = {
          top: marginsMm.top / MM_PER_INCH,
          right: marginsMm.right / MM_PER_INCH,
          bottom: marginsMm.bottom / MM_PER_INCH,
          left: marginsMm.left / MM_PER_INCH,
        }
        const pdf = await window.webContents.printToPDF({ ...settings, pageSize: paper, margins })
        return new Uint8Array(pdf)
      } finally {
        window.destroy()
      }
    },
    async close() {},
  }
}
