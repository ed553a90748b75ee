// PDF layouts built with pdf-lib: two columns, running headers and footers, page numbers, no text layer,
// a password. Paragraph texts are compared whole, so order, joins across columns and pages all count.
import { PDFDocument, PDFHexString, PDFName, rgb } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { extract } from '../../../src/main/services/import/extract'
import { loadPdfJs } from '../../../src/main/services/import/pdf/open-pdf'
import { DossierError } from '../../../src/shared/errors'
import type { ExtractedArticle } from '../../../src/shared/model'
import { buildPdf, numberedParagraph, type FixtureBlock } from './pdf-fixtures'

function blockTexts(article: ExtractedArticle): string[] {
  return article.blocks.filter((b) => !b.trimmed).map((b) => article.text.slice(b.start, b.end))
}

async function importPdf(bytes: Uint8Array, name = 'layout.pdf'): Promise<ExtractedArticle> {
  return (await extract(name, bytes)).article
}

async function failure(bytes: Uint8Array, name: string): Promise<DossierError> {
  return importPdf(bytes, name).then(
    () => {
      throw new Error(`${name} was accepted`)
    },
    (error: unknown) => error as DossierError,
  )
}

const paragraphs = (labels: string[], sentences: number[]): FixtureBlock[] =>
  labels.map((label, i) => ({
    kind: 'paragraph',
    text: numberedParagraph(label, sentences[i % sentences.length]!),
  }))

beforeAll(() => loadPdfJs())

describe('PDF reading order', () => {
  it('reads a two-column page left column first, under its full-width title', async () => {
    const blocks: FixtureBlock[] = [
      ...paragraphs(['Alpha', 'Bravo'], [6, 9]),
      { kind: 'heading', text: 'What happens next' },
      ...paragraphs(['Charlie', 'Delta', 'Echo'], [9, 5, 4]),
    ]
    const article = await importPdf(
      await buildPdf({ title: 'Two columns of reporting on the shipment', blocks, columns: () => 2 }),
    )
    expect(article.title).toBe('Two columns of reporting on the shipment')
    // Every paragraph whole and in order, including the one that runs from the left column into the right.
    expect(blockTexts(article)).toEqual(blocks.map((b) => b.text))
    expect(article.blocks.map((b) => b.kind)).toEqual(blocks.map((b) => b.kind))
  })

  it('follows text from a one-column page into two-column pages', async () => {
    const blocks = paragraphs(
      ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'],
      [7, 4, 9],
    )
    const pdf = await buildPdf({ title: 'Mixed layout', blocks, columns: (page) => (page === 0 ? 1 : 2) })
    expect(blockTexts(await importPdf(pdf))).toEqual(blocks.map((b) => b.text))
  })
})

describe('PDF page furniture', () => {
  const blocks = paragraphs(
    Array.from({ length: 20 }, (_, i) => `Item${i + 1}`),
    [5, 7],
  )

  it('drops a running header and "Page N of M" footers over three pages, and joins paragraphs across pages', async () => {
    const pdf = await buildPdf({
      title: 'Three pages with furniture',
      blocks,
      header: 'Dossier Test Weekly - Confidential',
      footer: (n, total) => `Page ${n} of ${total}`,
    })
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(3)
    const article = await importPdf(pdf)
    expect(article.text).not.toMatch(/Dossier Test Weekly|Page \d of \d/)
    expect(blockTexts(article)).toEqual(blocks.map((b) => b.text))
  })

  it('drops running heads that change with the chapter when the page number shares their row', async () => {
    const pdf = await buildPdf({
      title: 'A report in chapters',
      blocks,
      header: (n) => (n <= 2 ? 'Chapter 1: Shipments' : 'Chapter 2: Sanctions'),
      headerNumber: true,
    })
    const article = await importPdf(pdf)
    expect(article.text).not.toContain('Chapter')
    expect(blockTexts(article)).toEqual(blocks.map((b) => b.text))
  })

  it('drops bare page numbers', async () => {
    const pdf = await buildPdf({ title: 'Numbered pages', blocks, footer: (n) => `- ${n} -` })
    const article = await importPdf(pdf)
    expect(blockTexts(article)).toEqual(blocks.map((b) => b.text))
  })
})

describe('PDF structure', () => {
  it('reads bulleted paragraphs as list items without their bullets', async () => {
    const items = ['Artillery shells moved by rail to the port.', 'Infantry rockets loaded on two ships.']
    const blocks: FixtureBlock[] = [
      { kind: 'paragraph', text: numberedParagraph('Intro', 3) },
      ...items.map((text) => ({ kind: 'paragraph' as const, text: `• ${text}` })),
      { kind: 'paragraph', text: 'Source: https://example.org/news/shipments' },
    ]
    const article = await importPdf(await buildPdf({ title: 'Bullets', blocks }))
    expect(article.blocks.map((b) => [b.kind, article.text.slice(b.start, b.end)])).toEqual([
      ['paragraph', blocks[0]!.text],
      ['list-item', items[0]],
      ['list-item', items[1]],
    ])
    expect(article.sourceUrl).toBe('https://example.org/news/shipments')
  })
})

describe('PDF titles', () => {
  const blocks = paragraphs(['Lead', 'Second'], [3, 4])

  it('falls back to the metadata title, then to the first sentence with a warning', async () => {
    const withMetadata = await importPdf(await buildPdf({ blocks, metadataTitle: 'Shipment report' }))
    expect(withMetadata.title).toBe('Shipment report')
    const bare = await importPdf(await buildPdf({ blocks }))
    expect(bare.title).toMatch(/^Lead sentence 1 says that officials/)
    expect(bare.warnings.join(' ')).toMatch(/no title/)
  })
})

describe('PDFs without readable text', () => {
  it('refuses a scan without a text layer, saying there is no OCR', async () => {
    const doc = await PDFDocument.create()
    doc
      .addPage([595, 842])
      .drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.5, 0.5, 0.5) })
    const error = await failure(await doc.save(), 'scan.pdf')
    expect(error.code).toBe('empty-file')
    expect(error.message).toMatch(
      /^scan\.pdf has no text layer \(it is probably a scan\); Dossier does not do OCR\./,
    )
  })

  it('says a password-protected PDF needs its password removed', async () => {
    const doc = await PDFDocument.create()
    doc.addPage([595, 842])
    // pdf-lib cannot encrypt; a Standard security handler with made-up keys is what a password-protected file looks like to a reader without the password.
    const key = PDFHexString.of('00'.repeat(32))
    const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, O: key, U: key, P: -4 })
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt)
    doc.context.trailerInfo.ID = doc.context.obj([key, key])
    expect(encrypt.get(PDFName.of('Filter'))).toBeDefined()
    const error = await failure(await doc.save({ useObjectStreams: false }), 'locked.pdf')
    expect(error.message).toMatch(/^locked\.pdf is protected by a password/)
  })

  it('leaves the caller its bytes (pdf.js detaches the buffer it is given)', async () => {
    const bytes = await buildPdf({ blocks: paragraphs(['Only'], [2]) })
    const length = bytes.length
    await importPdf(bytes)
    expect(bytes.length).toBe(length)
    expect(bytes[0]).toBe(0x25)
  })
})
