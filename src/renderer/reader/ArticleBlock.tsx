// One block of the article (or a run of list items) rendered as its HTML element.
import type { Entity } from '../../shared/model'
import classes from './Reader.module.css'
import type { RenderedBlock } from './segments'
import { TextSegment } from './TextSegment'

interface ArticleBlockProps {
  /** A single block, or consecutive list items. */
  group: RenderedBlock[]
  entities: ReadonlyMap<string, Entity>
}

function segmentsOf(block: RenderedBlock, entities: ReadonlyMap<string, Entity>) {
  return block.segments.map((segment) => (
    <TextSegment key={segment.start} segment={segment} entities={entities} />
  ))
}

export function ArticleBlock({ group, entities }: ArticleBlockProps) {
  const block = group[0]
  if (!block) return null
  switch (block.kind) {
    case 'heading':
      return <h2>{segmentsOf(block, entities)}</h2>
    case 'quote':
      return <blockquote>{segmentsOf(block, entities)}</blockquote>
    case 'caption':
      return <p className={classes.caption}>{segmentsOf(block, entities)}</p>
    case 'list-item':
      return (
        <ul>
          {group.map((item) => (
            <li key={item.start}>{segmentsOf(item, entities)}</li>
          ))}
        </ul>
      )
    default:
      return <p>{segmentsOf(block, entities)}</p>
  }
}
