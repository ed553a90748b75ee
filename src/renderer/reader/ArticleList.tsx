// A run of list items as nested <ul>/<ol> lists, numbered from the source's own start.
import { itemValue, listTree, type ListLevel } from './list-tree'
import type { RenderedBlock } from './segments'
import { TextSegment } from './TextSegment'

interface ArticleListProps {
  items: RenderedBlock[]
}

function List({ list }: { list: ListLevel }) {
  const children = list.items.map((node, i) => (
    <li key={node.item.start} value={itemValue(list, i)} data-block-start={node.item.start}>
      {node.item.segments.map((segment) => (
        <TextSegment key={segment.start} segment={segment} />
      ))}
      {node.list && <List list={node.list} />}
    </li>
  ))
  if (!list.ordered) return <ul>{children}</ul>
  return <ol start={list.start === 1 ? undefined : list.start}>{children}</ol>
}

export function ArticleList({ items }: ArticleListProps) {
  return <List list={listTree(items)} />
}
