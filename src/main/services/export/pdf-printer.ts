// How a print HTML page becomes a PDF; the desktop app and browser mode each provide one.
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>
  close(): Promise<void>
}

/** Page numbers in the footer, in the template syntax Chromium's printToPDF and page.pdf share. */
export const PDF_FOOTER = `<div style="width:100%;font-size:8px;color:#6b6e75;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`

/** The print settings both printers share; each adds its own name for A4 paper. */
export const PRINT_OPTIONS = {
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate: PDF_FOOTER,
} as const
