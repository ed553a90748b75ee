// Desktop PDFs: the print HTML in a hidden, sandboxed window without JavaScript, through printToPDF.
import { BrowserWindow } from 'electron'
import { PRINT_OPTIONS, type PdfPrinter } from './services/export/pdf-printer'

export function createElectronPrinter(): PdfPrinter {
  return {
    async print(html) {
      const window = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false },
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
