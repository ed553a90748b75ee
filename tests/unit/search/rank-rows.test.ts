import { describe, expect, it } from 'vitest'
import { pageOf } from '../../../src/main/services/search/rank-rows'
import type { ArticleSummary } from '../../../src/shared/model'

/** Rows with few distinct values, so the sorts tie often and the tie-breaks decide. */
function rows(count: number): ArticleSummary[] {
  return Array.from(
    { length: count },
    (_, i) =>
      ({
        id: `a${(i * 7919) % count}`,
        title: ['Alpha', 'beta', 'Gamma', 'alpha'][i % 4]!,
        siteName: i % 5 === 0 ? undefined : ['WION', 'Reuters', 'nk news'][i % 3],
        importedAt: `2024-03-0${1 + (i % 3)}T08:00:00Z`,
        published: i % 6 === 0 ? undefined : `2023-0${1 + (i % 9)}-01`,
        highlightCount: i % 4,
      }) as ArticleSummary,
  )
}

describe('ranking the results', () => {
  it('gives every page the rows a full sort would, for each sort and order', () => {
    const all = rows(500)
    const score = Float64Array.from(all, (_, i) => (i % 13) / 3)
    const slots = Int32Array.from(all, (_, i) => i)
    for (const sort of ['relevance', 'published', 'imported', 'title', 'site', 'highlights'] as const)
      for (const order of ['asc', 'desc'] as const) {
        const whole = pageOf(slots, all, { sort, order, score }, 0, all.length)
        expect(new Set(whole).size).toBe(all.length)
        for (const [offset, limit] of [
          [0, 50],
          [10, 7],
          [200, 100],
          [490, 50],
        ] as const)
          expect(pageOf(slots, all, { sort, order, score }, offset, limit)).toEqual(
            whole.slice(offset, offset + limit),
          )
      }
  })

  it('puts the best score first, ties to the newest import', () => {
    const all = rows(3)
    const page = pageOf(
      Int32Array.of(0, 1, 2),
      all,
      {
        sort: 'relevance',
        order: 'desc',
        score: Float64Array.of(1, 2, 1),
      },
      0,
      3,
    )
    expect(page[0]).toBe(1)
    // Rows 0 and 2 tie on score: row 2 was imported later.
    expect(page.slice(1)).toEqual([2, 0])
  })
})
