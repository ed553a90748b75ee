import { describe, expect, it } from 'vitest'
import {
  createExtractPool,
  LARGE_FILE_BYTES,
  timeLimitMs,
  TIMEOUT_MS,
} from '../../../src/main/services/import/extract-pool'
import { DossierError } from '../../../src/shared/errors'

const loader = new URL('./fixtures/ts-worker.mjs', import.meta.url)
const fixture = { workerData: { entry: new URL('./fixtures/misbehaving-worker.ts', import.meta.url).href } }
const real = {
  workerData: { entry: new URL('../../../src/main/services/import/extract-worker.ts', import.meta.url).href },
}
const bytes = new Uint8Array([1])

describe('extraction worker pool', () => {
  it('extracts in worker threads with the real extractor', async () => {
    const pool = createExtractPool(loader, { ...real, size: 2 })
    try {
      const text = new TextEncoder().encode(
        'date 2023-06-13 A title\nFirst paragraph of the body.\nSecond one.',
      )
      const [ok, empty] = await Promise.allSettled([
        pool.extract('a.txt', text),
        pool.extract('empty.txt', new Uint8Array()),
      ])
      expect(ok.status === 'fulfilled' && ok.value.article.title).toBe('A title')
      expect(empty.status === 'rejected' && (empty.reason as Error).message).toBe(
        'empty.txt is empty: there is nothing to import.',
      )
    } finally {
      await pool.close()
    }
  })

  it('fails only the file whose worker died, and keeps going with a fresh worker', async () => {
    const pool = createExtractPool(loader, { ...fixture, size: 1 })
    try {
      const results = await Promise.allSettled([
        pool.extract('one.txt', bytes),
        pool.extract('crash.txt', bytes),
        pool.extract('two.txt', bytes),
      ])
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
      const error = (results[1] as PromiseRejectedResult).reason as DossierError
      expect(error.code).toBe('damaged-file')
      expect(error.message).toMatch(/^crash\.txt could not be imported/)
    } finally {
      await pool.close()
    }
  })

  it('fails only the file that takes too long, saying which, that it took too long and what to do', async () => {
    const pool = createExtractPool(loader, { ...fixture, size: 1, timeoutMs: 1500 })
    try {
      const results = await Promise.allSettled([
        pool.extract('one.txt', bytes),
        pool.extract('hang.txt', bytes),
        pool.extract('two.txt', bytes),
      ])
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
      const error = (results[1] as PromiseRejectedResult).reason as DossierError
      expect(error.file).toBe('hang.txt')
      expect(error.message).toMatch(/^hang\.txt took longer than 2 s to read, so Dossier stopped reading it/)
      expect(error.message).toContain('save the article as plain text or PDF, and import that')
      expect((await pool.extract('after.txt', bytes)).article.title).toBe('after.txt')
    } finally {
      await pool.close()
    }
  })

  it('gives each file 30 s, and big files a second more per megabyte', () => {
    expect(TIMEOUT_MS).toBe(30_000)
    expect(timeLimitMs(48 * 1024)).toBe(30_000)
    expect(timeLimitMs(100 * 1024 * 1024)).toBe(130_000)
  })

  it('passes a refusal from the worker through as the same sentence', async () => {
    const pool = createExtractPool(loader, { ...fixture, size: 1 })
    try {
      await expect(pool.extract('refuse.txt', bytes)).rejects.toMatchObject({
        code: 'not-text',
        message: 'refuse.txt is not a text document.',
      })
    } finally {
      await pool.close()
    }
  })

  it('caps the heap of pooled workers and reads a large file in a worker of its own without the cap', async () => {
    const pool = createExtractPool(loader, { ...fixture, size: 1, heapMb: 24 })
    try {
      expect((await pool.extract('heap.txt', bytes)).article.title).toBe('heap 24')
      const large = new Uint8Array(LARGE_FILE_BYTES + 1)
      expect((await pool.extract('heap-large.txt', large)).article.title).not.toBe('heap 24')
      expect((await pool.extract('heap-after.txt', bytes)).article.title).toBe('heap 24')
    } finally {
      await pool.close()
    }
  })

  it('reads a file that outgrows a pooled worker’s heap again without the cap, and the pool goes on', async () => {
    const pool = createExtractPool(loader, { ...fixture, size: 1, heapMb: 24 })
    try {
      const [big, next] = await Promise.all([
        pool.extract('big-heap.txt', bytes),
        pool.extract('heap-next.txt', bytes),
      ])
      expect(big.article.title).toBe('held 96 MB')
      expect(next.article.title).toBe('heap 24')
    } finally {
      await pool.close()
    }
  })
})
