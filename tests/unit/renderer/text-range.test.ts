// Selections are trimmed of surrounding whitespace before they become highlights or mentions.
import { describe, expect, it } from 'vitest'
import { quoteOf, shortQuote, trimRange } from '../../../src/renderer/reader/text-range'

describe('trimRange', () => {
  it('drops leading and trailing whitespace, including the break between blocks', () => {
    const text = 'end of one.\n\n  Start of two'
    expect(trimRange(text, { start: 10, end: 20 })).toEqual({ start: 10, end: 20 })
    expect(trimRange(text, { start: 11, end: 20 })).toEqual({ start: 15, end: 20 })
    expect(trimRange(' Kim ', { start: 0, end: 5 })).toEqual({ start: 1, end: 4 })
  })

  it('returns null for a range of whitespace only', () => {
    expect(trimRange('a \n b', { start: 1, end: 4 })).toBeNull()
    expect(trimRange('abc', { start: 2, end: 2 })).toBeNull()
  })

  it('clamps to the text and orders reversed ranges', () => {
    expect(trimRange('abc', { start: 2, end: 99 })).toEqual({ start: 2, end: 3 })
    expect(trimRange('abcdef', { start: 4, end: 1 })).toEqual({ start: 1, end: 4 })
  })
})

describe('quoteOf and shortQuote', () => {
  it('folds line breaks into single spaces', () => {
    expect(quoteOf('one\n\ntwo  three', { start: 0, end: 16 })).toBe('one two three')
  })

  it('shortens long quotes on a word boundary', () => {
    const quote = 'The United States is concerned that North Korea is planning to send more weapons'
    const short = shortQuote(quote, 40)
    expect(short.length).toBeLessThanOrEqual(40)
    expect(short.endsWith('…')).toBe(true)
    expect(quote.startsWith(short.slice(0, -1))).toBe(true)
    expect(shortQuote('short', 40)).toBe('short')
  })
})
