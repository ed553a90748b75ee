// W3C Web Annotation §4.2.4 TextQuoteSelector: the exact words plus a little context on each side,
// enough to find the passage again if offsets ever disagree with the text.
import type { TextPositionSelector, TextQuoteSelector } from './model'

export const CONTEXT_LENGTH = 32

export function quoteSelector(text: string, position: TextPositionSelector): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(position.start, position.end),
    prefix: text.slice(Math.max(0, position.start - CONTEXT_LENGTH), position.start),
    suffix: text.slice(position.end, position.end + CONTEXT_LENGTH),
  }
}
