// A highlight that runs through headings, lists, code, a table and a figure is exported with that
// structure: the Markdown parses back (markdown-it, marked) to the same elements, and the print HTML
// has them too; article text stays escaped in both.
import MarkdownIt from 'markdown-it'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { addHighlight } from '../../../src/main/services/annotate/highlights'
import { quoteParts } from '../../../src/main/services/brief/quote-parts'
import { articleMarkdown } from '../../../src/main/services/brief/markdown'
import { articlePrintHtml } from '../../../src/main/services/brief/print-html'
import { extract } from '../../../src/main/services/import/extract'
import { SCHEMA_VERSION, type Article } from '../../../src/shared/model'

const PAGE = `<!doctype html><html lang="en"><head><title>Rail deliveries</title></head><body><article>
<h1>Rail deliveries</h1>
<p>An opening paragraph long enough for Readability to take this for the article it is, with a few more
words about the weapons shipments and the talks in Vladivostok to be sure of it.</p>
<h2>Background</h2>
<h3>Earlier shipments</h3>
<ol start="3"><li>Artillery shells<ul><li>122 mm</li></ul></li><li>Infantry rockets</li></ol>
<pre><code class="language-python">def route():
    return "Rajin | \`\`\` &lt;script&gt;"</code></pre>
<table><tr><th>Year</th><th>Port</th></tr><tr><td>2022</td><td>Rajin | Najin</td></tr></table>
<figure><img src="https://example.com/depot.jpg" alt="Satellite view of the depot"><figcaption>The depot in May.</figcaption></figure>
<p>A closing paragraph long enough for Readability to keep as well, about what the officials said after
the meeting and what happens next in the negotiations between the two governments.</p>
</article></body></html>`

async function structuredArticle(): Promise<Article> {
  const { article } = await extract('rail.html', new TextEncoder().encode(PAGE))
  const full: Article = {
    ...article,
    schemaVersion: SCHEMA_VERSION,
    id: 'article001',
    original: { name: 'rail.html', sha256: '0'.repeat(64), type: 'text/html', size: 1 },
    highlights: [],
    mentions: [],
    importedAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  }
  const start = full.text.indexOf('Background')
  const end = full.text.indexOf('The depot in May.') + 'The depot in May.'.length
  addHighlight(full, { start, end })
  return full
}

describe('structured quotes', () => {
  it('cuts a quote along the blocks it runs through, the figure included', async () => {
    const article = await structuredArticle()
    const { start, end } = article.highlights[0]!.target.position
    const parts = quoteParts(article, start, end, article.text.slice(start, end))
    expect(parts.map((p) => p.kind)).toEqual([
      'heading',
      'heading',
      'list-item',
      'list-item',
      'list-item',
      'code',
      'row',
      'row',
      'figure',
      'caption',
    ])
    expect(parts[0]).toMatchObject({ rank: 2, text: 'Background' })
    expect(parts[1]).toMatchObject({ rank: 3, text: 'Earlier shipments' })
    expect(parts[2]).toMatchObject({ ordered: true, number: 3 })
    expect(parts[3]).toMatchObject({ depth: 1, text: '122 mm' })
    expect(parts[7]!.cells).toEqual(['2022', 'Rajin | Najin'])
  })

  it('a quote that no longer matches the text stays one paragraph of its words', () => {
    const article = { text: 'Hello world', blocks: [{ kind: 'heading' as const, start: 0, end: 11 }] }
    expect(quoteParts(article, 0, 5, 'Other')).toEqual([{ kind: 'paragraph', text: 'Other' }])
  })

  for (const [name, render] of [
    ['markdown-it', (md: string) => new MarkdownIt({ linkify: true }).render(md)],
    ['marked', (md: string) => marked.parse(md, { gfm: true, async: false })],
  ] as const) {
    it(`Markdown parses back with its structure (${name})`, async () => {
      const html = render(articleMarkdown(await structuredArticle(), []))
      const quote = html.slice(html.indexOf('<blockquote>'), html.lastIndexOf('</blockquote>'))
      expect(quote).toMatch(/<h3[^>]*>Background<\/h3>/)
      expect(quote).toMatch(/<h4[^>]*>Earlier shipments<\/h4>/)
      expect(quote).toMatch(
        /<ol start="3">\s*<li>Artillery shells\s*<ul>\s*<li>122 mm<\/li>\s*<\/ul>\s*<\/li>\s*<li>Infantry rockets<\/li>\s*<\/ol>/,
      )
      expect(quote).toContain(
        '<pre><code class="language-python">def route():\n    return &quot;Rajin | ``` &lt;script&gt;&quot;\n</code></pre>',
      )
      expect(quote).toMatch(/<th>Year<\/th>\s*<th>Port<\/th>/)
      expect(quote).toMatch(/<td>2022<\/td>\s*<td>Rajin \| Najin<\/td>/)
      expect(quote).toContain('[Image: Satellite view of the depot]')
      expect(quote).toContain('The depot in May.')
      expect(html).not.toMatch(/<(a|img|script)\b/)
    })
  }

  it('the print HTML has the same structure, escaped', async () => {
    const html = articlePrintHtml(await structuredArticle(), [])
    expect(html).toContain('<h3>Background</h3><h4>Earlier shipments</h4>')
    expect(html).toContain(
      '<ol start="3"><li>Artillery shells<ul><li>122 mm</li></ul></li><li>Infantry rockets</li></ol>',
    )
    expect(html).toContain(
      '<pre><code>def route():\n    return &#34;Rajin | ``` &#60;script&#62;&#34;</code></pre>',
    )
    expect(html).toContain(
      '<table><tr><th>Year</th><th>Port</th></tr><tr><td>2022</td><td>Rajin | Najin</td></tr></table>',
    )
    expect(html).toContain(
      '<p class="figure">[Image: Satellite view of the depot]</p><p class="caption">The depot in May.</p>',
    )
    expect(html).not.toMatch(/<(script|img|a|iframe|link)\b/i)
  })
})
