// One block of the article (or a run of list items, table rows, or a figure and its captions) rendered
// as its HTML element.
import type { Entity } from '../../shared/model'
import { ArticleList } from './ArticleList'
import { ArticleTable } from './ArticleTable'
import { FigurePlaceholder } from './FigurePlaceholder'
import classes from './Reader.module.css'
import type { RenderedBlock } from './segments'
import { TextSegment } from './TextSegment'

interface ArticleBlockProps {
  /** A single block, or consecutive list items, or table rows, or a figure with its captions. */
  group: RenderedBlock[]
  entities: ReadonlyMap<string, Entity>
}

const HEADINGS = ['h2', 'h2', 'h2', 'h3', 'h4', 'h5', 'h6'] as const

function segmentsOf(block: RenderedBlock, entities: ReadonlyMap<string, Entity>) {
  return block.segments.map((segment) => (
    <TextSegment key={segment.start} segment={segment} entities={entities} />
  ))
}

export function ArticleBlock({ group, entities }: ArticleBlockProps) {
  const block = group[0]
  if (!block) return null
  switch (block.kind) {
    case 'heading': {
      const Heading = HEADINGS[block.rank ?? 2] ?? 'h6'
      return <Heading>{segmentsOf(block, entities)}</Heading>
    }
    case 'quote':
      return <blockquote>{segmentsOf(block, entities)}</blockquote>
    case 'caption':
      return <p className={classes.caption}>{segmentsOf(block, entities)}</p>
    case 'list-item':
      return <ArticleList items={group} entities={entities} />
    case 'code':
      // Code reads left to right in any article; its white space is the source's own.
      return (
        <pre className={classes.code} dir="ltr" data-language={block.language}>
          <code>{segmentsOf(block, entities)}</code>
        </pre>
      )
    case 'row':
      return <ArticleTable rows={group} entities={entities} />
    case 'figure':
      return <FigurePlaceholder figure={block} captions={group.slice(1)} entities={entities} />
    default:
      return <p>{segmentsOf(block, entities)}</p>
  }
}
