import { describe, expect, it } from 'vitest'
import { parseQuery, positiveTerms, type QueryNode } from '../../../src/main/services/search/query-syntax'
import { editDistance, Vocabulary } from '../../../src/main/services/search/vocabulary'
import { foldText, tokenize, wordSpans } from '../../../src/main/services/search/search-text'
import { findHits } from '../../../src/main/services/search/snippets'

/** A compact picture of a tree: words, "phrases", prefix*, field:…, -not, (a b), (a | b). */
function show(node: QueryNode | undefined): string {
  if (!node) return '∅'
  if (node.kind === 'term') {
    const body = node.quoted || node.words.length > 1 ? `"${node.words.join(' ')}"` : node.words[0]!
    return `${node.field ? `${node.field}:` : ''}${body}${node.prefix ? '*' : ''}`
  }
  if (node.kind === 'not') return `-${show(node.child)}`
  return `(${node.children.map(show).join(node.kind === 'and' ? ' ' : ' | ')})`
}

const read = (text: string) => show(parseQuery(text).root)

describe('query syntax', () => {
  it('reads words as AND, folded to lower case without diacritics', () => {
    expect(read('Pyongyang Moscow')).toBe('(pyongyang moscow)')
    expect(read('Pyongyang AND Moscow')).toBe('(pyongyang moscow)')
    expect(read('Étude')).toBe('etude')
  })

  it('reads OR below AND, NOT and a leading minus', () => {
    expect(read('kim OR putin missiles')).toBe('(kim | (putin missiles))')
    expect(read('missiles NOT drones')).toBe('(missiles -drones)')
    expect(read('missiles -drones')).toBe('(missiles -drones)')
    expect(read('-drones')).toBe('-drones')
    expect(read('missiles -"rail cars"')).toBe('(missiles -"rail cars")')
  })

  it('reads parentheses', () => {
    expect(read('(kim OR putin) -(drones OR shells)')).toBe('((kim | putin) -(drones | shells))')
  })

  it('reads prefixes and phrases', () => {
    expect(read('pyong*')).toBe('pyong*')
    expect(read('"satellite imagery" border')).toBe('("satellite imagery" border)')
    // A quoted single word is exact: quoted, no prefix.
    const { root } = parseQuery('"missile*"')
    expect(root).toMatchObject({ kind: 'term', words: ['missile'], quoted: true, prefix: false })
  })

  it('reads words joined by punctuation as a phrase', () => {
    expect(read('Hwasong-18')).toBe('"hwasong 18"')
  })

  it('reads fields, with words or phrases', () => {
    expect(read('site:Reuters by:Kirby')).toBe('(site:reuters by:kirby)')
    expect(read('entity:"Kim Jong Un" code:evidence')).toBe('(entity:"kim jong un" code:evidence)')
    expect(read('TITLE:putin tag:arms case:korea')).toBe('(title:putin tag:arms case:korea)')
    // Not a field: the words of it.
    expect(read('foo:bar')).toBe('"foo bar"')
  })

  it('still searches what it can read of a malformed query, and says what it ignored', () => {
    let parsed = parseQuery('"satellite imagery')
    expect(show(parsed.root)).toBe('(satellite imagery)')
    expect(parsed.warnings[0]).toMatch(/quote .* not closed/)
    parsed = parseQuery('(kim OR putin')
    expect(show(parsed.root)).toBe('(kim | putin)')
    expect(parsed.warnings[0]).toMatch(/parenthesis is not closed/)
    parsed = parseQuery('kim) putin')
    expect(show(parsed.root)).toBe('(kim putin)')
    expect(parsed.warnings[0]).toMatch(/closing parenthesis/)
    parsed = parseQuery('kim OR')
    expect(show(parsed.root)).toBe('kim')
    expect(parsed.warnings[0]).toMatch(/OR has nothing/)
    parsed = parseQuery('site: kim')
    expect(show(parsed.root)).toBe('kim')
    expect(parsed.warnings[0]).toMatch(/"site:" has nothing/)
    expect(parseQuery('').root).toBeUndefined()
    expect(parseQuery('  ()  ').root).toBeUndefined()
  })

  it('lists the positive terms, not the excluded ones', () => {
    const terms = positiveTerms(parseQuery('kim (putin OR "rail cars") -drones NOT shells').root)
    expect(terms.map((t) => t.words.join(' '))).toEqual(['kim', 'putin', 'rail cars'])
  })
})

describe('search text', () => {
  it('folds diacritics and case without moving offsets', () => {
    const text = 'Ümit São Paulo İstanbul'
    expect(foldText(text)).toHaveLength(text.length)
    expect(foldText(text)).toBe('umit sao paulo istanbul')
    expect(tokenize('São Paulo')).toEqual([
      { word: 'sao', start: 0, end: 3 },
      { word: 'paulo', start: 4, end: 9 },
    ])
  })

  it('finds the words the tokenizer finds, as offsets: letters of any script, digits, astral letters', () => {
    const text = 'Kim’s 2024 visit — Пхеньян, 평양; e\u0301te\u0301 𝐀bc x\ud800y ٣٤ …end'
    const folded = foldText(text)
    const { starts, ends } = wordSpans(folded)
    expect(starts.map((s, i) => ({ word: folded.slice(s, ends[i]), start: s, end: ends[i] }))).toEqual(
      tokenize(text),
    )
  })

  it('marks whole words, prefixes and phrases, longest phrase first, skipping hidden ranges', () => {
    const text = 'The Sea of Japan. Menu: sea of japan. Seas of Japanese sea'
    const matcher = { exact: new Set(['sea']), prefixes: ['japan'], phrases: [['sea', 'of', 'japan']] }
    const marked = (blocks = [] as { start: number; end: number; trimmed?: boolean }[], all = true) =>
      findHits(text, matcher, blocks as never, all).map(([s, e]) => text.slice(s, e))
    expect(marked()).toEqual(['Sea of Japan', 'sea of japan', 'Japanese', 'sea'])
    const menu = { start: 18, end: 37, trimmed: true }
    expect(marked([{ start: 0, end: 18 }, menu, { start: 37, end: text.length }], false)).toEqual([
      'Sea of Japan',
      'Japanese',
      'sea',
    ])
  })
})

describe('vocabulary', () => {
  it('measures typos as edits, a swap of neighbours counting one', () => {
    expect(editDistance('pyongyang', 'pyongyang', 2)).toBe(0)
    expect(editDistance('pyongyng', 'pyongyang', 2)).toBe(1)
    expect(editDistance('pyonygang', 'pyongyang', 2)).toBe(1)
    expect(editDistance('kremlin', 'moscow', 2)).toBe(3)
  })

  it('expands a prefix and finds near spellings, not for short words', () => {
    const v = new Vocabulary()
    v.add(['missile', 'missiles', 'mission', 'moscow'])
    v.add(['missiles'])
    expect(v.withPrefix('miss', 10)).toEqual(['missile', 'missiles', 'mission'])
    expect(v.withPrefix('miss', 1)).toEqual(['missiles'])
    expect(v.near('misiles', 5).map((n) => n.word)).toEqual(['missiles'])
    expect(v.near('missiless', 5).map((n) => n.word)).toEqual(['missiles', 'missile'])
    expect(v.near('moscw', 5).map((n) => n.word)).toEqual(['moscow'])
    expect(v.near('mosc', 5)).toEqual([])
  })
})
