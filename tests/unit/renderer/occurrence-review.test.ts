// The review list of "tag all occurrences": grouped by article with what can still be chosen, applied
// in chunks that keep an article together and stop between chunks when cancelled; and the undo of an
// entity change writes back exactly the fields it changed.
import { describe, expect, it } from 'vitest'
import { previousFields } from '../../../src/renderer/entities/entity-fields'
import {
  applyInChunks,
  chunksByArticle,
  groupByArticle,
  reviewRows,
} from '../../../src/renderer/entities/occurrence-review'
import type { Occurrence } from '../../../src/shared/entities'
import type { ArticleSummary, Entity } from '../../../src/shared/model'

const occurrence = (articleId: string, start: number, taggedAs?: string): Occurrence => ({
  articleId,
  start,
  end: start + 5,
  text: 'Korea',
  before: 'North ',
  after: ' said',
  ...(taggedAs ? { taggedAs } : {}),
})

const summary = (id: string, title: string) => ({ id, title }) as ArticleSummary

describe('the occurrence review list', () => {
  it('groups by article in the order found, with only the untagged ones to choose', () => {
    const groups = groupByArticle({
      occurrences: [occurrence('b', 10), occurrence('a', 3, 'e1'), occurrence('b', 40), occurrence('a', 9)],
      articles: [summary('a', 'First'), summary('b', 'Second')],
      truncated: false,
    })
    expect(groups.map((g) => [g.articleId, g.article?.title, g.occurrences.length, g.open])).toEqual([
      ['b', 'Second', 2, ['b:10', 'b:40']],
      ['a', 'First', 2, ['a:9']],
    ])
    expect(reviewRows(groups).map((r) => r.key)).toEqual(['a:b', 'b:10', 'b:40', 'a:a', 'a:3', 'a:9'])
  })

  it('packs whole articles into chunks, and splits only an article longer than a chunk', () => {
    const items = [
      ...Array.from({ length: 3 }, (_, i) => ({ articleId: 'a', i })),
      ...Array.from({ length: 2 }, (_, i) => ({ articleId: 'b', i })),
      ...Array.from({ length: 9 }, (_, i) => ({ articleId: 'c', i })),
      { articleId: 'd', i: 0 },
    ]
    const chunks = chunksByArticle(items, 4)
    expect(chunks.map((c) => c.map((x) => `${x.articleId}${x.i}`).join(' '))).toEqual([
      'a0 a1 a2',
      'b0 b1',
      'c0 c1 c2 c3',
      'c4 c5 c6 c7',
      'c8 d0',
    ])
    expect(chunks.flat()).toEqual(items)
  })

  it('applies chunk after chunk with progress, and a cancel stops after the chunk under way', async () => {
    const progress: [number, number][] = []
    let cancel = false
    const applied: number[][] = []
    const run = await applyInChunks(
      [[1, 2], [3], [4, 5]],
      async (chunk) => {
        applied.push(chunk)
        if (chunk.includes(3)) cancel = true
        return chunk.map((n) => n * 10)
      },
      { cancelled: () => cancel, onProgress: (done, total) => progress.push([done, total]) },
    )
    expect(applied).toEqual([[1, 2], [3]])
    expect(run).toEqual({ results: [10, 20, 30], applied: 3, cancelled: true })
    expect(progress).toEqual([
      [0, 5],
      [2, 5],
      [3, 5],
    ])
  })

  it('stops at a failure and keeps what the chunks before it did', async () => {
    const failure = new Error('disk full')
    const run = await applyInChunks(
      [[1], [2], [3]],
      async (chunk) => {
        if (chunk[0] === 2) throw failure
        return chunk
      },
      { cancelled: () => false, onProgress: () => {} },
    )
    expect(run).toEqual({ results: [1], applied: 1, cancelled: false, error: failure })
  })
})

describe('the undo of an entity change', () => {
  const entity: Entity = {
    id: 'e1',
    name: 'Kim Jong Un',
    type: 'Other',
    customType: 't1',
    aliases: ['Kin Jong Un'],
    notes: 'Leader',
    createdAt: '2024-01-01T00:00:00.000Z',
  }

  it('writes back only the fields changed, a custom type with its built-in one', () => {
    expect(previousFields(entity, { name: 'Kim Jong-un' })).toEqual({ name: 'Kim Jong Un' })
    expect(previousFields(entity, { type: 'Person', customType: '' })).toEqual({
      type: 'Other',
      customType: 't1',
    })
    expect(
      previousFields({ ...entity, customType: undefined, type: 'Person' }, { customType: 't2' }),
    ).toEqual({ type: 'Person', customType: '' })
    expect(previousFields(entity, { aliases: [] })).toEqual({ aliases: ['Kin Jong Un'] })
  })
})
