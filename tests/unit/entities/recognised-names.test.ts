import { describe, expect, it } from 'vitest'
import type { RecognisedEntity } from '../../../src/main/services/ner/recognise'
import { recognisedNames } from '../../../src/main/services/entities/recognised-names'

/** The entity the recogniser would give for `words` at their first place in `text`. */
function found(text: string, words: string, type: RecognisedEntity['type'], score: number): RecognisedEntity {
  const start = text.indexOf(words)
  return { start, end: start + words.length, type, text: words, score }
}

describe('the recogniser’s names as suggestions', () => {
  it('leaves a leading article out of a name', () => {
    const text = 'They made the case at the United Nations.'
    const [name] = recognisedNames(text, [found(text, 'the United Nations', 'Organization', 0.9)])
    expect(name).toMatchObject({
      text: 'United Nations',
      start: text.indexOf('United'),
      type: 'Organization',
    })
  })

  it('ends a name at its last capitalised word, and drops a kind of weapon in one lower-case word', () => {
    const text = 'Arms went to the Wagner mercenary group, with munitions, from Bashar al-Assad.'
    const names = recognisedNames(text, [
      found(text, 'the Wagner mercenary group', 'Organization', 0.9),
      found(text, 'munitions', 'Equipment', 0.9),
      found(text, 'Bashar al-Assad', 'Person', 0.9),
    ])
    expect(names.map((n) => n.text)).toEqual(['Wagner', 'Bashar al-Assad'])
  })

  it('drops a name written all in lower case, where the script has capitals', () => {
    const text = 'The coalition met 北京 officials.'
    const names = recognisedNames(text, [
      found(text, 'coalition', 'Organization', 0.9),
      found(text, '北京', 'Location', 0.9),
    ])
    expect(names.map((n) => n.text)).toEqual(['北京'])
  })

  it('drops a description: an article before lower-case words', () => {
    const text = 'The desire of the two countries and of the city.'
    const names = recognisedNames(text, [
      found(text, 'the two countries', 'Organization', 0.9),
      found(text, 'the city', 'Location', 0.6),
    ])
    expect(names).toEqual([])
  })

  it('makes a country that acts a place', () => {
    const text = 'The United States is concerned, said Ghana.'
    const names = recognisedNames(text, [
      found(text, 'The United States', 'Organization', 0.98),
      found(text, 'Ghana', 'Organization', 0.9),
    ])
    expect(names.map((n) => `${n.type} ${n.text}`)).toEqual(['Location United States', 'Location Ghana'])
  })

  it('keeps an organisation that is no country as it is', () => {
    const text = 'Reuters reported it.'
    expect(recognisedNames(text, [found(text, 'Reuters', 'Organization', 0.92)])[0]!.type).toBe(
      'Organization',
    )
  })

  it('drops a date with no number, keeps one with a day or a year', () => {
    const text = 'It invaded last year, in November 2022.'
    const names = recognisedNames(text, [
      found(text, 'last year', 'Date', 0.99),
      found(text, 'November 2022', 'Date', 0.99),
    ])
    expect(names.map((n) => n.text)).toEqual(['November 2022'])
  })

  it('gives every place of a name of one type the best score the text gives it', () => {
    const text = 'Russia said so. Ties with Russia grew. Russia, a Person here, is another.'
    const third = text.lastIndexOf('Russia')
    const names = recognisedNames(text, [
      found(text, 'Russia', 'Location', 0.96),
      {
        start: text.indexOf('Russia', 5),
        end: text.indexOf('Russia', 5) + 6,
        type: 'Location',
        text: 'Russia',
        score: 0.54,
      },
      { start: third, end: third + 6, type: 'Person', text: 'Russia', score: 0.3 },
    ])
    expect(names.map((n) => n.score)).toEqual([0.96, 0.96, 0.3])
  })
})
