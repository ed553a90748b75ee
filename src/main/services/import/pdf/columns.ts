// Reading order on one page: finds column gutters from where the lines sit across the page, then reads
// each band of columns left column first, with full-width lines (title, wide headings) between bands.
import type { Segment } from './lines'

export interface Line extends Segment {
  /** The column (or full-width band) the line is in; a change means the text moved to another column. */
  column: string
  /** Left edge and usual right edge of that column, for indentation and short-line tests. */
  columnLeft: number
  columnRight: number
}

/** Lines wider than this share of the page's text width cannot sit in one of several columns. */
const NARROW = 0.6
/** A gutter is a band crossed by at most this share of the most-covered slice's segments. */
const GUTTER_COVERAGE = 0.15
/** Gutters lie inside the text block, not in its outer fifth. */
const INTERIOR = 0.2
/** Each column needs at least this many lines of its own for the gutter to be believed. */
const MIN_COLUMN_LINES = 3

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
}

export interface Gutter {
  from: number
  to: number
}

/** The empty vertical bands between the page's columns, left to right. */
export function findGutters(segments: readonly Segment[]): Gutter[] {
  if (segments.length < 2 * MIN_COLUMN_LINES) return []
  const left = Math.min(...segments.map((s) => s.x))
  const right = Math.max(...segments.map((s) => s.right))
  const width = right - left
  if (width <= 0) return []
  const narrow = segments.filter((s) => s.right - s.x < NARROW * width)
  // How many narrow segments cover each 1-point slice of the text block (a difference array).
  const bins = Math.ceil(width) + 1
  const delta = new Array<number>(bins + 1).fill(0)
  for (const s of narrow) {
    delta[Math.max(0, Math.floor(s.x - left))]! += 1
    delta[Math.min(bins, Math.ceil(s.right - left))]! -= 1
  }
  const coverage: number[] = []
  let running = 0
  for (let i = 0; i < bins; i++) coverage.push((running += delta[i]!))
  // A few narrow lines may cross a gutter (a centred subhead, a long ragged line reaching into it).
  const threshold = Math.max(1, Math.floor(GUTTER_COVERAGE * Math.max(...coverage)))
  const minWidth =
    0.4 *
    percentile(
      segments.map((s) => s.size),
      0.5,
    )

  const gutters: Gutter[] = []
  let start = -1
  for (let i = 0; i <= bins; i++) {
    const low = i < bins && coverage[i]! <= threshold
    if (low && start < 0) start = i
    if (low || start < 0) continue
    const gutter = { from: left + start, to: left + i }
    start = -1
    if (gutter.to - gutter.from < minWidth) continue
    if (gutter.from < left + INTERIOR * width || gutter.to > right - INTERIOR * width) continue
    const previous = gutters.at(-1)?.to ?? Number.NEGATIVE_INFINITY
    const before = narrow.filter((s) => s.right <= gutter.to && s.x >= previous)
    const after = narrow.filter((s) => s.x >= gutter.from)
    if (before.length < MIN_COLUMN_LINES || after.length < MIN_COLUMN_LINES) continue
    // Side by side means the two sides share some height; a block above another is not a column.
    const top = Math.max(Math.min(...before.map((s) => s.y)), Math.min(...after.map((s) => s.y)))
    const bottom = Math.min(Math.max(...before.map((s) => s.y)), Math.max(...after.map((s) => s.y)))
    if (bottom > top) gutters.push(gutter)
  }
  return gutters
}

/** Segments on the same baseline in the same column are one line that pdf.js split at a wide gap. */
function mergeRows(segments: readonly Segment[]): Segment[] {
  const merged: Segment[] = []
  for (const s of [...segments].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const last = merged.at(-1)
    if (last && Math.abs(last.y - s.y) < 0.4 * Math.max(last.size, s.size) && s.x >= last.right) {
      // Right-to-left text reads the right-hand piece first.
      const rtl = 2 * (last.rtlChars + s.rtlChars) > last.text.length + s.text.length
      const text = rtl ? `${s.text} ${last.text}` : `${last.text} ${s.text}`
      merged[merged.length - 1] = { ...last, text, right: s.right, rtlChars: last.rtlChars + s.rtlChars }
    } else merged.push(s)
  }
  return merged
}

/** The page's lines in reading order. */
export function readingOrder(segments: readonly Segment[], page: number): Line[] {
  const gutters = findGutters(segments)
  // Full width means reaching across a whole gutter; a line that only pokes into one stays in its column.
  const columnOf = (s: Segment): number => {
    if (gutters.some((g) => s.x < g.from && s.right > g.to)) return -1
    const middle = (s.x + s.right) / 2
    return gutters.filter((g) => middle > (g.from + g.to) / 2).length
  }
  const sorted = [...segments].sort((a, b) => a.y - b.y || a.x - b.x)
  const placed: Array<{ segment: Segment; column: number; band: number }> = []
  let band = 0
  let inSpan = false
  for (const segment of sorted) {
    const column = columnOf(segment)
    // A full-width line closes the band of columns above it; columns below it start a new band.
    if ((column === -1) !== inSpan) {
      band++
      inSpan = column === -1
    }
    placed.push({ segment, column, band })
  }
  const lines: Line[] = []
  const bands = [...new Set(placed.map((p) => p.band))]
  const columns = [-1, ...gutters.map((_, i) => i), gutters.length]
  const edges = new Map<number, { left: number; right: number }>()
  for (const column of columns) {
    const members = placed.filter((p) => p.column === column).map((p) => p.segment)
    if (members.length) {
      edges.set(column, {
        left: Math.min(...members.map((s) => s.x)),
        right: percentile(
          members.map((s) => s.right),
          0.8,
        ),
      })
    }
  }
  for (const b of bands) {
    for (const column of columns) {
      const members = placed.filter((p) => p.band === b && p.column === column).map((p) => p.segment)
      const edge = edges.get(column)
      if (!edge) continue
      for (const line of mergeRows(members)) {
        lines.push({
          ...line,
          column: `${page}:${b}:${column}`,
          columnLeft: edge.left,
          columnRight: edge.right,
        })
      }
    }
  }
  return lines
}
