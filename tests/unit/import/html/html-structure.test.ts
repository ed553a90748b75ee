// The structure a web page keeps on import: heading levels, numbered and nested lists, code with its
// white space, tables as rows of cells, figures by their alt text, footnote markers, and wiki edit
// links trimmed from headings while the canonical text stays as it was.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { visibleText } from '../../../../src/main/services/import/boilerplate'
import { extract } from '../../../../src/main/services/import/extract'
import type { Block, ExtractedArticle } from '../../../../src/shared/model'
import { corpusDir } from '../../../helpers'

async function page(body: string): Promise<ExtractedArticle> {
  const html = `<!doctype html><html lang="en"><head><title>Structure</title></head><body><article>
    <h1>Structure</h1>
    <p>An opening paragraph long enough for Readability to take this for the article it is, with a few
    more words about the weapons shipments and the talks in Vladivostok to be sure of it.</p>
    ${body}
    <p>A closing paragraph long enough for Readability to keep as well, about what the officials said
    after the meeting and what happens next in the negotiations between the two governments.</p>
  </article></body></html>`
  const { article } = await extract('structure.html', new TextEncoder().encode(html))
  return article
}

const textOf = (article: ExtractedArticle, block: Block) => article.text.slice(block.start, block.end)
const shown = (article: ExtractedArticle) =>
  article.blocks
    .filter((b) => b.kind !== 'paragraph' || !/^An opening|^A closing/.test(textOf(article, b)))
    .map((b) => {
      const { start: _start, end: _end, cells, ...rest } = b
      return {
        ...rest,
        text: textOf(article, b),
        ...(cells ? { cells: cells.map((c) => article.text.slice(c.start, c.end)) } : {}),
      }
    })

describe('web page structure', () => {
  it('keeps heading levels 2 to 6', async () => {
    const article = await page('<h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>')
    expect(shown(article)).toEqual([
      { kind: 'heading', level: 2, text: 'Two' },
      { kind: 'heading', level: 3, text: 'Three' },
      { kind: 'heading', level: 4, text: 'Four' },
      { kind: 'heading', level: 5, text: 'Five' },
      { kind: 'heading', level: 6, text: 'Six' },
    ])
  })

  it('numbers ordered list items from their start, honours value, and nests lists by depth', async () => {
    const article = await page(
      '<ol start="3"><li>Third</li><li>Fourth<ul><li>rockets</li><li>shells<ol><li>old</li></ol></li></ul></li><li value="9">Ninth</li></ol>',
    )
    expect(shown(article)).toEqual([
      { kind: 'list-item', ordered: true, number: 3, text: 'Third' },
      { kind: 'list-item', ordered: true, number: 4, text: 'Fourth' },
      { kind: 'list-item', depth: 1, text: 'rockets' },
      { kind: 'list-item', depth: 1, text: 'shells' },
      { kind: 'list-item', depth: 2, ordered: true, number: 1, text: 'old' },
      { kind: 'list-item', ordered: true, number: 9, text: 'Ninth' },
    ])
  })

  it('keeps a code block exactly, with its language, and marks inline code', async () => {
    const article = await page(
      '<pre><code class="language-python">def launch(n):\n    if n &gt; 3:\n\n        return  "far"\n</code></pre><p>Call <code>launch(4)</code> twice.</p>',
    )
    expect(shown(article)[0]).toEqual({
      kind: 'code',
      language: 'python',
      text: 'def launch(n):\n    if n > 3:\n\n        return  "far"',
    })
    const code = article.inline!.find((m) => m.kind === 'code')!
    expect(article.text.slice(code.start, code.end)).toBe('launch(4)')
  })

  it('writes a table as rows of cells, header rows marked, empty cells kept in place', async () => {
    const article = await page(
      '<table><thead><tr><th>Year</th><th>Containers</th><th>Port</th></tr></thead><tbody><tr><td>2022</td><td></td><td>Rajin</td></tr><tr><td> 2023 </td><td>1,000</td><td>Najin</td></tr></tbody></table>',
    )
    expect(shown(article)).toEqual([
      { kind: 'row', header: true, text: 'Year · Containers · Port', cells: ['Year', 'Containers', 'Port'] },
      { kind: 'row', text: '2022 · · Rajin', cells: ['2022', '', 'Rajin'] },
      { kind: 'row', text: '2023 · 1,000 · Najin', cells: ['2023', '1,000', 'Najin'] },
    ])
  })

  it('names a figure by its alt text, adds no text for it, and keeps its caption as text', async () => {
    const article = await page(
      '<figure><img src="https://example.com/kim.jpg" alt="Kim and Putin shake hands"><figcaption>The leaders met in 2019.</figcaption></figure><p><img src="x.png" alt="Standalone chart"></p><p>Inline <img src="i.png" alt="icon"> image and a decorative one <img src="d.png" alt="">.</p>',
    )
    expect(shown(article)).toEqual([
      { kind: 'figure', alt: 'Kim and Putin shake hands', text: '' },
      { kind: 'caption', text: 'The leaders met in 2019.' },
      { kind: 'figure', alt: 'Standalone chart', text: '' },
      { kind: 'paragraph', text: 'Inline image and a decorative one .' },
    ])
    expect(article.text).not.toContain('Kim and Putin shake hands')
    expect(article.text).not.toContain('example.com')
    // A figure stands where its caption starts, so a highlight of the caption finds it.
    const [figure, caption] = article.blocks.filter((b) => b.kind === 'figure' || b.kind === 'caption')
    expect(figure!.start).toBe(caption!.start)
  })

  it('reads a list inside a figure caption as the caption', async () => {
    const article = await page(
      '<figure><img src="w.jpg" alt="A stranded whale"><figcaption><ul><li>A whale on the beach at dawn.</li></ul></figcaption></figure>',
    )
    expect(shown(article)).toEqual([
      { kind: 'figure', alt: 'A stranded whale', text: '' },
      { kind: 'caption', text: 'A whale on the beach at dawn.' },
    ])
  })

  it('keeps footnote references as superscript marks', async () => {
    const article = await page(
      '<p>Firefox was released in 2004.<sup><a href="#cite_note-4">[4]</a></sup> It spread fast.</p>',
    )
    const sup = article.inline!.find((m) => m.kind === 'superscript')!
    expect(article.text.slice(sup.start, sup.end)).toBe('[4]')
  })

  it('trims edit links off headings, at the end or the start, and leaves the text as it was', async () => {
    const article = await page(
      [
        '<h2><span id="History">History</span><span class="mw-editsection"><span>[</span><a href="/w/index.php?action=edit&amp;section=1">edit</a><span>]</span></span></h2>',
        '<h3>Pledge [ <a href="/edit/2">edit</a> ]</h3>',
        '<h3><span class="editsection">[<a href="/e">edit</a> | <a href="/s">edit source</a>]</span> Values</h3>',
        '<h2><a href="/how-to-edit">Edit</a></h2>',
        '<h2>Why we <a href="/edit">edit</a> articles</h2>',
      ].join(''),
    )
    expect(shown(article)).toEqual([
      { kind: 'heading', level: 2, text: 'History' },
      { kind: 'paragraph', trimmed: true, text: '[edit]' },
      { kind: 'heading', level: 3, text: 'Pledge' },
      { kind: 'paragraph', trimmed: true, text: '[ edit ]' },
      { kind: 'paragraph', trimmed: true, text: '[edit | edit source]' },
      { kind: 'heading', level: 3, text: 'Values' },
      { kind: 'heading', level: 2, text: 'Edit' },
      { kind: 'heading', level: 2, text: 'Why we edit articles' },
    ])
    expect(article.text).toContain('History[edit]')
    expect(article.text).toContain('Pledge [ edit ]')
    expect(article.text).toContain('[edit | edit source] Values')
    expect(visibleText(article.text, article.blocks)).not.toMatch(/\[\s*edit/)
  })
})

describe('structure of real pages', () => {
  async function corpusPage(name: string): Promise<ExtractedArticle> {
    const path = join(corpusDir, 'readability', name, 'source.html')
    return (await extract('source.html', await readFile(path))).article
  }

  it('Wikipedia: headings keep levels 2 to 4 and lose their "[edit]" links, which stay in the text', async () => {
    const article = await corpusPage('wikipedia')
    const headings = article.blocks.filter((b) => b.kind === 'heading')
    expect(headings.length).toBeGreaterThan(20)
    for (const heading of headings.filter((h) => !h.trimmed))
      expect(textOf(article, heading)).not.toMatch(/edit\]?$/)
    expect(new Set(headings.map((h) => h.level))).toEqual(new Set([2, 3, 4]))
    const history = headings.find((h) => textOf(article, h) === 'History')!
    expect(history.level).toBe(2)
    expect(headings.find((h) => textOf(article, h) === 'Firefox Mobile')!.level).toBe(3)
    expect(article.text).toContain('History[edit]')
    expect(visibleText(article.text, article.blocks)).not.toContain('[edit]')
    const notes = article.blocks.filter((b) => b.kind === 'list-item' && b.ordered)
    expect(notes.slice(0, 3).map((b) => b.number)).toEqual([1, 2, 3])
    expect(article.inline!.filter((m) => m.kind === 'superscript').length).toBeGreaterThan(50)
  })

  it('Ars Technica: the code sample keeps its lines and indentation', async () => {
    const article = await corpusPage('ars-1')
    const code = article.blocks.find((b) => b.kind === 'code')!
    expect(textOf(article, code)).toMatch(/^rekt: \{\n {4}list: \[\n {8}list: \[/)
  })

  it('LWN: data tables become rows of cells with their header rows', async () => {
    const article = await corpusPage('lwn-1')
    const rows = article.blocks.filter((b) => b.kind === 'row')
    expect(rows.length).toBeGreaterThan(50)
    expect(rows.some((r) => r.header)).toBe(true)
    for (const row of rows) {
      for (const cell of row.cells!) {
        expect(cell.start).toBeGreaterThanOrEqual(row.start)
        expect(cell.end).toBeLessThanOrEqual(row.end)
      }
    }
  })
})
