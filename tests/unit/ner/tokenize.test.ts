import { describe, expect, it } from 'vitest'
import { sentences, tokenize } from '../../../src/main/services/ner/tokenize'

const words = (text: string) => tokenize(text).map((t) => t.text)

describe('tokenize', () => {
  it('gives offsets in UTF-16 code units that slice the original text back', () => {
    const text = 'Ким Чен Ын 🚀 met 習近平 in Pyongyang 👩‍👩‍👧 — «العربية» café naïve\tend'
    const tokens = tokenize(text)
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text)
    expect(tokens.map((t) => t.text)).toContain('Ким')
    expect(tokens.map((t) => t.text)).toContain('Pyongyang')
    // The rocket is two code units and one token; the word after it starts right after both.
    const rocket = tokens.find((t) => t.text === '🚀')!
    expect(rocket.end - rocket.start).toBe(2)
    expect(tokens[tokens.indexOf(rocket) + 1]).toMatchObject({ text: 'met', start: rocket.end + 1 })
  })

  it('never splits a surrogate pair', () => {
    const text = '𝐀𝐁 😀😀 x'
    for (const t of tokenize(text)) {
      const first = t.text.charCodeAt(0)
      expect(first >= 0xdc00 && first <= 0xdfff).toBe(false)
    }
  })

  it('keeps designators, initials and addresses whole and splits the possessive off', () => {
    expect(words('T-72B3 and Su-25s, AK-47; the U.S. and https://example.org/a?b=1 @kcna_news')).toEqual([
      'T-72B3',
      'and',
      'Su-25s',
      ',',
      'AK-47',
      ';',
      'the',
      'U.S.',
      'and',
      'https://example.org/a?b=1',
      '@kcna_news',
    ])
    expect(words("Putin's army and the Kremlin’s")).toEqual([
      'Putin',
      "'s",
      'army',
      'and',
      'the',
      'Kremlin',
      '’s',
    ])
  })

  it('cuts a name off the lower-case word it is hyphened to, and keeps names and prefixes joined', () => {
    expect(
      words('the Kremlin-backed group, US-led forces, Kim Jong-un, Coca-Cola, Al-shabaab, Anti-war'),
    ).toEqual([
      'the',
      'Kremlin',
      '-',
      'backed',
      'group',
      ',',
      'US',
      '-',
      'led',
      'forces',
      ',',
      'Kim',
      'Jong-un',
      ',',
      'Coca-Cola',
      ',',
      'Al-shabaab',
      ',',
      'Anti-war',
    ])
    const text = 'a Moscow-based firm'
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text)
  })

  it('keeps clitics, abbreviations, numbers, e-mail addresses and emoticons as the training data has them', () => {
    expect(
      words("I 'm sure Dr. Smith of Acme Inc. paid 5,000 at 11:00 to bob.smith@example.com :) !!"),
    ).toEqual([
      'I',
      "'m",
      'sure',
      'Dr.',
      'Smith',
      'of',
      'Acme',
      'Inc.',
      'paid',
      '5,000',
      'at',
      '11:00',
      'to',
      'bob.smith@example.com',
      ':)',
      '!!',
    ])
  })

  it('cuts sentences at full stops and line breaks but not after a title', () => {
    const text = 'Mr. Kim arrived. He left on Friday!\nA heading\nThe end'
    const cut = sentences(text, tokenize(text)).map((s) => s.map((t) => t.text).join(' '))
    expect(cut).toEqual(['Mr. Kim arrived .', 'He left on Friday !', 'A heading', 'The end'])
  })
})
