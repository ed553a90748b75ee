// How a print HTML page becomes a PDF; the desktop app and browser mode each provide one, and both
// take their paper, margins and running header and footer from printSettings here.
import { escapeHtml } from '../../../shared/escape-html'

export type Paper = 'a4' | 'letter'

export interface PrintOptions {
  /** A4 unless Letter is asked for. */
  paper?: Paper
  /** One short line ("UNCLASSIFIED // FOR OFFICIAL USE ONLY"), centred atop and under every page. */
  handling?: string
}

export interface PdfPrinter {
  print(html: string, options?: PrintOptions): Promise<Uint8Array>
  close(): Promise<void>
}

/** The paper names page.pdf's `format` and printToPDF's `pageSize` both know. */
const PAPER_NAMES = { a4: 'A4', letter: 'Letter' } as const

/**
 * Millimetres. The running header and footer are drawn inside the top and bottom margins, so these
 * leave room for them. Chromium lets a page's own `@page { margin }` win over them: a print HTML that
 * sets one must keep top and bottom at 18 mm or more.
 */
const MARGINS_MM = { top: 20, right: 20, bottom: 20, left: 20 }

const BOX =
  'width:100%;box-sizing:border-box;padding:0 20mm;text-align:center;font-family:sans-serif;color:#6b6e75;font-size:8px'
const LINE = 'white-space:nowrap;overflow:hidden;text-overflow:ellipsis'
const HANDLING = `${LINE};font-size:9px;font-weight:bold;color:#1b1b1f`
const PAGE_NUMBERS = '<div><span class="pageNumber"></span> / <span class="totalPages"></span></div>'

/** The handling line as one line of text, or '' when there is none. */
function handlingLine(handling: string | undefined): string {
  return (handling ?? '').replace(/\s+/g, ' ').trim()
}

/**
 * What both printers pass to Chromium. The printer decides the paper (preferCSSPageSize off: an
 * `@page { size }` in the HTML is ignored). Templates are Chromium's header/footer syntax, which
 * page.pdf and printToPDF share; the handling text is the user's, so it goes in escaped and nothing
 * in it can become markup (Chromium also fills elements of class title, url or date in a template).
 */
export function printSettings(options: PrintOptions = {}) {
  const handling = handlingLine(options.handling)
  const line = handling ? `<div style="${HANDLING}">${escapeHtml(handling)}</div>` : ''
  return {
    paper: PAPER_NAMES[options.paper === 'letter' ? 'letter' : 'a4'],
    marginsMm: MARGINS_MM,
    printBackground: true,
    preferCSSPageSize: false,
    displayHeaderFooter: true,
    // An empty header still needs an element, or Chromium prints its own date and title there.
    headerTemplate: `<div style="${BOX}">${line || '<span></span>'}</div>`,
    footerTemplate: `<div style="${BOX}">${line}${PAGE_NUMBERS}</div>`,
  } as const
}
