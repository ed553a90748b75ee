// Drops what the page layout adds to the article: running headers and footers (the same line at the same
// place on most pages) and page numbers ("3", "- 3 -", "Page 3 of 7") at the top or bottom of a page.
import type { Segment } from './lines'

/** How many rows at the top and at the bottom of a page may hold headers, footers and page numbers. */
const EDGE_ROWS = 3
/** Two segments on different pages are "at the same place" when their baselines are this close, in points. */
const SAME_PLACE = 4
/** A header or footer repeats on at least this share of the pages that have text (and on two at least). */
const REPEAT_SHARE = 0.4
/** A chapter's running head repeats on fewer pages, but always as the very first or last line: this many. */
const OUTERMOST_REPEATS = 3
/** A running head is a short line; a row longer than this is text, even with a number at its end. */
const MAX_HEAD_CHARS = 120

const PAGE_NUMBER = [
  // Three digits at most: a four-digit line at the edge of a page is more often a year than a page.
  /^[-–—([]?\s*\d{1,3}\s*[-–—)\]]?$/,
  /^(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i,
  /^(?:page|p\.|pg\.?|seite|página|pagina|strana|стр\.?)\s*\d{1,4}(?:\s*(?:of|\/|von|de|di|из)\s*\d{1,4})?$/i,
  /^\d{1,4}\s*(?:of|\/)\s*\d{1,4}$/i,
]

export function isPageNumber(text: string): boolean {
  const t = text.trim()
  return PAGE_NUMBER.some((re) => re.test(t))
}

/** The text with what changes from page to page (numbers, dates as digits) folded away. */
function repeatKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()
}

/** Segments in the first and last EDGE_ROWS rows of a page (rows told apart by baseline). */
function edgeSegments(segments: readonly Segment[]): Set<Segment> {
  const baselines = [...new Set(segments.map((s) => Math.round(s.y)))].sort((a, b) => a - b)
  const top = new Set(baselines.slice(0, EDGE_ROWS))
  const bottom = new Set(baselines.slice(-EDGE_ROWS))
  return new Set(segments.filter((s) => top.has(Math.round(s.y)) || bottom.has(Math.round(s.y))))
}

/** Segments of the very first and very last row: where a bare page number can sit. */
function outermost(segments: readonly Segment[]): Set<Segment> {
  if (!segments.length) return new Set()
  const first = Math.min(...segments.map((s) => s.y))
  const last = Math.max(...segments.map((s) => s.y))
  return new Set(segments.filter((s) => Math.abs(s.y - first) < 1 || Math.abs(s.y - last) < 1))
}

export interface FurnitureResult {
  pages: Segment[][]
  removed: string[]
}

export function removePageFurniture(
  pages: readonly Segment[][],
  pageHeights: readonly number[],
): FurnitureResult {
  const removed: string[] = []
  // Text placed outside the page box is never seen by a reader (hidden or clipped text).
  const visible = pages.map((segments, i) =>
    segments.filter((s) => s.y >= 0 && s.y <= (pageHeights[i] ?? Infinity) + 1),
  )
  const withText = visible.filter((segments) => segments.length > 0).length
  const edges = visible.map(edgeSegments)

  // Count, for each key, the pages that show it at the edge, and where.
  const seen = new Map<string, Array<{ page: number; y: number }>>()
  visible.forEach((segments, page) => {
    for (const segment of edges[page]!) {
      const key = repeatKey(segment.text)
      const places = seen.get(key) ?? []
      if (!places.some((p) => p.page === page)) places.push({ page, y: segment.y })
      seen.set(key, places)
    }
  })
  const needed = Math.max(2, Math.ceil(REPEAT_SHARE * withText))
  const repeats = (segment: Segment, outer: boolean): boolean => {
    const places = seen.get(repeatKey(segment.text)) ?? []
    const count = places.filter((p) => Math.abs(p.y - segment.y) <= SAME_PLACE).length
    return count >= needed || (outer && count >= Math.min(needed, OUTERMOST_REPEATS))
  }

  const kept = visible.map((segments, page) => {
    const edge = edges[page]!
    const extremes = outermost(segments)
    // A first or last row that carries a page number is a running head or foot as a whole
    // ("Chapter 3: Utilities … 6"), even when its words change from chapter to chapter.
    const numberedRows = [...extremes].filter((s) => isPageNumber(s.text)).map((s) => s.y)
    const inNumberedRow = (s: Segment) =>
      numberedRows.some((y) => Math.abs(y - s.y) < 1) &&
      segments.filter((o) => Math.abs(o.y - s.y) < 1).reduce((n, o) => n + o.text.length, 0) <= MAX_HEAD_CHARS
    return segments.filter((segment) => {
      const outer = extremes.has(segment)
      const furniture =
        (outer && (isPageNumber(segment.text) || inNumberedRow(segment))) ||
        (edge.has(segment) && withText > 1 && repeats(segment, outer))
      if (furniture) removed.push(segment.text)
      return !furniture
    })
  })
  return { pages: kept, removed }
}
