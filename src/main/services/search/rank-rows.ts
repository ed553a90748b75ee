// The order of a search's results, and the rows of one page of it: only the first offset + limit need
// an order, so they are picked with a bounded heap instead of sorting all 9,000 matches of a common word.
// The comparison is a total order (it ends on the id), so the page is the one a full sort would give.
import type { LibrarySort } from '../../../shared/library'
import type { ArticleSummary } from '../../../shared/model'

// `a.localeCompare(b, locales, options)` is a Collator's compare; one made once costs far less per call.
const plain = new Intl.Collator()
const base = new Intl.Collator(undefined, { sensitivity: 'base' })

type Compare = (a: number, b: number) => number

/** Ascending comparison of two slots for each sort; relevance is by score, the best first when descending. */
function primary(
  sort: LibrarySort,
  rows: readonly (ArticleSummary | undefined)[],
  score?: Float64Array,
): Compare {
  const row = (slot: number) => rows[slot]!
  switch (sort) {
    case 'relevance':
      return (a, b) => (score ? score[a]! - score[b]! : 0)
    case 'published':
      return (a, b) => plain.compare(row(a).published ?? '', row(b).published ?? '')
    case 'imported':
      return (a, b) => plain.compare(row(a).importedAt, row(b).importedAt)
    case 'title':
      return (a, b) => base.compare(row(a).title, row(b).title)
    case 'site':
      return (a, b) => base.compare(row(a).siteName ?? '', row(b).siteName ?? '')
    case 'highlights':
      return (a, b) => row(a).highlightCount - row(b).highlightCount
  }
}

export interface Ranking {
  sort: LibrarySort
  order: 'asc' | 'desc'
  /** By slot, for the relevance sort. */
  score?: Float64Array
}

/** The slots of `slots` from `offset`, at most `limit`, in the order of `ranking`. */
export function pageOf(
  slots: Int32Array,
  rows: readonly (ArticleSummary | undefined)[],
  ranking: Ranking,
  offset: number,
  limit: number,
): number[] {
  const sign = ranking.order === 'asc' ? 1 : -1
  const first = primary(ranking.sort, rows, ranking.score)
  // Ties: newest import first, then title, so a page never reshuffles between calls.
  const compare: Compare = (a, b) => {
    const ra = rows[a]!
    const rb = rows[b]!
    return (
      sign * first(a, b) ||
      plain.compare(rb.importedAt, ra.importedAt) ||
      plain.compare(ra.title, rb.title) ||
      plain.compare(ra.id, rb.id)
    )
  }
  const wanted = Math.min(offset + limit, slots.length)
  if (wanted <= 0) return []
  // A page deep into the results, or most of them: the whole list is sorted.
  if (wanted * 4 >= slots.length)
    return Array.from(slots)
      .sort(compare)
      .slice(offset, offset + limit)
  return best(slots, wanted, compare).slice(offset)
}

/** The `k` least of `slots` by `compare`, in order: a heap whose top is the worst kept so far. */
function best(slots: Int32Array, k: number, compare: Compare): number[] {
  const heap: number[] = []
  const down = (from: number) => {
    let i = from
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let worst = i
      if (left < heap.length && compare(heap[left]!, heap[worst]!) > 0) worst = left
      if (right < heap.length && compare(heap[right]!, heap[worst]!) > 0) worst = right
      if (worst === i) return
      ;[heap[i], heap[worst]] = [heap[worst]!, heap[i]!]
      i = worst
    }
  }
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s]!
    if (heap.length < k) {
      heap.push(slot)
      let i = heap.length - 1
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (compare(heap[i]!, heap[parent]!) <= 0) break
        ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
        i = parent
      }
    } else if (compare(slot, heap[0]!) < 0) {
      heap[0] = slot
      down(0)
    }
  }
  return heap.sort(compare)
}
