// The selectors for a range of an article's canonical text.
import type { TextTarget } from '../../../shared/model'
import { positionSelector } from '../anchor/text-position'
import { quoteSelector } from '../../../shared/text-quote'

export function targetFor(text: string, start: number, end: number): TextTarget {
  const position = positionSelector(text, start, end)
  return { quote: quoteSelector(text, position), position }
}
