// The blocks of the open article, with trimmed passages hidden unless asked for. Memoised: selection and
// toolbar state must not re-render the text.
import { Fragment, memo, useMemo } from 'react'
import type { Article, Entity } from '../../shared/model'
import { ArticleBlock } from './ArticleBlock'
import classes from './Reader.module.css'
import { groupListItems, renderedBlocks, type RenderedBlock } from './segments'
import { TrimmedPassage } from './TrimmedPassage'

interface ArticleBodyProps {
  article: Article
  entities: Entity[]
  showTrimmed: boolean
  /** Blocks restored while reading, which keep a "Trim" action while trimmed text is shown. */
  restored: ReadonlySet<number>
  /** Must be stable across renders, or the memo is lost. */
  onSetTrimmed: (index: number, trimmed: boolean) => void
}

export const ArticleBody = memo(function ArticleBody(props: ArticleBodyProps) {
  const { article, entities, showTrimmed, restored, onSetTrimmed } = props
  const groups = useMemo(() => {
    const isRestored = (block: RenderedBlock) => showTrimmed && (block.restored || restored.has(block.index))
    return groupListItems(renderedBlocks(article, { showTrimmed }), (b) => b.trimmed || isRestored(b))
  }, [article, showTrimmed, restored])
  const byId = useMemo(() => new Map(entities.map((e) => [e.id, e])), [entities])

  return (
    <div className={classes.body}>
      {groups.map((group) => {
        const head = group[0]!
        const element = <ArticleBlock group={group} entities={byId} />
        const state = head.trimmed
          ? 'trimmed'
          : showTrimmed && (head.restored || restored.has(head.index))
            ? 'restored'
            : null
        if (!state || head.index < 0) return <Fragment key={head.start}>{element}</Fragment>
        return (
          <TrimmedPassage
            key={head.start}
            state={state}
            quote={article.text.slice(head.start, head.end) || head.alt || 'image'}
            onToggle={() => onSetTrimmed(head.index, state === 'restored')}
          >
            {element}
          </TrimmedPassage>
        )
      })}
    </div>
  )
})
