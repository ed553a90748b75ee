// Groups lines (already in reading order) into paragraphs: a new paragraph starts after a vertical gap
// larger than the line spacing, at a change of font size, at a first-line indent, or after a line that
// stopped short although the next line's first word would have fitted (the writer pressed Enter there).
import type { Line } from './columns'

export interface Paragraph {
  lines: Line[]
  /** Font size of the paragraph, weighted by characters. */
  size: number
  /** The font that draws most of its characters. */
  font: string
}

export interface Layout {
  paragraphs: Paragraph[]
  /** The size most of the text is set in. */
  bodySize: number
  /** The font most of the body-size text is set in. */
  bodyFont: string
  /** Whether lines are justified (flush on both sides): line-end hyphens are then mostly word breaks. */
  justified: boolean
}

/** A gap this much larger than the usual line spacing separates paragraphs. */
const GAP_FACTOR = 1.35
/** Sizes differing by more than this share are different styles (heading and body). */
const SIZE_CHANGE = 0.1
/** An indent of this many ems marks a paragraph's first line. */
const INDENT_EM = 0.7
/** A line must leave room for the next word plus this many ems before the break counts as deliberate. */
const SHORT_LINE_SLACK_EM = 1
/** Columns with fewer lines have no reliable right edge for the short-line test. */
const MIN_LINES_FOR_EDGE = 4

const sizeKey = (size: number): number => Math.round(size * 2) / 2

function mostByChars<T>(lines: readonly Line[], key: (line: Line) => T): T | undefined {
  const counts = new Map<T, number>()
  for (const line of lines) counts.set(key(line), (counts.get(key(line)) ?? 0) + line.text.length)
  let best: T | undefined
  let most = -1
  for (const [value, count] of counts) if (count > most) [best, most] = [value, count]
  return best
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined
  values.sort((a, b) => a - b)
  return values[Math.floor(values.length / 2)]
}

/** The usual distance between baselines for each (rounded) font size, from consecutive lines in one column. */
function lineSpacing(lines: readonly Line[]): Map<number, number> {
  const deltas = new Map<number, number[]>()
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!]
    const dy = b.y - a.y
    if (a.column !== b.column || sizeKey(a.size) !== sizeKey(b.size) || dy <= 0 || dy > 3 * a.size) continue
    const list = deltas.get(sizeKey(a.size)) ?? []
    list.push(dy)
    deltas.set(sizeKey(a.size), list)
  }
  return new Map([...deltas].map(([size, list]) => [size, median(list)!]))
}

function firstWordWidth(line: Line): number {
  const word = /^\S+/.exec(line.text)?.[0] ?? ''
  return ((line.right - line.x) / Math.max(1, line.text.length)) * word.length
}

const LIST_MARKER = /^(?:[•●▪◦‣\-–*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s/i

/**
 * `blockRight` is where the full lines of the paragraph so far end: an indented block quote has its own
 * right margin, short of the column's, and its last line is measured against that.
 */
function startsParagraph(
  a: Line,
  b: Line,
  blockRight: number,
  spacing: Map<number, number>,
  lineCounts: Map<string, number>,
): boolean {
  const em = Math.max(a.size, b.size)
  if (Math.abs(a.size - b.size) > SIZE_CHANGE * em) return true
  if (a.column === b.column) {
    const expected = spacing.get(sizeKey(a.size)) ?? 1.2 * a.size
    if (b.y - a.y > GAP_FACTOR * expected) return true
  }
  const indented = b.x - a.x > INDENT_EM * em && b.x - b.columnLeft > INDENT_EM * em
  // A hanging list item ("1. text" then an indented second line) is one paragraph.
  if (indented && !LIST_MARKER.test(a.text)) return true
  if (LIST_MARKER.test(b.text) && b.x <= a.x + 1) return true
  if (/[-\u00ad]$/.test(a.text) || (lineCounts.get(a.column) ?? 0) < MIN_LINES_FOR_EDGE) return false
  // Two lines ending at the same x are both full lines of an indented or narrower block.
  if (Math.abs(b.right - a.right) < 1) return false
  const room = Math.min(a.columnRight, blockRight) - a.right
  return room > firstWordWidth(b) + (0.3 + SHORT_LINE_SLACK_EM) * a.size
}

function isJustified(paragraphs: readonly Paragraph[]): boolean {
  let flush = 0
  let inner = 0
  for (const { lines } of paragraphs) {
    for (let i = 0; i + 1 < lines.length; i++) {
      const line = lines[i]!
      if (line.column !== lines[i + 1]!.column) continue
      inner++
      if (Math.abs(line.columnRight - line.right) < 1.5) flush++
    }
  }
  return inner >= 5 && flush >= 0.75 * inner
}

export function buildParagraphs(lines: readonly Line[]): Layout {
  const spacing = lineSpacing(lines)
  const lineCounts = new Map<string, number>()
  for (const line of lines) lineCounts.set(line.column, (lineCounts.get(line.column) ?? 0) + 1)
  const groups: Line[][] = []
  let blockRight = Number.POSITIVE_INFINITY
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (i === 0 || startsParagraph(lines[i - 1]!, line, blockRight, spacing, lineCounts)) {
      groups.push([])
      blockRight = Number.POSITIVE_INFINITY
    } else {
      // The line before this one was a full line of the paragraph: it marks the paragraph's right edge.
      const previous = lines[i - 1]!
      blockRight =
        blockRight === Number.POSITIVE_INFINITY ? previous.right : Math.max(blockRight, previous.right)
    }
    groups.at(-1)!.push(line)
  }
  const paragraphs = groups.map((group) => ({
    lines: group,
    size:
      group.reduce((sum, l) => sum + l.size * l.text.length, 0) /
      Math.max(
        1,
        group.reduce((n, l) => n + l.text.length, 0),
      ),
    font: mostByChars(group, (l) => l.font) ?? '',
  }))
  const bodySize = mostByChars(lines, (l) => sizeKey(l.size)) ?? 0
  const bodyFont =
    mostByChars(
      lines.filter((l) => sizeKey(l.size) === bodySize),
      (l) => l.font,
    ) ?? ''
  return { paragraphs, bodySize, bodyFont, justified: isJustified(paragraphs) }
}
