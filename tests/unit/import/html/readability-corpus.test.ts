// Import quality on Mozilla Readability's 32 real pages: the text against expected.html (token F1),
// how much of it is trimmed as furniture, and title, byline, date and direction against
// expected-metadata.json. expected.html is Readability's own output, furniture and all, so the text
// kept with its trimmed blocks is what must match it; the visible text may only be shorter by the
// furniture. A table per page is printed so a regression shows where it happened.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { JSDOM, VirtualConsole } from 'jsdom'
import { beforeAll, describe, expect, it } from 'vitest'
import { visibleText } from '../../../../src/main/services/import/boilerplate'
import { extract } from '../../../../src/main/services/import/extract'
import type { ExtractedArticle } from '../../../../src/shared/model'
import { corpusDir } from '../../../helpers'
import { tokenF1, tokens } from './text-overlap'

const readabilityDir = join(corpusDir, 'readability')
const pages = readdirSync(readabilityDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

interface Expected {
  title: string
  byline: string | null
  publishedTime: string | null
  dir: string | null
}

interface Row {
  page: string
  /** Token F1 of the whole text, trimmed blocks included. */
  f1: number
  /** Token F1 of the visible text, without the trimmed blocks. */
  visibleF1: number
  /** The share of the text's tokens that stand in trimmed blocks. */
  trimmed: number
  title: boolean
  /** undefined where the expected metadata has no value. */
  byline?: boolean
  date?: boolean
  rtl: boolean
  article: ExtractedArticle
  expected: Expected
}

const space = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()

/** "By Erin Cunningham" and "Erin Cunningham" are the same byline; case and spacing do not count. */
function sameByline(ours: string | undefined, theirs: string): boolean {
  const plain = (s: string) =>
    space(s)
      .toLowerCase()
      .replace(/^(?:by|par)\s+/, '')
  return !!ours && (plain(ours) === plain(theirs) || plain(theirs).startsWith(plain(ours)))
}

/**
 * Readability keeps a site's name in the title ("Mozilla - Wikipedia"); Dossier drops it, and what
 * follows the headline after a separator. The same title, then, when the rest is a short tail like that.
 */
function sameTitle(ours: string, theirs: string): boolean {
  const [a, b] = [space(ours), space(theirs)]
  if (a === b) return true
  const tail = b.startsWith(a) ? b.slice(a.length) : ''
  return !!a && /^\s*(?:[|\-–—·•»]|::|\[)/u.test(tail) && tail.trim().split(/\s+/).length <= 7
}

function sameDate(ours: string | undefined, theirs: string): boolean {
  return !!ours && ours.slice(0, 10) === theirs.trim().slice(0, 10)
}

function expectedText(page: string): string {
  const html = readFileSync(join(readabilityDir, page, 'expected.html'), 'utf8')
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() })
  const text = dom.window.document.body.textContent ?? ''
  dom.window.close()
  return text
}

async function measure(page: string): Promise<Row> {
  const expected = JSON.parse(
    readFileSync(join(readabilityDir, page, 'expected-metadata.json'), 'utf8'),
  ) as Expected
  const { article } = await extract('source.html', readFileSync(join(readabilityDir, page, 'source.html')))
  const visible = visibleText(article.text, article.blocks)
  return {
    page,
    f1: tokenF1(article.text, expectedText(page)),
    visibleF1: tokenF1(visible, expectedText(page)),
    trimmed: 1 - tokens(visible).length / Math.max(1, tokens(article.text).length),
    title: sameTitle(article.title, expected.title),
    ...(expected.byline ? { byline: sameByline(article.byline, expected.byline) } : {}),
    ...(expected.publishedTime ? { date: sameDate(article.published, expected.publishedTime) } : {}),
    rtl: (article.direction === 'rtl') === (expected.dir === 'rtl'),
    article,
    expected,
  }
}

const mark = (value: boolean | undefined) => (value === undefined ? '–' : value ? 'ok' : 'NO')

function table(rows: readonly Row[]): string {
  const lines = rows.map((r) =>
    [
      r.page.padEnd(15),
      r.f1.toFixed(3).padStart(6),
      r.visibleF1.toFixed(3).padStart(8),
      `${(100 * r.trimmed).toFixed(1)}%`.padStart(8),
      mark(r.title).padStart(5),
      mark(r.byline).padStart(6),
      mark(r.date).padStart(5),
      mark(r.rtl).padStart(4),
      `  ${space(r.article.title).slice(0, 50)}`,
    ].join(' '),
  )
  const count = (pick: (r: Row) => boolean | undefined) =>
    `${rows.filter((r) => pick(r) === true).length}/${rows.filter((r) => pick(r) !== undefined).length}`
  const meanF1 = rows.reduce((sum, r) => sum + r.f1, 0) / rows.length
  return [
    `${'page'.padEnd(15)} ${'F1'.padStart(6)} ${'visible'.padStart(8)} ${'trimmed'.padStart(8)} title byline  date  dir`,
    ...lines,
    `F1 ≥ 0.98: ${rows.filter((r) => r.f1 >= 0.98).length}/${rows.length} (mean ${meanF1.toFixed(3)}); title ${count((r) => r.title)}; byline ${count((r) => r.byline)}; date ${count((r) => r.date)}; direction ${count((r) => r.rtl)}`,
  ].join('\n')
}

describe('web page import on the Readability corpus', () => {
  const rows: Row[] = []

  beforeAll(async () => {
    for (const page of pages) rows.push(await measure(page))
    console.log(`\n${table(rows)}\n`)
  }, 120_000)

  it('has all 32 pages', () => {
    expect(pages).toHaveLength(32)
  })

  it('keeps the article text: token F1 ≥ 0.98 against expected.html on every page', () => {
    const low = rows.filter((r) => r.f1 < 0.98).map((r) => `${r.page} ${r.f1.toFixed(3)}`)
    expect(low, 'pages below 0.98').toEqual([])
  })

  it('trims furniture, not the article: at most 15% of any page, and the visible text still matches', () => {
    const over = rows.filter((r) => r.trimmed > 0.15).map((r) => `${r.page} ${(100 * r.trimmed).toFixed(1)}%`)
    expect(over, 'pages with more than 15% trimmed').toEqual([])
    const low = rows.filter((r) => r.visibleF1 < 0.9).map((r) => `${r.page} ${r.visibleF1.toFixed(3)}`)
    expect(low, 'visible text below F1 0.9').toEqual([])
  })

  it('finds the title on at least 30 of 32 pages', () => {
    const wrong = rows
      .filter((r) => !r.title)
      .map((r) => `${r.page}: "${r.article.title}" ≠ "${r.expected.title}"`)
    expect(rows.length - wrong.length, wrong.join('\n')).toBeGreaterThanOrEqual(30)
  })

  it('finds the byline and the date on most pages that have them', () => {
    const bylines = rows.filter((r) => r.byline !== undefined)
    const dates = rows.filter((r) => r.date !== undefined)
    expect(bylines.filter((r) => r.byline).length).toBeGreaterThanOrEqual(bylines.length - 2)
    expect(dates.filter((r) => r.date).length).toBe(dates.length)
  })

  it('reads right-to-left pages as rtl and no other', () => {
    expect(rows.filter((r) => !r.rtl).map((r) => r.page)).toEqual([])
  })

  it('keeps only text: every page yields blocks and no markup', () => {
    for (const { article, page } of rows) {
      expect(article.blocks.length, page).toBeGreaterThan(0)
      expect(article.text, page).not.toMatch(/<\/?(?:script|iframe|img|div|p|a)\b[^>]*>/i)
    }
  })
})
