// Word structure beyond paragraph kinds: heading levels, numbered and nested lists, code, tables as
// rows of cells, pictures as figures named by their alt text, and footnote references as superscript.
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { wordBlocks } from '../../../src/main/services/import/docx/html-blocks'
import { extract } from '../../../src/main/services/import/extract'
import type { ExtractedArticle } from '../../../src/shared/model'
import { buildDocx } from './docx-fixtures'

async function importDocx(bytes: Uint8Array): Promise<ExtractedArticle> {
  return (await extract('story.docx', bytes)).article
}

function structure(article: ExtractedArticle) {
  return article.blocks.map(({ start, end, ...rest }) => ({ ...rest, text: article.text.slice(start, end) }))
}

describe('Word lists, levels and code', () => {
  it('keeps heading levels, numbers ordered items, nests lists and keeps code lines', async () => {
    const article = await importDocx(
      buildDocx([
        { style: 'Title', runs: ['Rail deliveries'] },
        { style: 'Heading2', runs: ['Background'] },
        { style: 'Heading3', runs: ['Earlier shipments'] },
        { numbered: true, runs: ['Artillery shells'] },
        { numbered: true, runs: ['Infantry rockets'] },
        { numbered: true, level: 1, runs: ['122 mm'] },
        { bullet: true, runs: ['A separate bullet'] },
        { style: 'Code', runs: ['route = "Rajin"'] },
        { style: 'Code', runs: ['    load(route)'] },
      ]),
    )
    expect(structure(article)).toEqual([
      { kind: 'heading', level: 2, text: 'Background' },
      { kind: 'heading', level: 3, text: 'Earlier shipments' },
      { kind: 'list-item', ordered: true, number: 1, text: 'Artillery shells' },
      { kind: 'list-item', ordered: true, number: 2, text: 'Infantry rockets' },
      { kind: 'list-item', depth: 1, text: '122 mm' },
      { kind: 'list-item', text: 'A separate bullet' },
      { kind: 'code', text: 'route = "Rajin"\n    load(route)' },
    ])
  })
})

describe('Word tables, pictures and footnotes (mammoth HTML)', () => {
  const blocksOf = (html: string) =>
    wordBlocks(JSDOM.fragment(html)).map(({ kind, text, cells, header, alt }) => ({
      kind,
      text,
      ...(cells ? { cells: cells.map((c) => text.slice(c.start, c.end)) } : {}),
      ...(header ? { header } : {}),
      ...(alt !== undefined ? { alt } : {}),
    }))

  it('writes a table as rows of cells, a header row marked, an empty cell kept in place', () => {
    expect(
      blocksOf(
        '<table><thead><tr><th><p>Year</p></th><th><p>Port</p></th></tr></thead><tbody><tr><td><p></p></td><td><p>Rajin</p></td></tr></tbody></table>',
      ),
    ).toEqual([
      { kind: 'row', text: 'Year · Port', cells: ['Year', 'Port'], header: true },
      { kind: 'row', text: 'Rajin', cells: ['', 'Rajin'] },
    ])
  })

  it('names a picture by its alt text as a figure before its paragraph, and marks footnote references', () => {
    const blocks = wordBlocks(
      JSDOM.fragment(
        '<p><img src="" alt="Satellite view of the depot"></p><p><em>The depot in May.</em></p><p>Shells moved by rail.<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>',
      ),
    )
    expect(blocks.map((b) => [b.kind, b.alt ?? b.text])).toEqual([
      ['figure', 'Satellite view of the depot'],
      ['paragraph', 'The depot in May.'],
      ['paragraph', 'Shells moved by rail.[1]'],
    ])
    expect(blocks[1]!.afterImage).toBe(true)
    const footnote = blocks[2]!
    expect(footnote.marks!.map((m) => [m.kind, footnote.text.slice(m.start, m.end)])).toEqual([
      ['superscript', '[1]'],
    ])
  })
})
