// Word documents built in the test: styles become block kinds, italics and bold become inline marks,
// and zips that are not (or no longer) Word documents fail with a sentence naming the file.
import { describe, expect, it } from 'vitest'
import { extract } from '../../../src/main/services/import/extract'
import { DossierError } from '../../../src/shared/errors'
import type { ExtractedArticle } from '../../../src/shared/model'
import { buildDocx, zip } from './docx-fixtures'

async function importDocx(bytes: Uint8Array, name = 'story.docx'): Promise<ExtractedArticle> {
  return (await extract(name, bytes)).article
}

async function failure(bytes: Uint8Array, name: string): Promise<DossierError> {
  return importDocx(bytes, name).then(
    () => {
      throw new Error(`${name} was accepted`)
    },
    (error: unknown) => error as DossierError,
  )
}

function kinds(article: ExtractedArticle): Array<[string, string]> {
  return article.blocks.map((b) => [b.kind, article.text.slice(b.start, b.end)])
}

describe('Word structure', () => {
  it('maps Title, headings, captions, quotes and list items, and takes the Source line out', async () => {
    const article = await importDocx(
      buildDocx([
        { style: 'Title', runs: ['Talks stall over rail deliveries'] },
        { runs: [{ text: 'Officials at the border crossing near Rason.', italic: true }] },
        { runs: ['The first paragraph of the report.'] },
        { style: 'Heading2', runs: ['Background'] },
        { style: 'Quote', runs: ['We will not comment on shipments, a spokesman said.'] },
        { bullet: true, runs: ['Artillery shells'] },
        { bullet: true, runs: ['Infantry rockets'] },
        { style: 'Caption', runs: ['Satellite image of the depot.'] },
        { runs: ['Source: https://example.org/news/rail-deliveries'] },
      ]),
    )
    expect(article.title).toBe('Talks stall over rail deliveries')
    expect(article.sourceUrl).toBe('https://example.org/news/rail-deliveries')
    expect(kinds(article)).toEqual([
      ['caption', 'Officials at the border crossing near Rason.'],
      ['paragraph', 'The first paragraph of the report.'],
      ['heading', 'Background'],
      ['quote', 'We will not comment on shipments, a spokesman said.'],
      ['list-item', 'Artillery shells'],
      ['list-item', 'Infantry rockets'],
      ['caption', 'Satellite image of the depot.'],
    ])
    // The italic caption carries no emphasis mark: being a caption already says it is set apart.
    expect(article.inline ?? []).toEqual([])
  })

  it('keeps italics and bold inside a paragraph as marks on the canonical text', async () => {
    const article = await importDocx(
      buildDocx([
        { style: 'Heading1', runs: ['Kirby briefing'] },
        { runs: ['Opening line without marks.'] },
        {
          runs: [
            'The ',
            { text: 'Hwasong-18', italic: true },
            ' launch was ',
            { text: 'confirmed', bold: true },
            ' on Tuesday.',
          ],
        },
        { runs: [{ text: 'A whole paragraph in italics, away from the title.', italic: true }] },
      ]),
    )
    expect(article.title).toBe('Kirby briefing')
    const marked = (article.inline ?? []).map((m) => [m.kind, article.text.slice(m.start, m.end)])
    expect(marked).toEqual([
      ['emphasis', 'Hwasong-18'],
      ['strong', 'confirmed'],
      ['emphasis', 'A whole paragraph in italics, away from the title.'],
    ])
    expect(article.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph'])
  })

  it('takes the first Heading 1 as the title and keeps later ones as headings', async () => {
    const article = await importDocx(
      buildDocx([
        { style: 'Heading1', runs: ['Main story'] },
        { runs: ['Body text.'] },
        { style: 'Heading1', runs: ['Second part'] },
        { runs: ['More body text.'] },
      ]),
    )
    expect(article.title).toBe('Main story')
    expect(kinds(article)[1]).toEqual(['heading', 'Second part'])
  })
})

describe('Word conversion messages', () => {
  it('warns about content left out, not about styles it does not know', async () => {
    const article = await importDocx(
      buildDocx([
        { style: 'Heading1', runs: ['Briefing'] },
        { style: 'UnknownHouseStyle', runs: ['Body text in a house style.'], raw: '<w:futureElement/>' },
      ]),
    )
    expect(article.warnings).toEqual([
      'Some content Dossier cannot read (such as equations or embedded objects) was left out of the text.',
    ])
  })
})

describe('zips that are not Word documents', () => {
  it('refuses another kind of zip as unsupported, naming the file', async () => {
    const error = await failure(zip({ 'notes.txt': 'hello', 'data.csv': 'a,b' }), 'bundle.zip')
    expect(error.code).toBe('unsupported-type')
    expect(error.message).toMatch(/^bundle\.zip is a zip archive, not a Word document/)
  })

  it('calls a .docx without its document part, or with a broken zip, a damaged Word document', async () => {
    const empty = await failure(zip({ 'hello.txt': 'hi' }), 'empty.docx')
    expect(empty.code).toBe('damaged-file')
    expect(empty.message).toMatch(/^empty\.docx is a damaged Word document: .*word\/document\.xml/)
    const whole = buildDocx([{ runs: ['Text'] }])
    const cut = await failure(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.docx')
    expect(cut.code).toBe('damaged-file')
    expect(cut.message).toMatch(/^cut\.docx is a damaged Word document: its zip structure is broken/)
  })

  it('calls a .docx whose document is not XML a damaged Word document', async () => {
    const bytes = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': 'this is not xml <<<' })
    const error = await failure(bytes, 'broken.docx')
    expect(error.code).toBe('damaged-file')
    expect(error.message).toMatch(/^broken\.docx is a damaged Word document/)
  })
})
