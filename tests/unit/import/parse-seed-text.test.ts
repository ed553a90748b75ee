import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { extract } from '../../../src/main/services/import/extract'
import { SEED_000, SEED_004 } from '../../helpers'

async function extractFile(path: string) {
  return (await extract(path.split('/').pop()!, await readFile(path))).article
}

const paragraphs = (a: { text: string; blocks: { start: number; end: number }[] }) =>
  a.blocks.map((b) => a.text.slice(b.start, b.end))

describe('seed text format', () => {
  it('reads date and title from the leading "date YYYY-MM-DD <title>" line of seed 000', async () => {
    const article = await extractFile(SEED_000)
    expect(article.title).toBe(
      'US concerned North Korean leader Kim Jong Un plans to deliver more military equipment to Russia',
    )
    expect(article.published).toBe('2023-06-13')
    expect(article.sourceUrl).toBeUndefined()
    expect(article.text.startsWith('North Korean leader Kin Jong Un in message')).toBe(true)
    expect(article.text).not.toContain('date 2023-06-13')
  })

  it('keeps every body line of seed 000 as a paragraph, with the curly quotes intact', async () => {
    const article = await extractFile(SEED_000)
    const paras = paragraphs(article)
    expect(paras[0]).toMatch(/^North Korean leader Kin Jong Un/)
    expect(paras).toContain(
      'Kim Jong Un made the pledge in a message to Russian President Vladimir Putin marking Russia’s National Day.',
    )
    expect(article.text).toContain('called for “closer strategic cooperation” with Moscow')
    expect(paras.at(-1)).toMatch(/^The hermit state announced on Tuesday/)
    expect(article.blocks.every((b) => b.kind === 'paragraph')).toBe(true)
  })

  it('takes LINK and TAGS of seed 004 as metadata, not body text', async () => {
    const article = await extractFile(SEED_004)
    expect(article.sourceUrl).toBe('https://www.ansarpress.com/english/27741')
    expect(article.tags).toEqual([])
    expect(article.text).not.toMatch(/LINK:|TAGS:/)
    expect(paragraphs(article).at(-1)).toMatch(/^The United States, in turn, has accused Pyongyang/)
  })

  it('keeps the caption paragraph of seed 004, marked as a caption', async () => {
    const article = await extractFile(SEED_004)
    const paras = paragraphs(article)
    expect(paras).toHaveLength(10)
    expect(paras[0]).toMatch(
      /^Flags of Russia and North Korea are seen in front of the central railway station/,
    )
    expect(article.blocks[0]!.kind).toBe('caption')
  })

  it('gives seed 004 a title from its lead sentence, not from the caption or the file name', async () => {
    const article = await extractFile(SEED_004)
    expect(article.title).toBe(
      'The US has accused North Korea of providing Russia with a shipment of weapons',
    )
    expect(article.published).toBeUndefined()
    expect(article.warnings.join(' ')).toMatch(/title was taken from its first sentence/)
  })

  it('joins hard-wrapped lines of ordinary text files into paragraphs', async () => {
    const text = 'A first paragraph that\nwraps onto a second line.\n\nA second paragraph\nalso wrapped.\n'
    const article = (await extract('notes.txt', new TextEncoder().encode(text))).article
    expect(paragraphs(article)).toEqual([
      'A first paragraph that wraps onto a second line.',
      'A second paragraph also wrapped.',
    ])
  })
})
