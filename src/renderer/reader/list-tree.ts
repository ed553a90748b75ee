// A run of list item blocks as the nested lists they came from: each item's depth puts it in a list
// inside the item before it. Pure, so the nesting is tested without a DOM.
import type { RenderedBlock } from './segments'

export interface ListNode {
  item: RenderedBlock
  /** The list nested in this item, if any. */
  list?: ListLevel
}

export interface ListLevel {
  ordered: boolean
  /** The number of the first item, for <ol start>. */
  start: number
  depth: number
  items: ListNode[]
}

function level(first: RenderedBlock, depth: number): ListLevel {
  return { ordered: first.ordered === true, start: first.number ?? 1, depth, items: [] }
}

/**
 * Nests `items` by depth. An item deeper than the one before goes into a list inside that item, however
 * many levels deeper it says it is; the first item's depth is the outer list's, so a run that starts
 * deep (its parents trimmed) still shows as a list.
 */
export function listTree(items: readonly RenderedBlock[]): ListLevel {
  const first = items[0]
  const root = level(first ?? ({} as RenderedBlock), first?.depth ?? 0)
  const stack: ListLevel[] = [root]
  for (const item of items) {
    const depth = Math.max(item.depth ?? 0, root.depth)
    while (stack.length > 1 && stack[stack.length - 1]!.depth > depth) stack.pop()
    const top = stack[stack.length - 1]!
    const parent = top.items[top.items.length - 1]
    if (depth > top.depth && parent) {
      parent.list ??= level(item, depth)
      stack.push(parent.list)
    }
    stack[stack.length - 1]!.items.push({ item })
  }
  return root
}

/** The `value` an item of an ordered list needs when its number is not the one after the item before. */
export function itemValue(list: ListLevel, index: number): number | undefined {
  const number = list.items[index]!.item.number
  if (!list.ordered || number === undefined) return undefined
  return number === list.start + index ? undefined : number
}
