// W3C Web Annotation §4.2.5 TextPositionSelector on the canonical text, with the range checked and
// trimmed of surrounding white space so a sloppy selection still anchors to the words meant.
import { DossierError } from '../../../shared/errors'
import type { TextPositionSelector } from '../../../shared/model'

export function positionSelector(text: string, start: number, end: number): TextPositionSelector {
  if (start > end) [start, end] = [end, start]
  if (end > text.length) {
    throw new DossierError(
      'invalid-argument',
      'The selection is outside the article text. Reload the article and select again.',
    )
  }
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (start === end) throw new DossierError('invalid-argument', 'Select some words of the article first.')
  return { type: 'TextPositionSelector', start, end }
}
