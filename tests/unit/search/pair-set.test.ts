import { describe, expect, it } from 'vitest'
import { hasPair, pairSet, sortedPairs } from '../../../src/main/services/search/pair-set'

describe('the phrase pairs of an article', () => {
  it('holds exactly the hashes it was given, 0 and the largest included, and gives them back sorted', () => {
    const given = Uint32Array.from({ length: 500 }, (_, i) => Math.imul(i + 1, 2654435761) >>> 0)
    const hashes = [...given, 0, 0xffffffff, given[3]!]
    const set = pairSet(hashes)
    expect(set.size).toBe(502)
    for (const h of hashes) expect(hasPair(set, h)).toBe(true)
    for (let i = 0; i < 2000; i++) {
      const other = Math.imul(i + 7, 40503) >>> 0
      expect(hasPair(set, other)).toBe(hashes.includes(other))
    }
    expect([...sortedPairs(set)]).toEqual([...new Set(hashes)].sort((a, b) => a - b))
  })

  it('is empty for an article without pairs', () => {
    const set = pairSet([])
    expect(hasPair(set, 0)).toBe(false)
    expect(hasPair(set, 12345)).toBe(false)
    expect(sortedPairs(set)).toHaveLength(0)
  })
})
