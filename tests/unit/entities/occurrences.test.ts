import { describe, expect, it } from 'vitest'
import { contextAround, findNames } from '../../../src/main/services/entities/occurrences'

/** The words each match covers, in order. */
const found = (text: string, ...names: string[]) =>
  findNames(text, names).map((m) => text.slice(m.start, m.end))

describe('the occurrence finder', () => {
  it('finds whole words only', () => {
    expect(found('Russia, Russian ships and Prussia; anti-Russia rhetoric.', 'Russia')).toEqual([
      'Russia',
      'Russia',
    ])
    expect(found('North Korean leaders and North Korea.', 'North Korea')).toEqual(['North Korea'])
  })

  it('matches an acronym or a name of three letters or fewer only as written', () => {
    expect(found('The US told us that the U.S. and US-led forces', 'US')).toEqual(['US', 'US'])
    expect(found('Kim said, kim is not KIM', 'Kim')).toEqual(['Kim'])
    expect(found('the DPRK, the Dprk, the dprk', 'DPRK')).toEqual(['DPRK'])
  })

  it('takes no acronym from a line in capitals', () => {
    expect(found('FOLLOW US ON TWITTER. The US said.', 'US')).toEqual(['US'])
  })

  it('matches other names whatever the case, but not all in lower case', () => {
    expect(found('Ankara, TURKEY: turkey in Turkey', 'Turkey')).toEqual(['TURKEY', 'Turkey'])
    expect(found('In May, they may go to MAY and May.', 'May')).toEqual(['May', 'May'])
    expect(found('Turkey ate turkey in TURKEY', 'Turkey')).toEqual(['Turkey', 'TURKEY'])
    expect(found('north korea or North korea', 'North Korea')).toEqual(['North korea'])
  })

  it('keeps a word in capitals of a longer name in capitals', () => {
    expect(found('the Un Security Council and the UN Security Council', 'UN Security Council')).toEqual([
      'UN Security Council',
    ])
  })

  it('ends a possessive before its apostrophe, straight or curly', () => {
    const text = "Russia's army, Russia’s navy, Russia’ and Russia'n"
    const matches = findNames(text, ['Russia'])
    expect(matches.map((m) => text.slice(m.start, m.end + 2))).toEqual(["Russia's", 'Russia’s', 'Russia’ '])
  })

  it('keeps the hyphens of a name as part of it', () => {
    expect(found('Kim Jong-un met Kim Jong Un', 'Kim Jong-un')).toEqual(['Kim Jong-un'])
    expect(found('Kim Jong-un met Kim Jong Un', 'Kim Jong Un')).toEqual(['Kim Jong Un'])
    expect(found('surface-to-air missiles', 'surface-to-air missiles')).toEqual(['surface-to-air missiles'])
  })

  it('counts a name joined to a lower-case word by a hyphen, not to a longer name', () => {
    expect(found('Kremlin-backed Wagner and Kremlin-Watch', 'Kremlin')).toEqual(['Kremlin'])
    expect(found('an F-16 and F-16s', 'F')).toEqual([])
  })

  it('never runs a name across a line break', () => {
    expect(found('North\nKorea and North  Korea', 'North Korea')).toEqual(['North  Korea'])
  })

  it('ignores accents', () => {
    expect(found('Kim Jŏng Un spoke', 'Kim Jong Un')).toEqual(['Kim Jŏng Un'])
  })

  it('prefers the longest of two names that overlap', () => {
    expect(found('the UN Security Council met', 'Security Council', 'UN Security Council')).toEqual([
      'UN Security Council',
    ])
  })

  it('gives the words around a match, cut at a word and at the line', () => {
    const text =
      'First line.\nThe spokesperson said North Korea had completed an arms delivery to Russia today.'
    const start = text.indexOf('North Korea')
    const { before, after } = contextAround(text, start, start + 'North Korea'.length, 20)
    expect(before).toBe('spokesperson said ')
    expect(after).toBe(' had completed an')
    expect(contextAround(text, 0, 5).before).toBe('')
  })
})
