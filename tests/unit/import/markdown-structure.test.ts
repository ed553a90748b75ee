// The structure a Markdown article keeps: heading levels, numbered lists from their start, nested
// lists, code blocks as written, tables as rows of cells, lone pictures as figures, inline marks.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../../src/main/services/import/parse-markdown'
import type { ExtractedArticle } from '../../../src/shared/model'
import { seedsDir } from '../../helpers'

function structure(article: ExtractedArticle) {
  return article.blocks.map(({ start, end, cells, ...rest }) => ({
    ...rest,
    text: article.text.slice(start, end),
    ...(cells ? { cells: cells.map((c) => article.text.slice(c.start, c.end)) } : {}),
  }))
}

const SOURCE = `# Rail deliveries

## Background

### Earlier shipments

3. Artillery shells
4. Infantry rockets
   - 122 mm
     - older stock

| Year | Containers |
|------|-----------|
| 2022 | \`1,000\` |
|      | 2,000 |

\`\`\`python
def route():

    return "Rajin"
\`\`\`

![Satellite view of the depot](https://example.com/depot.png)

Text with an ![inline icon](i.png) and *stress* and **weight**.
`

describe('Markdown structure', () => {
  const article = parseMarkdown(SOURCE)

  it('keeps heading levels, ordered lists from their start and nested lists by depth', () => {
    expect(article.title).toBe('Rail deliveries')
    expect(structure(article).slice(0, 6)).toEqual([
      { kind: 'heading', level: 2, text: 'Background' },
      { kind: 'heading', level: 3, text: 'Earlier shipments' },
      { kind: 'list-item', ordered: true, number: 3, text: 'Artillery shells' },
      { kind: 'list-item', ordered: true, number: 4, text: 'Infantry rockets' },
      { kind: 'list-item', depth: 1, text: '122 mm' },
      { kind: 'list-item', depth: 2, text: 'older stock' },
    ])
  })

  it('writes a table as a header row and rows of cells, an empty cell kept in place', () => {
    expect(structure(article).filter((b) => b.kind === 'row')).toEqual([
      { kind: 'row', header: true, text: 'Year · Containers', cells: ['Year', 'Containers'] },
      { kind: 'row', text: '2022 · 1,000', cells: ['2022', '1,000'] },
      { kind: 'row', text: '· 2,000', cells: ['', '2,000'] },
    ])
  })

  it('keeps a fenced code block exactly, with its language', () => {
    expect(structure(article).find((b) => b.kind === 'code')).toEqual({
      kind: 'code',
      language: 'python',
      text: 'def route():\n\n    return "Rajin"',
    })
  })

  it('makes a lone picture a figure named by its alt text, adding no text, and keeps inline marks', () => {
    const figure = article.blocks.find((b) => b.kind === 'figure')!
    expect(figure.alt).toBe('Satellite view of the depot')
    expect(figure.end).toBe(figure.start)
    expect(article.text).not.toContain('Satellite view')
    expect(article.text).not.toContain('example.com')
    expect(article.text).toContain('Text with an inline icon and stress and weight.')
    expect(article.inline!.map((m) => [m.kind, article.text.slice(m.start, m.end)])).toEqual([
      ['code', '1,000'],
      ['emphasis', 'stress'],
      ['strong', 'weight'],
    ])
  })

  it('reads the seed article as before: title, date and paragraphs', async () => {
    const seed = parseMarkdown(await readFile(join(seedsDir, '000_us-concerned-north-korea.md'), 'utf8'))
    expect(seed.title).toMatch(/^US concerned North Korean leader/)
    expect(seed.published).toBe('2023-06-13')
    expect(new Set(seed.blocks.map((b) => b.kind))).toEqual(new Set(['paragraph']))
  })
})
