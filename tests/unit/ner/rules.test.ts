import { describe, expect, it } from 'vitest'
import { Gazetteer, maskOf } from '../../../src/main/services/ner/gazetteer'
import { isDemonym, ruleSpans, withListedNames, withRules } from '../../../src/main/services/ner/rules'
import { tokenize } from '../../../src/main/services/ner/tokenize'

const gazetteer = new Gazetteer(
  new Map([
    ['himars', maskOf(['equipment'])],
    ['javelin', maskOf(['equipment'])],
    ['bayraktar tb2', maskOf(['equipment'])],
    ['cold war', maskOf(['event'])],
  ]),
)
const common = (lower: string) => ['javelin', 'war', 'the'].includes(lower)

function found(text: string) {
  const words = tokenize(text).map((t) => t.text)
  return ruleSpans(words, gazetteer, common).map((s) => [words.slice(s.start, s.end).join(' '), s.type])
}

describe('equipment and event rules', () => {
  it('find designators with a known prefix and listed names written as names', () => {
    expect(
      found('Russia sent T-72B3 and Su-25, MiG-29SMT, a 9K720 and a Bayraktar TB2 against HIMARS.'),
    ).toEqual([
      ['T-72B3', 'Equipment'],
      ['Su-25', 'Equipment'],
      ['MiG-29SMT', 'Equipment'],
      ['9K720', 'Equipment'],
      ['Bayraktar TB2', 'Equipment'],
      ['HIMARS', 'Equipment'],
    ])
  })

  it('take a listed common word only next to a weapon word, and a letter with digits only there too', () => {
    expect(found('He threw a Javelin at the M25 sign.')).toEqual([])
    expect(found('Troops fired Javelin missiles from an M777 howitzer.')).toEqual([
      ['Javelin', 'Equipment'],
      ['M777', 'Equipment'],
    ])
    expect(found('COVID-19 spread in G20 states.')).toEqual([])
  })

  it('find a described weapon by its head and the modifiers before it, not a bare head', () => {
    expect(found('They sent surface-to-air missiles, main battle tanks and the tanks they had.')).toEqual([
      ['surface-to-air missiles', 'Equipment'],
      ['main battle tanks', 'Equipment'],
    ])
  })

  it('score a described weapon of a named kind above the app’s threshold, and drop a general one', () => {
    const words = tokenize('They sent military weapons and military spy satellites.').map((t) => t.text)
    const spans = ruleSpans(words, gazetteer, common)
    expect(spans.map((s) => [words.slice(s.start, s.end).join(' '), s.score])).toEqual([
      ['military spy satellites', 0.88],
    ])
  })

  it('find operations, battles, wars and listed events', () => {
    expect(
      found('After Operation Desert Storm and the Battle of Kursk came the Cold War and the Korean War.'),
    ).toEqual([
      ['Operation Desert Storm', 'Event'],
      ['Battle of Kursk', 'Event'],
      ['Cold War', 'Event'],
      ['Korean War', 'Event'],
    ])
  })

  it('replace the tagger where a strong rule overlaps it, and fill gaps only where a weak one does', () => {
    const tagged = [
      { start: 0, end: 1, type: 'Person' as const, score: 0.6 },
      { start: 3, end: 4, type: 'Location' as const, score: 0.9 },
    ]
    const rules = [
      { start: 0, end: 1, type: 'Equipment' as const, score: 0.85, strong: true },
      { start: 3, end: 4, type: 'Equipment' as const, score: 0.7, strong: false },
      { start: 5, end: 6, type: 'Equipment' as const, score: 0.7, strong: false },
    ]
    expect(withRules(tagged, rules).map((s) => [s.start, s.type])).toEqual([
      [0, 'Equipment'],
      [3, 'Location'],
      [5, 'Equipment'],
    ])
  })
})

describe('demonyms', () => {
  const places = new Gazetteer(
    new Map([
      ['north korean', maskOf(['demonym'])],
      ['thai', maskOf(['demonym'])],
      ['iran', maskOf(['country'])],
      ['north korea', maskOf(['country'])],
    ]),
  )

  it('takes a listed demonym of any length, or one word of that form, for no place', () => {
    expect(isDemonym(['North', 'Korean'], places)).toBe(true)
    expect(isDemonym(['Thai'], places)).toBe(true)
    expect(isDemonym(['Israeli'], places)).toBe(true)
  })

  it('keeps a listed place of that form and any other place', () => {
    expect(isDemonym(['Iran'], places)).toBe(false)
    expect(isDemonym(['North', 'Korea'], places)).toBe(false)
    expect(isDemonym(['Vladivostok'], places)).toBe(false)
  })
})

describe('names checked against the lists', () => {
  const lists = new Gazetteer(
    new Map([
      ['dprk', maskOf(['country'])],
      ['pyongyang', maskOf(['city'])],
      ['jordan', maskOf(['country', 'given'])],
      ['moscow', maskOf(['city'])],
      ['white house', maskOf(['org'])],
      ['state department', maskOf(['org'])],
      ['security council', maskOf(['org'])],
      ['wagner', maskOf(['org'])],
      ['us', maskOf(['country'])],
    ]),
  )
  type Span = { start: number; end: number; type: 'Person' | 'Organization' | 'Location'; score: number }
  function listed(text: string, tagged: [string, Span['type'], number][]) {
    const words = tokenize(text).map((t) => t.text)
    const spans: Span[] = tagged.map(([name, type, score]) => {
      const first = name.split(' ')[0]!
      const start = words.indexOf(first)
      return { start, end: start + name.split(' ').length, type, score }
    })
    return withListedNames(spans, words, lists, common).map((s) => [
      words.slice(s.start, s.end).join(' '),
      s.type,
      s.score,
    ])
  }

  it('make a name the lists hold as its type as sure as the lists, also with a description after it', () => {
    expect(
      listed('The DPRK paid the Wagner mercenary group .', [
        ['DPRK', 'Location', 0.42],
        ['Wagner mercenary group', 'Organization', 0.74],
      ]),
    ).toEqual([
      ['DPRK', 'Location', 0.86],
      ['Wagner mercenary group', 'Organization', 0.86],
    ])
  })

  it('make an organisation of a place or a person the lists hold only as one', () => {
    expect(
      listed('The White House and a State Department spokesperson spoke .', [
        ['White House', 'Location', 0.76],
        ['State Department spokesperson', 'Person', 0.43],
      ]),
    ).toEqual([
      ['White House', 'Organization', 0.86],
      ['State Department spokesperson', 'Organization', 0.86],
    ])
    // A country's listed organisation.
    expect(
      listed('The US State Department said so .', [['US State Department', 'Organization', 0.8]]),
    ).toEqual([['US State Department', 'Organization', 0.86]])
  })

  it('find a listed place or organisation the tagger passed over, but not one that is also a given name', () => {
    expect(listed('Jordan said Pyongyang broke Security Council rules .', [])).toEqual([
      ['Pyongyang', 'Location', 0.86],
      ['Security Council', 'Organization', 0.86],
    ])
    // Part of a longer name is the tagger's call.
    expect(listed('He studied at Moscow State University .', [])).toEqual([])
  })
})
