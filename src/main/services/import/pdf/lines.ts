// Rebuilds lines of text from pdf.js's runs: runs on one baseline (within a tolerance), sorted left to
// right (right to left in Hebrew or Arabic rows), with a space wherever the gap between them is wide
// enough to be one; a much wider gap (a column gutter, a tab stop) splits the row into separate segments.
import type { TextRun } from './text-runs'

export interface Segment {
  text: string
  page: number
  x: number
  right: number
  /** Baseline of the first run, down from the top of the page. */
  y: number
  /** Font size of the segment, weighted by characters. */
  size: number
  /** The font that draws most of its characters. */
  font: string
  /** Characters in right-to-left runs, to decide the article's direction. */
  rtlChars: number
}

/** Runs whose baselines differ by less than this share of the font size are on the same line. */
const BASELINE_TOLERANCE = 0.4
/** A gap wider than this share of the font size is a word space pdf.js did not write out. */
const SPACE_GAP = 0.15
/** A gap wider than this share of the font size separates two segments (columns, tab stops). */
const SPLIT_GAP = 0.9

function dominant(counts: Map<string, number>): string {
  let best = ''
  let most = -1
  for (const [key, count] of counts) {
    if (count > most) [best, most] = [key, count]
  }
  return best
}

/** Gap between two runs in reading order: from where the text so far ends to where the next run starts. */
function gapBefore(run: TextRun, x: number, right: number, rtl: boolean): number {
  return rtl ? x - (run.x + run.width) : run.x - right
}

/** `runs` in reading order: left to right, or right to left in a right-to-left row. */
function segmentOf(runs: readonly TextRun[], page: number, rtl: boolean): Segment {
  let text = ''
  let sizeSum = 0
  let chars = 0
  let rtlChars = 0
  const fonts = new Map<string, number>()
  let x = runs[0]!.x + runs[0]!.width
  let right = runs[0]!.x
  for (const run of runs) {
    const gap = gapBefore(run, x, right, rtl)
    // pdf.js usually writes spaces itself; add one only where it did not and the gap is a word gap.
    if (text && gap > SPACE_GAP * run.size && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' '
    text += run.text
    const n = run.text.length
    sizeSum += run.size * n
    chars += n
    if (run.rtl) rtlChars += n
    fonts.set(run.font, (fonts.get(run.font) ?? 0) + n)
    right = Math.max(right, run.x + run.width)
    x = Math.min(x, run.x)
  }
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    page,
    x,
    right,
    y: runs[0]!.y,
    size: sizeSum / Math.max(1, chars),
    font: dominant(fonts),
    rtlChars,
  }
}

/** Groups runs into rows by baseline: sorted top to bottom, a run joins the row whose baseline is close. */
function rowsOf(runs: readonly TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x)
  const rows: TextRun[][] = []
  let row: TextRun[] = []
  let baseline = Number.NEGATIVE_INFINITY
  for (const run of sorted) {
    const tolerance = BASELINE_TOLERANCE * Math.max(run.size, row[0]?.size ?? 0)
    if (row.length && run.y - baseline > tolerance) {
      rows.push(row)
      row = []
    }
    if (!row.length) baseline = run.y
    row.push(run)
  }
  if (row.length) rows.push(row)
  return rows
}

/** The segments of one page, top to bottom and, within a row, left to right. */
export function segmentsOf(runs: readonly TextRun[], page: number): Segment[] {
  const segments: Segment[] = []
  for (const row of rowsOf(runs)) {
    // A row is right to left when most of its characters are in right-to-left runs.
    const rtl = row.reduce((n, r) => n + (r.rtl ? r.text.length : -r.text.length), 0) > 0
    row.sort((a, b) => (rtl ? b.x - a.x : a.x - b.x))
    let piece: TextRun[] = []
    let x = Number.POSITIVE_INFINITY
    let right = Number.NEGATIVE_INFINITY
    for (const run of row) {
      if (piece.length && gapBefore(run, x, right, rtl) > SPLIT_GAP * Math.max(run.size, piece[0]!.size)) {
        segments.push(segmentOf(piece, page, rtl))
        piece = []
      }
      piece.push(run)
      x = piece.length === 1 ? run.x : Math.min(x, run.x)
      right = piece.length === 1 ? run.x + run.width : Math.max(right, run.x + run.width)
    }
    if (piece.length) segments.push(segmentOf(piece, page, rtl))
  }
  return segments.filter((s) => s.text.length > 0)
}
