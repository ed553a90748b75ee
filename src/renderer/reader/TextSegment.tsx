// One segment of a block: its text in a span carrying its absolute offset, inside the marks of the
// highlights and mentions that cover it, with the original's emphasis inside the span.
import type { ReactNode } from 'react'
import type { Entity } from '../../shared/model'
import classes from './Reader.module.css'
import type { Segment } from './segments'

interface TextSegmentProps {
  segment: Segment
  entities: ReadonlyMap<string, Entity>
}

export function TextSegment({ segment, entities }: TextSegmentProps) {
  let text: ReactNode = segment.text
  if (segment.emphasis) text = <em>{text}</em>
  if (segment.strong) text = <strong>{text}</strong>
  if (segment.code) text = <code>{text}</code>
  if (segment.superscript) text = <sup>{text}</sup>
  if (segment.subscript) text = <sub>{text}</sub>
  let node: ReactNode = <span data-start={segment.start}>{text}</span>
  for (const mention of [...segment.mentions].reverse()) {
    const entity = entities.get(mention.entityId)
    node = (
      <span
        className={classes.mention}
        data-mention-id={mention.id}
        data-entity-type={entity?.type ?? 'Other'}
        title={entity ? `${entity.type}: ${entity.name}` : 'Tagged entity'}
      >
        {node}
      </span>
    )
  }
  for (const highlight of [...segment.highlights].reverse()) {
    node = (
      <mark className={classes.mark} data-highlight-id={highlight.id} data-color={highlight.color}>
        {node}
      </mark>
    )
  }
  return node
}
