// The first seed article as a full web page must read like its plain-text export: same title, same
// visible text, the page's metadata, and none of the site's furniture (nav, cookies, ads, teasers).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { visibleText } from '../../../../src/main/services/import/boilerplate'
import { extract, type Extraction } from '../../../../src/main/services/import/extract'
import { SEED_000, seedsDir } from '../../../helpers'
import { tokenF1, tokenSurplus } from './text-overlap'

const SEED_PAGE = join(seedsDir, '000_us-concerned-north-korea.html')

describe('the seed web page', () => {
  let page: Extraction
  let plain: Extraction
  let visible: string

  beforeAll(async () => {
    page = await extract('000_us-concerned-north-korea.html', await readFile(SEED_PAGE))
    plain = await extract('000_8b2ef8656cbf5d92.txt', await readFile(SEED_000))
    visible = visibleText(page.article.text, page.article.blocks)
  })

  it('is stored as text/html', () => {
    expect(page.mimeType).toBe('text/html')
  })

  it('has the title of the plain-text seed, without the site suffix of <title>', () => {
    expect(page.article.title).toBe(
      'US concerned North Korean leader Kim Jong Un plans to deliver more military equipment to Russia',
    )
    expect(page.article.title).toBe(plain.article.title)
  })

  it('reads the metadata the page declares', () => {
    const { article } = page
    expect(article.published?.slice(0, 10)).toBe('2023-06-13')
    expect(article.published).toBe('2023-06-13T09:30:00+05:30')
    expect(article.siteName).toBe('Example Wire')
    expect(article.byline).toBe('Wire Staff')
    expect(article.sourceUrl).toBe(
      'https://wire.example.org/world/us-concerned-north-korea-military-equipment-russia',
    )
    expect(article.language).toBe('en')
    expect(article.direction).toBe('ltr')
    expect(article.credits).toEqual(['Reuters'])
  })

  it('shows the same text as the plain-text export (token F1 ≥ 0.97)', () => {
    const reference = visibleText(plain.article.text, plain.article.blocks)
    const f1 = tokenF1(visible, reference)
    console.log(
      `seed page F1 against the .txt seed: ${f1.toFixed(3)}; extra tokens: ${tokenSurplus(visible, reference).join(' ') || 'none'}`,
    )
    expect(f1).toBeGreaterThanOrEqual(0.97)
  })

  it('leaves the site furniture out of what the reader sees', () => {
    for (const furniture of [
      'cookies',
      'Accept all',
      'Cricket',
      'Entertainment',
      'Advertisement',
      'Related Articles',
      'Japan puts ballistic missile defences',
      'Share on Facebook',
      'also read',
      'Read all the Latest News',
      'All rights reserved',
      'By Wire Staff',
    ]) {
      expect(visible, furniture).not.toContain(furniture)
    }
    expect(visible).toMatch(/^File photo\.\n\nNorth Korean leader Kin Jong Un/)
    expect(visible).toMatch(/lost in its war with Ukraine\.$/)
  })

  it('keeps structure and emphasis: the photo as a figure with its caption, and the italic credit line', () => {
    const { article } = page
    const kinds = article.blocks.map((b) => b.kind)
    expect(kinds.slice(0, 2)).toEqual(['figure', 'caption'])
    expect(article.blocks[0]!.alt).toBe('Kim Jong Un and Vladimir Putin')
    expect(article.text).not.toContain('wire.example.org/img')
    const italic = article.inline?.map((m) => `${m.kind}:${article.text.slice(m.start, m.end)}`)
    expect(italic).toContain('emphasis:With inputs from Reuters')
  })
})
