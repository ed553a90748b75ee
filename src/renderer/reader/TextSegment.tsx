// One segment of a block: its text in a span carrying its absolute offset, with the original's emphasis
// inside the span. Marks are painted over it (mark-painter.ts), never rendered as elements.
import type { ReactNode } from 'react'
import type { Segment } from './segments'

export function TextSegment({ segment }: { segment: Segment }) {
  let text: ReactNode = segment.text
  if (segment.emphasis) text = <em>{text}</em>
  if (segment.strong) text = <strong>{text}</strong>
  if (segment.code) text = <code>{text}</code>
  if (segment.superscript) text = <sup>{text}</sup>
  if (segment.subscript) text = <sub>{text}</sub>
  return <span data-start={segment.start}>{text}</span>
}
