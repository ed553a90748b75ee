// One block of the article (or a run of list items) rendered as its HTML element. Memoised: a block
// re-renders only when its own text or kind changes, never for a mark.
import { memo } from 'react'
import classes from './Reader.module.css'
import type { RenderedBlock } from './segments'
import { TextSegment } from './TextSegment'

interface ArticleBlockProps {
  /** A single block, or consecutive list items. */
  group: RenderedBlock[]
}

function segmentsOf(block: RenderedBlock) {
  return block.segments.map((segment) => <TextSegment key={segment.start} segment={segment} />)
}

export const ArticleBlock = memo(function ArticleBlock({ group }: ArticleBlockProps) {
  const block = group[0]
  if (!block) return null
  const at = { 'data-block-start': block.start }
  switch (block.kind) {
    case 'heading':
      return <h2 {...at}>{segmentsOf(block)}</h2>
    case 'quote':
      return <blockquote {...at}>{segmentsOf(block)}</blockquote>
    case 'caption':
      return (
        <p {...at} className={classes.caption}>
          {segmentsOf(block)}
        </p>
      )
    case 'list-item':
      return (
        <ul {...at}>
          {group.map((item) => (
            <li key={item.start} data-block-start={item.start}>
              {segmentsOf(item)}
            </li>
          ))}
        </ul>
      )
    default:
      return <p {...at}>{segmentsOf(block)}</p>
  }
})
