// Pure list updates for annotations kept in reading order: insert or replace by id, remove by id.

import { insertByPosition, type Anchored } from '../../shared/reading-order'

/** `list` with `item` in place of the one with its id, or inserted at its position in reading order. */
export function withItem<T extends Anchored & { id: string }>(list: readonly T[], item: T): T[] {
  const rest = list.filter((x) => x.id !== item.id)
  insertByPosition(rest, item)
  return rest
}

export function withoutItem<T extends { id: string }>(list: readonly T[], id: string): T[] {
  return list.filter((x) => x.id !== id)
}
