// Moving through the article from the keyboard: the sentence or paragraph after or before a position,
// among the blocks the reader shows. Sentences come from Intl.Segmenter in the article's language.
import type { TextRange } from './text-range'

export type Unit = 'sentence' | 'paragraph'

interface Shown {
  start: number
  end: number
}

const segmenters = new Map<string, Intl.Segmenter>()

function segmenter(language: string | undefined): Intl.Segmenter {
  const key = language || 'und'
  let found = segmenters.get(key)
  if (!found) {
    let locale: string | undefined = language
    try {
      Intl.getCanonicalLocales(language ?? [])
    } catch {
      locale = undefined
    }
    found = new Intl.Segmenter(locale, { granularity: 'sentence' })
    segmenters.set(key, found)
  }
  return found
}

/** The sentences of one block, as trimmed ranges of the canonical text. */
export function sentencesOf(text: string, block: Shown, language?: string): TextRange[] {
  const out: TextRange[] = []
  for (const part of segmenter(language).segment(text.slice(block.start, block.end))) {
    let start = block.start + part.index
    let end = start + part.segment.length
    while (start < end && /\s/.test(text[start]!)) start++
    while (end > start && /\s/.test(text[end - 1]!)) end--
    if (end > start) out.push({ start, end })
  }
  return out
}

export class ReadingCursor {
  private readonly cache = new Map<number, TextRange[]>()

  constructor(
    private readonly text: string,
    /** The blocks shown, in reading order. */
    private readonly blocks: readonly Shown[],
    private readonly language?: string,
  ) {}

  private units(unit: Unit, block: Shown): TextRange[] {
    if (unit === 'paragraph') return [{ start: block.start, end: block.end }]
    let found = this.cache.get(block.start)
    if (!found) {
      found = sentencesOf(this.text, block, this.language)
      this.cache.set(block.start, found)
    }
    return found
  }

  /** The first unit that starts at or after `offset`. */
  after(unit: Unit, offset: number): TextRange | null {
    for (const block of this.blocks) {
      if (block.end <= offset) continue
      for (const range of this.units(unit, block)) if (range.start >= offset) return range
    }
    return null
  }

  /** The last unit that ends at or before `offset`. */
  before(unit: Unit, offset: number): TextRange | null {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const block = this.blocks[i]!
      if (block.start >= offset) continue
      const units = this.units(unit, block)
      for (let j = units.length - 1; j >= 0; j--) if (units[j]!.end <= offset) return units[j]!
    }
    return null
  }

  /** The nearest unit end after `offset`. */
  endAfter(unit: Unit, offset: number): number | null {
    for (const block of this.blocks) {
      if (block.end <= offset) continue
      for (const range of this.units(unit, block)) if (range.end > offset) return range.end
    }
    return null
  }

  /** The nearest unit start before `offset`. */
  startBefore(unit: Unit, offset: number): number | null {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const block = this.blocks[i]!
      if (block.start >= offset) continue
      const units = this.units(unit, block)
      for (let j = units.length - 1; j >= 0; j--) if (units[j]!.start < offset) return units[j]!.start
    }
    return null
  }

  /** The unit that contains `offset`, or the next one. */
  at(unit: Unit, offset: number): TextRange | null {
    for (const block of this.blocks) {
      if (block.end <= offset) continue
      for (const range of this.units(unit, block)) if (range.end > offset) return range
    }
    return null
  }
}

/**
 * The selection after a cursor key. Without `extend` the next or previous unit is selected; with it the
 * moving end (`focus`) goes to the next unit end (forwards) or the previous unit start (backwards), and
 * the other end (`anchor`) stays, so Shift+J and Shift+K grow and shrink a selection as in an editor.
 */
export function moveCursor(
  cursor: ReadingCursor,
  unit: Unit,
  direction: 1 | -1,
  current: { anchor: number; focus: number } | null,
  fallback: number,
  extend: boolean,
): { anchor: number; focus: number } | null {
  if (!current) {
    const first = cursor.at(unit, fallback)
    return first && { anchor: first.start, focus: first.end }
  }
  if (!extend) {
    const low = Math.min(current.anchor, current.focus)
    const high = Math.max(current.anchor, current.focus)
    const next = direction === 1 ? cursor.after(unit, high) : cursor.before(unit, low)
    return next ? { anchor: next.start, focus: next.end } : current
  }
  const focus =
    direction === 1 ? cursor.endAfter(unit, current.focus) : cursor.startBefore(unit, current.focus)
  return focus === null ? current : { anchor: current.anchor, focus }
}
