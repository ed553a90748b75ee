// The facets of a search that matched most of the library are every article's less those it did not
// match: they must be exactly the facets counted directly, with merged and deleted entities counted as
// what they stand for now.
import { describe, expect, it } from 'vitest'
import { FacetTable } from '../../../src/main/services/search/facet-table'
import type { ArticleFacts } from '../../../src/main/services/search/indexed-article'
import { filterAndCount, type AllArticles } from '../../../src/main/services/search/library-filters'
import { pairSet } from '../../../src/main/services/search/pair-set'
import type { ArticleSummary, Entity } from '../../../src/shared/model'

/** A small deterministic generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(r: () => number, list: readonly T[], most: number): T[] =>
  list.filter(() => r() < most / list.length)

function library(r: () => number, size: number) {
  const table = new FacetTable()
  const entityIds = Array.from({ length: 12 }, (_, i) => `e${i}`)
  const entities: Entity[] = entityIds.map((id, i) => ({
    id,
    name: `Entity ${i}`,
    type: 'Person',
    aliases: [],
    notes: '',
    createdAt: '2024-01-01T00:00:00.000Z',
    // Two merged into others (one of them into an entity the article may also carry), one deleted.
    ...(i === 3 ? { mergedInto: 'e1' } : i === 7 ? { mergedInto: 'e8' } : {}),
    ...(i === 10 ? { removedAt: '2024-02-01T00:00:00.000Z' } : {}),
  }))
  const slots = new Int32Array(size)
  for (let n = 0; n < size; n++) {
    const row: ArticleSummary = {
      id: `a${n}`,
      title: `Article ${n}`,
      originalName: `a${n}.html`,
      sha256: 'x',
      importedAt: '2024-03-01T00:00:00.000Z',
      highlightCount: r() < 0.3 ? 2 : 0,
      entityCount: 0,
      savedAt: 1,
      ...(r() < 0.8 ? { siteName: ['Reuters', 'WION', 'BBC'][Math.floor(r() * 3)] } : {}),
      ...(r() < 0.5 ? { tags: pick(r, ['urgent', 'sanctions', 'rail'], 1.5) } : {}),
      ...(r() < 0.4 ? { cases: pick(r, ['c1', 'c2'], 1) } : {}),
      noteCount: r() < 0.2 ? 1 : 0,
    }
    const facts: ArticleFacts = {
      id: row.id,
      savedAt: 1,
      codes: pick(r, ['evidence', 'question', 'claim'], 1.2),
      entities: pick(r, entityIds, 3),
      language: r() < 0.9 ? 'en' : 'ko',
      hasNotes: false,
      tags: [],
      cases: [],
      content: 0,
      pairs: new Uint32Array(0),
      notePairs: pairSet([]),
    }
    table.ensure(n, row, facts, 1)
    slots[n] = n
  }
  const names = { codes: [], entities, cases: [] }
  const all: AllArticles = { key: () => `1 ${table.changes}`, slots: () => ({ slots, length: size }) }
  return { table, slots, names, all }
}

describe('facets of a search that matched most articles', () => {
  it('equal the facets counted directly, for many random matches', () => {
    const r = random(7)
    const { table, slots, names, all } = library(r, 600)
    for (let round = 0; round < 60; round++) {
      const share = 0.3 + r() * 0.7
      const matched = slots.filter(() => r() < share)
      const direct = filterAndCount(table, matched, matched.length, {}, names)
      const byRest = filterAndCount(table, matched, matched.length, {}, names, true, all)
      expect(byRest.facets).toEqual(direct.facets)
      expect([...byRest.passed]).toEqual([...direct.passed])
    }
  })

  it('follow a change of the table once its key changes', () => {
    const r = random(11)
    const { table, slots, names, all } = library(r, 200)
    const before = filterAndCount(table, slots, 200, {}, names, true, all)
    const row = table.rows[5]!
    table.ensure(5, { ...row, siteName: 'KCNA' }, undefined, 2)
    const after = filterAndCount(table, slots, 200, {}, names, true, all)
    expect(after.facets).toEqual(filterAndCount(table, slots, 200, {}, names).facets)
    expect(after.facets.sites).not.toEqual(before.facets.sites)
  })
})
