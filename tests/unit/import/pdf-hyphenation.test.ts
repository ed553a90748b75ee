import { describe, expect, it } from 'vitest'
import {
  buildVocabulary,
  keepLineEndHyphen,
  type HyphenContext,
} from '../../../src/main/services/import/pdf/hyphenation'
import { joinLines } from '../../../src/main/services/import/pdf/join-lines'

function context(lines: string[], justified = false): HyphenContext {
  return { vocabulary: buildVocabulary(lines), justified }
}

/** Joins two lines the way a paragraph of the given document would be. */
function join(first: string, second: string, others: string[] = [], justified = false): string {
  return joinLines([first, second], context([...others, first, second], justified))
}

describe('line-end hyphens', () => {
  it('keeps the hyphens of the seed article: compounds, acronyms and names', () => {
    expect(join('fighter aircraft, surface-to-', 'air missiles, armored vehicles')).toBe(
      'fighter aircraft, surface-to-air missiles, armored vehicles',
    )
    expect(join('the "hegemonic policy" of the US-', 'led NATO military alliance')).toBe(
      'the "hegemonic policy" of the US-led NATO military alliance',
    )
    expect(join('to help combat the West-', 'supplied Ukrainian forces.')).toBe(
      'to help combat the West-supplied Ukrainian forces.',
    )
  })

  it('joins a word a justified line broke before a word ending ("nation-" / "al")', () => {
    expect(join('to protect its nation-', 'al security interests.', [], true)).toBe(
      'to protect its national security interests.',
    )
    // The same break in ragged text: "al" is no word by itself, so it is still a word break.
    expect(join('to protect its nation-', 'al security interests.')).toBe(
      'to protect its national security interests.',
    )
  })

  it('follows the form the document uses elsewhere', () => {
    const others = ['Officials in Pyongyang said on Tuesday.']
    expect(join('a statement from Pyong-', 'yang said', others)).toBe('a statement from Pyongyang said')
    const compound = ['a long-range strike and another long-range test']
    expect(join('the first long-', 'range missile', compound, true)).toBe('the first long-range missile')
  })

  it('keeps a hyphen before a capital or a digit', () => {
    expect(join('an anti-', 'American protest', [], true)).toBe('an anti-American protest')
    expect(join('the COVID-', '19 pandemic', [], true)).toBe('the COVID-19 pandemic')
  })

  it('joins two fragments that are not words on their own, and lets the layout decide the rest', () => {
    expect(join('the economic de-', 'velopment of the region')).toBe('the economic development of the region')
    // "well" and "known" are both words: a compound, whatever the layout.
    expect(join('a well-', 'known figure', [], true)).toBe('a well-known figure')
    // "prime" is a word of the document, "ovary" is unknown: justified text hyphenates words, ragged text does not.
    expect(keepLineEndHyphen('prime', 'ovary', context(['the prime minister'], true))).toBe(false)
    expect(keepLineEndHyphen('prime', 'ovary', context(['the prime minister'], false))).toBe(true)
  })

  it('undoes a soft hyphen and glues a wrapped web address', () => {
    expect(joinLines(['the inter\u00ad', 'national community'], context([]))).toBe(
      'the international community',
    )
    expect(joinLines(['Source: https://www.ansarpress.com/', 'english/27741'], context([]))).toBe(
      'Source: https://www.ansarpress.com/english/27741',
    )
  })

  it('does not count the fragments around a break as words of the document', () => {
    const vocabulary = buildVocabulary(['protect its nation-', 'al security'])
    expect(vocabulary.words.has('nation')).toBe(false)
    expect(vocabulary.words.has('al')).toBe(false)
    expect(vocabulary.words.get('security')).toBe(1)
  })
})
