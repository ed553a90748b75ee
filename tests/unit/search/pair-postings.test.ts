import { describe, expect, it } from 'vitest'
import { pairHash } from '../../../src/main/services/search/indexed-article'
import { PairPostings } from '../../../src/main/services/search/pair-postings'
import { hasSorted, sortedSet } from '../../../src/main/services/search/pair-set'

/** A small deterministic generator, so a failure can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

describe('the lists of pairs across articles', () => {
  it('gives each pair exactly the articles that hold it, ascending, for every hash from 0 to the largest', async () => {
    const r = random(3)
    // Hashes from a small range, so that many articles share them, plus both ends of the range.
    const lists = Array.from({ length: 300 }, (_, n) =>
      n % 17 === 5
        ? undefined
        : sortedSet([
            ...Array.from({ length: Math.floor(r() * 60) }, () => Math.floor(r() * 400) * 10_000_019),
            ...(n % 7 === 0 ? [0, 0xffffffff] : []),
          ]),
    )
    const postings = await PairPostings.build(lists)
    const asked = new Set(lists.flatMap((l) => [...(l ?? [])]))
    asked.add(123).add(0xfffffffe)
    for (const hash of asked) {
      const expected = lists.flatMap((l, n) => (l && hasSorted(l, hash) ? [n] : []))
      expect([...postings.articlesOf(hash)]).toEqual(expected)
    }
    expect(postings.articles).toBe(300)
  })

  it('covers an article only with the list it was built from', async () => {
    const first = sortedSet([5, 1, 3])
    const postings = await PairPostings.build([first, undefined])
    expect(postings.covers(0, first)).toBe(true)
    expect(postings.covers(0, sortedSet([5, 1, 3]))).toBe(false)
    expect(postings.covers(1, undefined)).toBe(false)
    expect(postings.covers(2, first)).toBe(false)
  })

  it('is empty without articles', async () => {
    const postings = await PairPostings.build([])
    expect(postings.articlesOf(0)).toHaveLength(0)
    expect(postings.articlesOf(7)).toHaveLength(0)
  })
})

describe('the hash of a pair', () => {
  it('tells fields apart even where the field and the first letter differ in the same low bits', () => {
    // With the field xor-ed into the seed, place 0 with "5…" and place 1 with "4…" hashed alike.
    expect(pairHash(0, '54', 'hwasong')).not.toBe(pairHash(1, '44', 'hwasong'))
    expect(pairHash(2, 'ab', 'c')).not.toBe(pairHash(3, '`b', 'c'))
    const seen = new Map<number, string>()
    const words = ['a', 'b', 'ab', 'ba', '44', '54', 'hwasong', 'kim', 'jong', 'un', 'the', 'of']
    for (let place = 0; place < 10; place++)
      for (const first of words)
        for (const second of words) {
          const key = `${place} ${first} ${second}`
          const hash = pairHash(place, first, second)
          expect(seen.get(hash) ?? key).toBe(key)
          seen.set(hash, key)
        }
  })
})
