import { describe, expect, it } from 'vitest'
import { matchQuote } from '../../../src/main/services/anchor/match-quote'
import { positionSelector } from '../../../src/main/services/anchor/text-position'
import { CONTEXT_LENGTH, quoteSelector } from '../../../src/shared/text-quote'
import { targetFor } from '../../../src/main/services/annotate/target'

const text =
  'Kim said it. The North Korean leader called for “closer strategic cooperation” with Moscow. Kim said it again.'

describe('text selectors', () => {
  it('builds a TextPositionSelector trimmed of surrounding white space', () => {
    const start = text.indexOf(' with Moscow. ')
    expect(positionSelector(text, start, start + ' with Moscow. '.length)).toEqual({
      type: 'TextPositionSelector',
      start: start + 1,
      end: start + ' with Moscow.'.length,
    })
  })

  it('refuses empty and out-of-range selections with a sentence', () => {
    expect(() => positionSelector(text, 3, 4)).toThrow(/Select some words/)
    expect(() => positionSelector(text, 0, text.length + 1)).toThrow(/outside the article text/)
  })

  it('builds a TextQuoteSelector with up to 32 characters of context', () => {
    const start = text.indexOf('closer')
    const quote = quoteSelector(text, { type: 'TextPositionSelector', start, end: start + 28 })
    expect(quote.exact).toBe('closer strategic cooperation')
    expect(quote.prefix).toHaveLength(CONTEXT_LENGTH)
    expect(text.slice(0, start).endsWith(quote.prefix)).toBe(true)
    expect(quote.suffix.startsWith('” with Moscow')).toBe(true)
  })

  it('finds a quote by its context when the stored position no longer fits', () => {
    const second = text.lastIndexOf('Kim said')
    const target = targetFor(text, second, second + 8)
    const shifted = { ...target, position: { ...target.position, start: 0, end: 3 } }
    expect(matchQuote(text, shifted)).toMatchObject({ start: second, end: second + 8, errors: 0 })
    expect(matchQuote('nothing here', target)).toBeNull()
  })
})
