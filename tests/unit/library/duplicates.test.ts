import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { groupDuplicates } from '../../../src/main/services/library/duplicate-groups'
import { hammingDistance, SAME_STORY_BITS } from '../../../src/main/services/import/simhash'
import type { ArticleSummary } from '../../../src/shared/model'
import { seedFiles, useLibrary } from './library-fixture'

const lib = useLibrary()

describe('duplicates over the seed stories in every format', () => {
  it('finds exactly two groups, one per story, each with every format, and keeps the copy with work on it', async () => {
    const ids = new Map<string, string>()
    for (const file of await seedFiles()) ids.set(basename(file), await lib.importFile(file))
    const pdf = ids.get('004_us-accuses-north-korea.pdf')!
    await lib.highlight(pdf, 'North Korea')
    const html = ids.get('000_us-concerned-north-korea.html')!
    await lib.tag(html, 'Kim Jong Un')

    const groups = await lib.handlers['library.duplicates']({})
    expect(groups).toHaveLength(2)
    const byStory = (prefix: string) =>
      groups.find((g) => g.copies.some((c) => c.article.originalName.startsWith(prefix)))!
    const first = byStory('000_')
    const second = byStory('004_')
    expect(first.copies.map((c) => c.article.originalName).sort()).toEqual(
      [...ids.keys()].filter((n) => n.startsWith('000_')).sort(),
    )
    expect(second.copies.map((c) => c.article.originalName).sort()).toEqual(
      [...ids.keys()].filter((n) => n.startsWith('004_')).sort(),
    )
    expect(first.copies.map((c) => c.format).sort()).toEqual(['HTML', 'Markdown', 'Text', 'Text'])
    expect(second.copies.map((c) => c.format).sort()).toEqual(['PDF', 'Text', 'Text', 'Word'])
    expect(second.keep).toBe(pdf)
    expect(first.keep).toBe(html)
    const kept = second.copies.find((c) => c.article.id === pdf)!
    expect(kept).toMatchObject({ highlightCount: 1, bytes: kept.article.originalSize })
    expect(kept.bytes).toBeGreaterThan(30_000)
    for (const group of groups) {
      expect(group.similarity).toBeGreaterThan(0.9)
      expect(group.similarity).toBeLessThanOrEqual(1)
    }
  })

  it('without work on any copy, keeps the longest visible text', async () => {
    for (const file of await seedFiles()) await lib.importFile(file)
    const groups = await lib.handlers['library.duplicates']({})
    for (const group of groups) {
      const lengths = await Promise.all(
        group.copies.map(async (c) => {
          const { article } = await lib.handlers['articles.get']({ id: c.article.id })
          return article.blocks.filter((b) => !b.trimmed).reduce((sum, b) => sum + b.end - b.start, 0)
        }),
      )
      const keptAt = group.copies.findIndex((c) => c.article.id === group.keep)
      expect(lengths[keptAt]).toBe(Math.max(...lengths))
    }
  })
})

function randomHash(): string {
  let hex = ''
  for (let i = 0; i < 16; i++) hex += Math.floor(Math.random() * 16).toString(16)
  return hex
}

/** A fingerprint `bits` bits away from `hash`. */
function flip(hash: string, bits: number): string {
  const value = BigInt(`0x${hash}`)
  const chosen = new Set<number>()
  while (chosen.size < bits) chosen.add(Math.floor(Math.random() * 64))
  let out = value
  for (const bit of chosen) out ^= 1n << BigInt(bit)
  return out.toString(16).padStart(16, '0')
}

function row(i: number, simhash: string, title = `Story number ${i} about something`): ArticleSummary {
  return {
    id: `a${String(i).padStart(6, '0')}`,
    title,
    originalName: `${i}.txt`,
    sha256: i.toString(16).padStart(64, '0'),
    importedAt: '2024-01-01T00:00:00.000Z',
    highlightCount: 0,
    entityCount: 0,
    simhash,
    savedAt: 0,
  }
}

describe('grouping by SimHash bands', () => {
  it('finds every pair within the same-story distance that comparing all pairs finds', () => {
    // 100 stories, each in three copies up to a few bits past the limit apart.
    const rows: ArticleSummary[] = []
    for (let story = 0; story < 100; story++) {
      const base = randomHash()
      for (let copy = 0; copy < 3; copy++)
        rows.push(row(rows.length, flip(base, Math.floor(Math.random() * (SAME_STORY_BITS + 4)))))
    }
    const grouped = new Map<number, number>()
    groupDuplicates(rows).forEach((group, g) => group.forEach((i) => grouped.set(i, g)))
    for (let a = 0; a < rows.length; a++)
      for (let b = a + 1; b < rows.length; b++)
        if (hammingDistance(rows[a]!.simhash!, rows[b]!.simhash!) <= SAME_STORY_BITS) {
          expect(grouped.get(a)).toBeDefined()
          expect(grouped.get(a)).toBe(grouped.get(b))
        }
  })

  it('groups 10,000 articles in well under a second', () => {
    const rows: ArticleSummary[] = []
    for (let i = 0; i < 10_000; i++)
      rows.push(row(i, i % 10 === 1 ? flip(rows[i - 1]!.simhash!, 6) : randomHash()))
    const started = performance.now()
    const groups = groupDuplicates(rows)
    const took = performance.now() - started
    console.log(`grouped 10,000 rows in ${took.toFixed(0)} ms`)
    expect(groups.length).toBeGreaterThanOrEqual(1000)
    expect(took).toBeLessThan(1000)
  })

  it('joins copies with the same title even when one is too short for a fingerprint, not a heading many share', () => {
    const rows = [
      row(1, randomHash(), 'Kim Jong Un to visit Russia'),
      { ...row(2, '', 'Kim  Jong-Un to visit RUSSIA'), simhash: undefined },
      ...Array.from({ length: 30 }, (_, i) => row(10 + i, randomHash(), 'Daily briefing for analysts')),
    ]
    expect(groupDuplicates(rows)).toEqual([[0, 1]])
  })
})
