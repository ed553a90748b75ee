// Imports run two at a time, a failed file never stops the batch, Cancel stops new files starting, and the
// summary sorts what happened, likely duplicates included.
import { describe, expect, it } from 'vitest'
import type { ImportResult } from '../../../src/shared/api'
import { createQueue, runQueue } from '../../../src/renderer/import/run-queue'
import {
  articleToOpen,
  needsAttention,
  similarityLabel,
  summarizeImports,
  summaryTitle,
} from '../../../src/renderer/import/summarize-imports'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('runQueue', () => {
  it('never runs more than the given number of jobs at once and keeps results in order', async () => {
    let running = 0
    let peak = 0
    const queue = createQueue<number, number>([1, 2, 3, 4, 5])
    await runQueue(
      queue,
      async (n) => {
        running++
        peak = Math.max(peak, running)
        await tick()
        running--
        return n * 10
      },
      2,
    )
    expect(peak).toBe(2)
    expect(queue.results).toEqual([10, 20, 30, 40, 50])
  })

  it('takes items appended while it runs', async () => {
    const queue = createQueue<string, string>(['a'])
    await runQueue(
      queue,
      async (item) => {
        if (item === 'a') queue.items.push('b')
        await tick()
        return item.toUpperCase()
      },
      2,
    )
    expect(queue.results).toEqual(['A', 'B'])
  })

  it('starts nothing new after cancel, and finishes what had started', async () => {
    const queue = createQueue<number, number>([1, 2, 3, 4, 5, 6])
    await runQueue(
      queue,
      async (n) => {
        if (n === 2) queue.cancelled = true
        await tick()
        return n
      },
      2,
      {},
    )
    expect(queue.results).toEqual([1, 2])
    expect(queue.finished).toBe(2)
  })
})

describe('summarizeImports', () => {
  const results: (ImportResult | undefined)[] = [
    { file: 'a.txt', status: 'duplicate', articleId: 'aaaaaa', title: 'A' },
    { file: 'b.txt', status: 'imported', articleId: 'bbbbbb', title: 'B' },
    { file: 'c.pdf', status: 'failed', error: { code: 'damaged-file', message: 'c.pdf is a damaged PDF.' } },
    undefined,
  ]

  it('sorts results into imported, duplicates, failed and cancelled', () => {
    const summary = summarizeImports(results, { cancelled: 1 })
    expect(summary.imported.map((r) => r.file)).toEqual(['b.txt'])
    expect(summary.duplicates.map((r) => r.file)).toEqual(['a.txt'])
    expect(summary.failed.map((r) => r.error?.message)).toEqual(['c.pdf is a damaged PDF.'])
    expect(summary.skipped).toBe(1)
    expect(summaryTitle(summary)).toBe(
      '1 article imported · 1 already in the workspace · 1 failed · 1 cancelled',
    )
  })

  it('opens the first newly imported article, else the first duplicate', () => {
    expect(articleToOpen(results)).toBe('bbbbbb')
    expect(articleToOpen(results.slice(0, 1))).toBe('aaaaaa')
    expect(articleToOpen([results[2]])).toBeUndefined()
  })
})

describe('likely duplicates in the summary', () => {
  const similar: ImportResult = {
    file: '000_us-concerned-north-korea.md',
    status: 'imported',
    articleId: 'cccccc',
    title: 'US concerned',
    similarTo: { articleId: 'aaaaaa', title: 'US concerned', similarity: 0.92 },
  }
  const plain: ImportResult = { file: 'b.txt', status: 'imported', articleId: 'bbbbbb', title: 'B' }

  it('lists an imported article with similarTo as a likely duplicate, and still as imported', () => {
    const summary = summarizeImports([similar, plain])
    expect(summary.similar).toEqual([similar])
    expect(summary.imported).toEqual([similar, plain])
    expect(summaryTitle(summary)).toBe('2 articles imported · 1 likely duplicate')
  })

  it('keeps the summary open for a likely duplicate, a failure, a duplicate or a cancel, not for a clean batch', () => {
    expect(needsAttention(summarizeImports([plain]))).toBe(false)
    expect(needsAttention(summarizeImports([plain], { ignored: ['notes.odt'] }))).toBe(false)
    expect(needsAttention(summarizeImports([similar]))).toBe(true)
    expect(needsAttention(summarizeImports([{ file: 'a.txt', status: 'duplicate' }]))).toBe(true)
    expect(needsAttention(summarizeImports([{ file: 'c.pdf', status: 'failed' }]))).toBe(true)
    expect(needsAttention(summarizeImports([plain], { cancelled: 3 }))).toBe(true)
  })

  it('carries the ignored files of dropped folders', () => {
    expect(summarizeImports([plain], { ignored: ['Reports/photo.jpg'] }).ignored).toEqual([
      'Reports/photo.jpg',
    ])
  })

  it('says how similar as a whole percentage', () => {
    expect(similarityLabel(0.92)).toBe('92\u00a0% similar')
    expect(similarityLabel(1)).toBe('100\u00a0% similar')
    expect(similarityLabel(0.875)).toBe('88\u00a0% similar')
  })
})
