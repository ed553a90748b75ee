// Pure list updates for annotations kept in reading order: insert or replace by id, remove by id.

type Anchored = { id: string; target: { position: { start: number } } }

/** `list` with `item` in place of the one with its id, or inserted at its position in reading order. */
export function withItem<T extends Anchored>(list: readonly T[], item: T): T[] {
  const rest = list.filter((x) => x.id !== item.id)
  const at = item.target.position.start
  let low = 0
  let high = rest.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (rest[mid]!.target.position.start <= at) low = mid + 1
    else high = mid
  }
  rest.splice(low, 0, item)
  return rest
}

export function withoutItem<T extends { id: string }>(list: readonly T[], id: string): T[] {
  return list.filter((x) => x.id !== id)
}
