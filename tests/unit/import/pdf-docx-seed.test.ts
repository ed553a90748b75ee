// The seed article as a PDF and as a Word document must read like the seed's own text export, and the
// hostile PDF and Word files must fail fast with a sentence naming the file.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { visibleText } from '../../../src/main/services/import/boilerplate'
import { extract } from '../../../src/main/services/import/extract'
import { loadPdfJs } from '../../../src/main/services/import/pdf/open-pdf'
import { DossierError } from '../../../src/shared/errors'
import type { ExtractedArticle } from '../../../src/shared/model'
import { hostileDir, SEED_004, seedsDir } from '../../helpers'

const TITLE = 'US accuses North Korea of arms shipments to Russia'
const SOURCE = 'https://www.ansarpress.com/english/27741'

function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) as string[]
}

/** Token F1 of two texts taken as bags of words. */
function tokenF1(candidate: string, reference: string): number {
  const counts = new Map<string, number>()
  for (const t of tokens(reference)) counts.set(t, (counts.get(t) ?? 0) + 1)
  let overlap = 0
  const found = tokens(candidate)
  for (const t of found) {
    const left = counts.get(t) ?? 0
    if (left > 0) {
      overlap++
      counts.set(t, left - 1)
    }
  }
  const precision = overlap / found.length
  const recall = overlap / tokens(reference).length
  return (2 * precision * recall) / (precision + recall)
}

function visibleBlocks(article: ExtractedArticle): string[] {
  return article.blocks.filter((b) => !b.trimmed).map((b) => article.text.slice(b.start, b.end))
}

const firstWords = (block: string) => tokens(block).slice(0, 4).join(' ')

async function importFile(dir: string, name: string): Promise<ExtractedArticle> {
  return (await extract(name, await readFile(join(dir, name)))).article
}

describe.each([
  ['004_us-accuses-north-korea.pdf', 'application/pdf'],
  [
    '004_us-accuses-north-korea.docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
])('the seed article as %s', (name, mimeType) => {
  let article: ExtractedArticle
  let reference: ExtractedArticle

  beforeAll(async () => {
    const extraction = await extract(name, await readFile(join(seedsDir, name)))
    expect(extraction.mimeType).toBe(mimeType)
    article = extraction.article
    reference = (await extract('004.txt', await readFile(SEED_004))).article
  })

  it('reads the same words as the text export (token F1 ≥ 0.97)', () => {
    const f1 = tokenF1(
      visibleText(article.text, article.blocks),
      visibleText(reference.text, reference.blocks),
    )
    expect(f1).toBeGreaterThanOrEqual(0.97)
  })

  it('has the same paragraphs in the same order, the caption first', () => {
    const blocks = visibleBlocks(article)
    const expected = visibleBlocks(reference)
    expect(blocks).toHaveLength(expected.length)
    expect(blocks.map(firstWords)).toEqual(expected.map(firstWords))
    expect(article.blocks[0]!.kind).toBe('caption')
    expect(blocks[0]).toMatch(/^Flags of Russia and North Korea are seen/)
  })

  it('takes the title from the heading and the source from the "Source:" line, not into the text', () => {
    expect(article.title).toBe(TITLE)
    expect(article.sourceUrl).toBe(SOURCE)
    expect(article.text).not.toContain('Source:')
    expect(article.text).not.toContain(TITLE)
    expect(article.warnings).toEqual([])
  })

  it('keeps hyphenated compounds whole and adds no page numbers', () => {
    expect(article.text).toContain('surface-to-air missiles')
    expect(article.text).toContain('US-led NATO')
    expect(article.text).toContain('West-supplied Ukrainian forces')
    expect(article.text).toContain('national security interests')
    expect(visibleBlocks(article).some((b) => /^(?:page\s*)?\d+(?:\s*of\s*\d+)?$/i.test(b))).toBe(false)
  })
})

describe('hostile PDF and Word files', () => {
  const printed: string[] = []
  const rejections: unknown[] = []
  const onRejection = (reason: unknown) => rejections.push(reason)

  // Loading pdf.js itself is a one-time cost of the first PDF; the time limit is for reading the file.
  beforeAll(() => loadPdfJs())
  beforeEach(() => {
    printed.length = 0
    for (const method of ['log', 'warn', 'error', 'info'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')))
    }
    process.on('unhandledRejection', onRejection)
  })
  afterEach(() => {
    vi.restoreAllMocks()
    process.off('unhandledRejection', onRejection)
  })

  it.each([
    ['garbage.pdf', /^garbage\.pdf is a damaged PDF: .+\. Open it in a PDF reader/],
    ['truncated.pdf', /^truncated\.pdf is a damaged PDF: the file is cut short/],
    ['not-a-zip.docx', /^not-a-zip\.docx is a damaged Word document: it is not a zip archive/],
  ])('%s fails fast with a clear sentence, quietly', async (name, message) => {
    const started = performance.now()
    const error = await importFile(hostileDir, name).then(
      () => undefined,
      (e: unknown) => e,
    )
    const elapsed = performance.now() - started
    expect(error).toBeInstanceOf(DossierError)
    expect((error as DossierError).code).toBe('damaged-file')
    expect((error as DossierError).file).toBe(name)
    expect((error as DossierError).message).toMatch(message)
    expect(elapsed).toBeLessThan(1000)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(rejections).toEqual([])
    expect(printed).toEqual([])
  })
})
