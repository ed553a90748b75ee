// Builds test PDFs with pdf-lib: a small typesetter that flows a title, headings and paragraphs into one
// or two columns per page (Helvetica), with optional running header, footer and page numbers.
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib'

export interface FixtureBlock {
  kind: 'heading' | 'paragraph'
  text: string
}

export interface FixtureOptions {
  title?: string
  blocks: FixtureBlock[]
  /** Columns on each page (0-based page index); one column when not given. */
  columns?: (pageIndex: number) => 1 | 2
  /** Drawn at the top of every page. */
  header?: string | ((page: number, pages: number) => string)
  /** Draws the page number at the right end of the header row, as books do. */
  headerNumber?: boolean
  /** Drawn at the bottom of every page, e.g. (n, total) => `Page ${n} of ${total}`. */
  footer?: (page: number, pages: number) => string
  fontSize?: number
  /** Metadata title. */
  metadataTitle?: string
}

const PAGE: [number, number] = [595, 842]
const MARGIN = 56
const GUTTER = 24
const HEADER_Y = PAGE[1] - 30
const FOOTER_Y = 28

interface Fonts {
  regular: PDFFont
  bold: PDFFont
}

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line)
      line = word
    } else line = candidate
  }
  if (line) lines.push(line)
  return lines
}

/** Flows text into columns and pages; returns the finished document's bytes. */
export async function buildPdf(options: FixtureOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  if (options.metadataTitle) doc.setTitle(options.metadataTitle)
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  }
  const size = options.fontSize ?? 10
  const leading = size * 1.3
  const pages: PDFPage[] = []
  let column = 0
  let y = 0
  let top = 0
  const columnsOf = (i: number) => options.columns?.(i) ?? 1
  const columnWidth = (i: number) => (PAGE[0] - 2 * MARGIN - (columnsOf(i) - 1) * GUTTER) / columnsOf(i)
  const newPage = (): void => {
    pages.push(doc.addPage(PAGE))
    column = 0
    top = PAGE[1] - MARGIN - 10
    y = top
  }
  const advance = (height: number): void => {
    if (y - height >= MARGIN + 10) return
    if (column + 1 < columnsOf(pages.length - 1)) {
      column++
      y = top
    } else newPage()
  }
  const x = () => MARGIN + column * (columnWidth(pages.length - 1) + GUTTER)
  newPage()
  if (options.title) {
    const titleSize = 2 * size
    for (const line of wrap(options.title, fonts.bold, titleSize, PAGE[0] - 2 * MARGIN)) {
      y -= titleSize * 1.2
      pages[0]!.drawText(line, { x: MARGIN, y, size: titleSize, font: fonts.bold })
    }
    y -= titleSize
    top = y
  }
  for (const block of options.blocks) {
    const heading = block.kind === 'heading'
    const blockSize = heading ? size * 1.4 : size
    const font = heading ? fonts.bold : fonts.regular
    const lines = wrap(block.text, font, blockSize, columnWidth(pages.length - 1))
    for (const line of lines) {
      advance(blockSize * 1.3)
      y -= blockSize * 1.3
      pages.at(-1)!.drawText(line, { x: x(), y, size: blockSize, font })
    }
    y -= leading * 0.8
  }
  pages.forEach((page, i) => {
    const header = typeof options.header === 'function' ? options.header(i + 1, pages.length) : options.header
    if (header) page.drawText(header, { x: MARGIN, y: HEADER_Y, size: 8, font: fonts.regular })
    if (options.headerNumber)
      page.drawText(String(i + 1), { x: PAGE[0] - MARGIN - 10, y: HEADER_Y, size: 8, font: fonts.regular })
    const footer = options.footer?.(i + 1, pages.length)
    if (footer) page.drawText(footer, { x: PAGE[0] / 2 - 20, y: FOOTER_Y, size: 8, font: fonts.regular })
  })
  return doc.save()
}

/** Sentences that read as news copy, numbered so a test can check their order. */
export function numberedParagraph(label: string, sentences: number): string {
  return Array.from(
    { length: sentences },
    (_, i) =>
      `${label} sentence ${i + 1} says that officials in the capital discussed the shipment of equipment with their counterparts.`,
  ).join(' ')
}
