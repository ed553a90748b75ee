import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { addHighlight } from '../../../src/main/services/annotate/highlights'
import { addMention } from '../../../src/main/services/annotate/mentions'
import { articleMarkdown, escapeMarkdown } from '../../../src/main/services/brief/markdown'
import { articlePrintHtml } from '../../../src/main/services/brief/print-html'
import { extract } from '../../../src/main/services/import/extract'
import { SCHEMA_VERSION, type Article, type Entity } from '../../../src/shared/model'
import { SEED_000, hostileDir } from '../../helpers'

async function articleFrom(path: string): Promise<Article> {
  const { article } = await extract(path.split('/').pop()!, await readFile(path))
  return {
    ...article,
    schemaVersion: SCHEMA_VERSION,
    id: 'article001',
    original: { name: path.split('/').pop()!, sha256: '0'.repeat(64), type: 'text/plain', size: 1 },
    highlights: [],
    mentions: [],
    importedAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  }
}

const person: Entity = {
  id: 'entity0001',
  name: 'Kim Jong Un',
  type: 'Person',
  aliases: [],
  notes: '',
  createdAt: '',
}

/** markdown-it's linkify as shipped, and with every fuzzy rule of linkify-it on (bare domains, IPs). */
const linkifyDefault = new MarkdownIt({ linkify: true })
const linkifyFuzzy = new MarkdownIt({ linkify: true })
linkifyFuzzy.linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true })

const RENDERERS: [string, (md: string) => string][] = [
  ['markdown-it linkify', (md) => linkifyDefault.render(md)],
  ['markdown-it linkify, fuzzy', (md) => linkifyFuzzy.render(md)],
  ['marked GFM autolinks', (md) => marked.parse(md, { gfm: true, async: false })],
]

/** What a reader sees of rendered HTML: the tags dropped, the character references resolved. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim()
}

describe('Markdown brief', () => {
  it('has the title, source line, each highlight as a quotation with its note, and the entities', async () => {
    const article = await articleFrom(SEED_000)
    const start = article.text.indexOf('closer strategic cooperation')
    addHighlight(article, { start, end: start + 28, note: 'Pledge of deeper ties' })
    const kin = article.text.indexOf('Kin Jong Un')
    addMention(article, person, kin, kin + 11)
    const md = articleMarkdown(article, [person])
    expect(md).toMatch(
      /^# US concerned North Korean leader Kim Jong Un plans to deliver more military equipment to Russia\n/,
    )
    expect(md).toContain('**Source:** 13 June 2023 · With inputs from Reuters')
    expect(md).toContain('> closer strategic cooperation\n')
    expect(md).toContain('**Note:** Pledge of deeper ties')
    expect(md).toContain('**People**')
    expect(md).toContain('- Kim Jong Un (as “Kin Jong Un”)')
  })

  it('keeps an unanchored highlight in the brief with its note, marked as no longer in the text', async () => {
    const article = await articleFrom(SEED_000)
    const start = article.text.indexOf('closer strategic cooperation')
    const lost = addHighlight(article, { start, end: start + 28, note: 'Pledge of deeper ties' })
    lost.unanchored = true
    const md = articleMarkdown(article, [])
    expect(md).toContain(
      '> closer strategic cooperation\n\n_Unanchored: this passage is no longer found in the current text of the article._\n\n**Note:** Pledge of deeper ties',
    )
    const html = articlePrintHtml(article, [])
    expect(html).toMatch(
      /<blockquote><p>closer strategic cooperation<\/p><p class="unanchored">Unanchored: this passage is no longer found in the current text of the article\.<\/p><p class="note">/,
    )
  })

  it('shows every character of a hostile article literally: no link, image, heading, table or HTML', async () => {
    const article = await articleFrom(join(hostileDir, 'markdown-injection.txt'))
    for (const line of article.blocks)
      addHighlight(article, { start: line.start, end: line.end, note: '<b>note</b> [x](y)' })
    const md = articleMarkdown(article, [])
    const html = await marked.parse(md, { gfm: true })
    expect(html).not.toMatch(/<(a|img|table|script|h[2-6] id|b)\b[^>]*>(?!Highlights|Entities)/)
    expect(html.match(/<h1/g)).toHaveLength(1)
    expect(html).not.toMatch(/<h2>(?!Highlights|Entities)/)
    const text = html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
    expect(text).toContain("[shipment](javascript:alert('md'))")
    expect(text).toContain('![beacon](http://127.0.0.1:9/md-beacon.png)')
    expect(text).toContain('<img src=x onerror=alert(1)>')
    expect(text).toContain('# This line starts with a hash')
  })

  it('keeps a hostile article literal in markdown-it with linkify too', async () => {
    const article = await articleFrom(join(hostileDir, 'markdown-injection.txt'))
    for (const line of article.blocks) addHighlight(article, { start: line.start, end: line.end })
    const html = linkifyFuzzy.render(articleMarkdown(article, []))
    expect(html).not.toMatch(/<(a|img|table|script)\b/)
    expect(visibleText(html)).toContain('![beacon](http://127.0.0.1:9/md-beacon.png) Kim Jong Un met')
  })

  it('escapes what would start a block at the beginning of a line', () => {
    expect(escapeMarkdown('1. one')).toBe('1\\. one')
    expect(escapeMarkdown('- item')).toBe('\\- item')
    expect(escapeMarkdown('see https://x.org')).toBe('see https\\:\\/\\/x\\.org')
    expect(escapeMarkdown('mail me@example.com')).toBe('mail me\\@example\\.com')
    expect(escapeMarkdown('up 3.5 percent, e.g.')).toBe('up 3.5 percent, e\\.g.')
  })
})

describe('print HTML', () => {
  it('escapes article text and loads nothing', async () => {
    const article = await articleFrom(join(hostileDir, 'markdown-injection.txt'))
    addHighlight(article, { start: 0, end: article.text.length })
    const html = articlePrintHtml(article, [])
    expect(html).not.toMatch(/<(script|img|a|iframe|link)\b/i)
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;')
    expect(html).toContain("default-src 'none'")
  })
})

describe('Markdown escaping against renderers that make links of bare text', () => {
  const ADDRESSES = [
    'example.com',
    'Read more at example.com today.',
    '//example.com/path',
    'evil.co.uk/x',
    'sub.domain.org',
    'user@example.com',
    'git@github.com:owner/repo',
    'www.example.com',
    'WWW.EXAMPLE.COM/a',
    'https://example.com/a?b=c&d=e',
    'see http://example.com.',
    'mailto:someone@example.org',
    'ftp.example.com',
    '127.0.0.1:9/beacon.png',
    'xn--e1afmkfd.xn--p1ai',
    'пример.рф and 例子.中国',
    'e.g. U.S. officials paid $12.50, 3.5% more, at 10.30 a.m.',
  ]

  for (const [name, render] of RENDERERS) {
    it(`${name}: no link, and the same characters come back`, () => {
      for (const text of ADDRESSES) {
        const html = render(escapeMarkdown(text))
        expect(html, text).not.toContain('<a')
        expect(visibleText(html), text).toBe(text)
      }
    })
  }

  it('no top-level domain makes a link of name.tld, with every fuzzy rule of linkify-it on', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    const tlds = ['com', 'org', 'info', 'museum', 'shop', 'xn--p1ai', 'рф']
    for (const a of letters) for (const b of letters) tlds.push(a + b)
    for (const tld of tlds) {
      const text = `name.${tld} and www.name.${tld}/path and me@name.${tld}`
      for (const [name, render] of RENDERERS)
        expect(render(escapeMarkdown(text)), `${name}: ${text}`).not.toContain('<a')
    }
  })
})
