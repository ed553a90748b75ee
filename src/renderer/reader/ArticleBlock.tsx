// One block of the article (or a run of list items, table rows, or a figure and its captions) rendered
// as its HTML element. Memoised: a block re-renders only when its own text or kind changes, never for
// a mark (marks are painted over the text).
import { memo } from 'react'
import { ArticleList } from './ArticleList'
import { ArticleTable } from './ArticleTable'
import { FigurePlaceholder } from './FigurePlaceholder'
import classes from './Reader.module.css'
import type { RenderedBlock } from './segments'
import { TextSegment } from './TextSegment'

interface ArticleBlockProps {
  /** A single block, or consecutive list items, or table rows, or a figure with its captions. */
  group: RenderedBlock[]
}

const HEADINGS = ['h2', 'h2', 'h2', 'h3', 'h4', 'h5', 'h6'] as const

export function segmentsOf(block: RenderedBlock) {
  return block.segments.map((segment) => <TextSegment key={segment.start} segment={segment} />)
}

export const ArticleBlock = memo(function ArticleBlock({ group }: ArticleBlockProps) {
  const block = group[0]
  if (!block) return null
  const at = { 'data-block-start': block.start }
  switch (block.kind) {
    case 'heading': {
      const Heading = HEADINGS[block.rank ?? 2] ?? 'h6'
      return <Heading {...at}>{segmentsOf(block)}</Heading>
    }
    case 'quote':
      return <blockquote {...at}>{segmentsOf(block)}</blockquote>
    case 'caption':
      return (
        <p {...at} className={classes.caption}>
          {segmentsOf(block)}
        </p>
      )
    case 'list-item':
      return <ArticleList items={group} />
    case 'code':
      // Code reads left to right in any article; its white space is the source's own.
      return (
        <pre {...at} className={classes.code} dir="ltr" data-language={block.language}>
          <code>{segmentsOf(block)}</code>
        </pre>
      )
    case 'row':
      return <ArticleTable rows={group} />
    case 'figure':
      return <FigurePlaceholder figure={block} captions={group.slice(1)} />
    default:
      return <p {...at}>{segmentsOf(block)}</p>
  }
})
