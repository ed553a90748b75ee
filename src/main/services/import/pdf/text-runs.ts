// Reads each page's text items from pdf.js as runs placed on the page: x to the right, y down from the
// top edge (the baseline), in points, whatever the page's rotation or media box origin.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextItem } from 'pdfjs-dist/types/src/display/api'

export interface TextRun {
  text: string
  x: number
  /** Baseline, measured down from the top of the page. */
  y: number
  width: number
  /** Font size as drawn on the page (the text matrix's vertical scale). */
  size: number
  /** pdf.js's id for the font ("g_d0_f3"): equal ids mean the same font, the name says nothing. */
  font: string
  /** Right-to-left script (pdf.js has already put the characters of the run in logical order). */
  rtl: boolean
}

export interface PageText {
  /** 1-based. */
  number: number
  width: number
  height: number
  runs: TextRun[]
  /** Runs left out because they do not read left to right (vertical margin stamps, rotated labels). */
  skipped: number
}

type Matrix = [number, number, number, number, number, number]

function multiply(m: readonly number[], n: readonly number[]): Matrix {
  return [
    m[0]! * n[0]! + m[2]! * n[1]!,
    m[1]! * n[0]! + m[3]! * n[1]!,
    m[0]! * n[2]! + m[2]! * n[3]!,
    m[1]! * n[2]! + m[3]! * n[3]!,
    m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
    m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
  ]
}

/** Text whose baseline is tilted more than this (as a sine) does not read left to right. */
const MAX_TILT = 0.05

export function runsOf(
  items: readonly TextItem[],
  viewport: readonly number[],
): { runs: TextRun[]; skipped: number } {
  const runs: TextRun[] = []
  let skipped = 0
  for (const item of items) {
    // pdf.js emits empty items to carry end-of-line flags; they have no position worth keeping.
    if (!item.str || !item.str.trim()) continue
    const m = multiply(viewport, item.transform)
    const scaleX = Math.hypot(m[0], m[1])
    const size = Math.hypot(m[2], m[3])
    if (scaleX === 0 || size === 0) continue
    if (Math.abs(m[1]) / scaleX > MAX_TILT || m[0] < 0) {
      skipped++
      continue
    }
    // item.width is in the PDF's unrotated user space; the viewport at scale 1 keeps lengths.
    runs.push({
      text: item.str,
      x: m[4],
      y: m[5],
      width: Math.abs(item.width),
      size,
      font: item.fontName,
      rtl: item.dir === 'rtl',
    })
  }
  return { runs, skipped }
}

/** Text of every page, in page order; a page pdf.js cannot read counts as empty and is named in `unreadable`. */
export async function readPages(doc: PDFDocumentProxy): Promise<{ pages: PageText[]; unreadable: number[] }> {
  const pages: PageText[] = []
  const unreadable: number[] = []
  for (let number = 1; number <= doc.numPages; number++) {
    try {
      const page = await doc.getPage(number)
      const viewport = page.getViewport({ scale: 1 })
      const content = await page.getTextContent({ includeMarkedContent: false })
      const items = content.items.filter((item): item is TextItem => 'str' in item)
      const { runs, skipped } = runsOf(items, viewport.transform)
      pages.push({ number, width: viewport.width, height: viewport.height, runs, skipped })
      page.cleanup()
    } catch {
      // One broken page (a bad content stream) should not cost the analyst the rest of the document.
      unreadable.push(number)
      pages.push({ number, width: 0, height: 0, runs: [], skipped: 0 })
    }
  }
  return { pages, unreadable }
}
