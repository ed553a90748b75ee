import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { creditsIn, visibleText } from '../../../src/main/services/import/boilerplate'
import { extract } from '../../../src/main/services/import/extract'
import { hammingDistance, SAME_STORY_BITS, simhash } from '../../../src/main/services/import/simhash'
import { SEED_000, SEED_004, seedsDir } from '../../helpers'

async function visible(path: string) {
  const { article } = await extract(path.split('/').pop()!, await readFile(path))
  return { article, text: visibleText(article.text, article.blocks) }
}

describe('site boilerplate in text exports', () => {
  it('trims "Related Articles", the news-site footer and the "also read" teasers of seed 000, keeping them', async () => {
    const { article, text } = await visible(SEED_000)
    for (const furniture of [
      'Related Articles',
      'Read all the Latest News',
      'Follow us on Facebook',
      'also read',
      'The hermit state announced',
    ]) {
      expect(text).not.toContain(furniture)
      expect(article.text).toContain(furniture)
    }
    expect(text).toContain('“Justice is sure to win')
    expect(text.trimEnd().endsWith('military equipment lost in its war with Ukraine.')).toBe(true)
  })

  it('turns "With inputs from Reuters" into a credit instead of body text', async () => {
    const { article, text } = await visible(SEED_000)
    expect(article.credits).toEqual(['Reuters'])
    expect(text).not.toContain('With inputs from Reuters')
    expect(creditsIn('(With inputs from PTI, AFP and Reuters)')).toEqual(['PTI', 'AFP', 'Reuters'])
    expect(creditsIn('Reuters reported that the talks failed.')).toBeUndefined()
  })

  it('leaves an article without furniture whole', async () => {
    const { article, text } = await visible(SEED_004)
    expect(article.blocks.some((b) => b.trimmed)).toBe(false)
    expect(text).toBe(article.text)
  })
})

describe('same story in another file', () => {
  it('gives the .txt, .md and Windows-1252 copies of seed 000 near-identical fingerprints, and seed 004 a distant one', async () => {
    const copies = await Promise.all(
      ['000_8b2ef8656cbf5d92.txt', '000_us-concerned-north-korea.md', '000_windows-1252.txt'].map((n) =>
        visible(join(seedsDir, n)),
      ),
    )
    const other = await visible(SEED_004)
    const [a, b, c] = copies.map((v) => simhash(v.text)!)
    expect(hammingDistance(a!, b!)).toBeLessThanOrEqual(SAME_STORY_BITS)
    expect(hammingDistance(a!, c!)).toBeLessThanOrEqual(SAME_STORY_BITS)
    expect(hammingDistance(a!, simhash(other.text)!)).toBeGreaterThan(SAME_STORY_BITS * 2)
  })
})
