// The recogniser's labels: O and B-/I- for each of Dossier's entity types it finds, and which label may
// follow which (IOB2: an I- only continues an entity of its own type).
import type { EntityType } from '../../../shared/model'

/** The types the recogniser tags; 'Other' is the analyst's own and never recognised. */
export const NER_TYPES = ['Person', 'Organization', 'Location', 'Equipment', 'Event', 'Date'] as const
export type NerType = (typeof NER_TYPES)[number] & EntityType

export const O = 0
/** Label 0 is O, then B-type, I-type for each type in NER_TYPES order. */
export const LABEL_COUNT = 1 + 2 * NER_TYPES.length

export const begin = (type: number): number => 1 + 2 * type
export const inside = (type: number): number => 2 + 2 * type
/** The type index of a B- or I- label, -1 for O. */
export const typeOf = (label: number): number => (label === O ? -1 : (label - 1) >> 1)
export const isInside = (label: number): boolean => label !== O && (label - 1) % 2 === 1

export function labelName(label: number): string {
  if (label === O) return 'O'
  return `${isInside(label) ? 'I' : 'B'}-${NER_TYPES[typeOf(label)]}`
}

/** Whether `next` may follow `previous` (-1: the start of a sentence). */
export function allowed(previous: number, next: number): boolean {
  if (!isInside(next)) return true
  return previous !== -1 && previous !== O && typeOf(previous) === typeOf(next)
}

export interface Span {
  /** Token indexes, end exclusive. */
  start: number
  end: number
  type: number
}

/** The entities of a valid label sequence. */
export function spansOf(labels: ArrayLike<number>): Span[] {
  const spans: Span[] = []
  let open: Span | undefined
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!
    if (open && !(isInside(label) && typeOf(label) === open.type)) {
      spans.push(open)
      open = undefined
    }
    if (label !== O && !open) open = { start: i, end: i + 1, type: typeOf(label) }
    else if (open) open.end = i + 1
  }
  if (open) spans.push(open)
  return spans
}
