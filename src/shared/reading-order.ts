// Highlights and mentions are kept in reading order (by the start of their position): the services
// insert into the stored lists and the renderer into the open article's, the same way.

export type Anchored = { target: { position: { start: number } } }

/** Inserts `item` after every item that starts at or before it: one binary search and one splice. */
export function insertByPosition<T extends Anchored>(list: T[], item: T): void {
  const at = item.target.position.start
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (list[mid]!.target.position.start <= at) low = mid + 1
    else high = mid
  }
  list.splice(low, 0, item)
}
