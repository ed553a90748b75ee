// Text with every run of white space read as one space, and the way back to the original offsets, so
// that text re-flowed into other lines or paragraphs still matches a quote with no error at all.

export interface CollapsedText {
  text: string
  /** offsets[i] is where character i of `text` sits in the original; one more entry marks the end. */
  offsets: Uint32Array
}

const SPACE = /\s+/g

export function collapseSpace(value: string): string {
  return value.replace(SPACE, ' ')
}

export function collapseWithOffsets(original: string): CollapsedText {
  const offsets = new Uint32Array(original.length + 1)
  const parts: string[] = []
  let n = 0
  let from = 0
  const keep = (to: number) => {
    parts.push(original.slice(from, to))
    for (let i = from; i < to; i++) offsets[n++] = i
  }
  for (const run of original.matchAll(SPACE)) {
    keep(run.index)
    parts.push(' ')
    offsets[n++] = run.index
    from = run.index + run[0].length
  }
  keep(original.length)
  offsets[n] = original.length
  return { text: parts.join(''), offsets: offsets.subarray(0, n + 1) }
}

/** The original range of the collapsed range [start, end). */
export function originalRange(collapsed: CollapsedText, start: number, end: number) {
  return { start: collapsed.offsets[start]!, end: collapsed.offsets[end - 1]! + 1 }
}
