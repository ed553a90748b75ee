// The blocks of the open article. Memoised: selection and toolbar state must not re-render the text.
import { memo, useMemo } from 'react'
import type { Article, Entity } from '../../shared/model'
import { ArticleBlock } from './ArticleBlock'
import classes from './Reader.module.css'
import { groupListItems, renderedBlocks } from './segments'

interface ArticleBodyProps {
  article: Article
  entities: Entity[]
}

export const ArticleBody = memo(function ArticleBody({ article, entities }: ArticleBodyProps) {
  const groups = useMemo(() => groupListItems(renderedBlocks(article)), [article])
  const byId = useMemo(() => new Map(entities.map((e) => [e.id, e])), [entities])
  return (
    <div className={classes.body}>
      {groups.map((group) => (
        <ArticleBlock key={group[0]!.start} group={group} entities={byId} />
      ))}
    </div>
  )
})
