// Cuts the canonical text of each block into segments at inline emphasis boundaries only, so the reader
// renders each piece as a span carrying its absolute offset (data-start). Highlights, mentions and search
// hits are painted over the text (mark-painter.ts) and never split it, so the text DOM does not depend on
// the number of marks.
import { headingRank, topHeadingLevel } from '../../shared/heading-rank'
import type { Article, Block, BlockKind, InlineMark } from '../../shared/model'

export interface Segment {
  start: number
  end: number
  text: string
  /** Inside an emphasis (<em>) or strong (<strong>) run of the original. */
  emphasis: boolean
  strong: boolean
  /** Inside inline code, a superscript (a footnote marker) or a subscript; set only when true. */
  code?: true
  superscript?: true
  subscript?: true
}

/** The block's structure as imported: heading level, list depth and number, code language, figure alt. */
type BlockStructure = Pick<Block, 'level' | 'depth' | 'ordered' | 'number' | 'language' | 'header' | 'alt'>

export interface RenderedBlock extends BlockStructure {
  kind: BlockKind
  /** Position in article.blocks, as articles.setTrimmed wants it; -1 for the whole-text fallback. */
  index: number
  start: number
  end: number
  /** Site furniture, shown only on request. */
  trimmed: boolean
  /** Furniture the analyst restored: shown as text, with a way to trim it again. */
  restored: boolean
  segments: Segment[]
  /** A heading's place under the article's title, 2–6 (see shared/heading-rank.ts). */
  rank?: number
  /** A table row's cells, each cut into segments like the block itself. */
  cells?: Segment[][]
}

type Ranged = { start: number; end: number }
type ArticleText = Pick<Article, 'title' | 'text' | 'blocks' | 'inline'>

function overlapping<T extends Ranged>(marks: readonly T[], start: number, end: number): T[] {
  return marks.filter((m) => m.end > m.start && m.start < end && m.end > start)
}

/**
 * The inline marks that may overlap each range, for ranges asked in reading order: a sweep over the
 * marks sorted by start, so segmenting every block of a long article is linear rather than blocks ×
 * marks. A range that starts before the last one falls back to a full scan.
 */
function inlineSweep(marks: readonly InlineMark[]): (start: number, end: number) => InlineMark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start)
  let next = 0
  let active: InlineMark[] = []
  let last = -Infinity
  return (start, end) => {
    if (start < last) return overlapping(marks, start, end)
    last = start
    while (next < sorted.length && sorted[next]!.start < end) active.push(sorted[next++]!)
    active = active.filter((m) => m.end > start)
    return overlapping(active, start, end)
  }
}

/** Segments of text[start, end): a new segment begins wherever an emphasis run starts or ends. */
export function segmentRange(
  text: string,
  start: number,
  end: number,
  inlineMarks: readonly InlineMark[],
): Segment[] {
  const from = Math.max(0, Math.min(start, text.length))
  const to = Math.max(from, Math.min(end, text.length))
  if (to === from) return []
  const inline = overlapping(inlineMarks, from, to)
  const cuts = new Set<number>([from, to])
  for (const mark of inline) {
    if (mark.start > from) cuts.add(mark.start)
    if (mark.end < to) cuts.add(mark.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!
    const b = points[i + 1]!
    const runs = inline.filter((m) => m.start <= a && m.end >= b)
    const has = (kind: InlineMark['kind']) => runs.some((m) => m.kind === kind)
    segments.push({
      start: a,
      end: b,
      text: text.slice(a, b),
      emphasis: has('emphasis'),
      strong: has('strong'),
      ...(has('code') ? { code: true as const } : {}),
      ...(has('superscript') ? { superscript: true as const } : {}),
      ...(has('subscript') ? { subscript: true as const } : {}),
    })
  }
  return segments
}

type Targeted = { target: { position: Ranged } }

/** Whether any highlight or mention lies in the range, e.g. a first heading that repeats the title. */
export function hasMarksIn(article: Pick<Article, 'highlights' | 'mentions'>, range: Ranged): boolean {
  const inside = (m: Targeted) => m.target.position.start < range.end && m.target.position.end > range.start
  return article.highlights.some(inside) || article.mentions.some(inside)
}

/** How many blocks the importer (or the analyst) trimmed as site furniture. */
export function countTrimmed(article: Pick<Article, 'blocks'>): number {
  return article.blocks.reduce((n, block) => n + (block.trimmed !== undefined ? 1 : 0), 0)
}

/** The first block when it is a heading that only repeats the title (the reader shows the title as h1). */
export function repeatedTitle(article: ArticleText): Block | undefined {
  const first = article.blocks[0]
  return first !== undefined &&
    first.kind === 'heading' &&
    !first.trimmed &&
    normalise(article.text.slice(first.start, first.end)) === normalise(article.title)
    ? first
    : undefined
}

/**
 * The blocks to show under the article's title, each already segmented. Trimmed blocks are left out
 * unless `showTrimmed`. A first heading that only repeats the title is left out (`keepTitleHeading`
 * keeps it, for when something is anchored in it).
 */
export function renderedBlocks(
  article: ArticleText,
  options: { showTrimmed?: boolean; keepTitleHeading?: boolean } = {},
): RenderedBlock[] {
  const fallback = article.blocks.length === 0
  const blocks: Block[] = fallback
    ? [{ kind: 'paragraph', start: 0, end: article.text.length }]
    : article.blocks
  const skipFirst = !fallback && !options.keepTitleHeading && repeatedTitle(article) !== undefined
  const inlineIn = inlineSweep(article.inline ?? [])
  const top = topHeadingLevel(skipFirst ? blocks.slice(1) : blocks)
  const shown: RenderedBlock[] = []
  blocks.forEach((block, index) => {
    if ((index === 0 && skipFirst) || (block.trimmed && !options.showTrimmed)) return
    const inline = inlineIn(block.start, block.end)
    const segments = segmentRange(article.text, block.start, block.end, inline)
    // A figure holds no text: it shows its alt text and the captions after it.
    if (segments.length === 0 && block.kind !== 'figure') return
    const { kind, start, end, trimmed, cells, ...structure } = block
    shown.push({
      ...structure,
      kind,
      index: fallback ? -1 : index,
      start,
      end,
      trimmed: trimmed === true,
      restored: trimmed === false,
      segments,
      ...(kind === 'heading' ? { rank: headingRank(block.level, top) } : {}),
      ...(cells
        ? { cells: cells.map((cell) => segmentRange(article.text, cell.start, cell.end, inline)) }
        : {}),
    })
  })
  return shown
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase()
}

/** Whether a list item continues the list of the group so far rather than starting a new one. */
function continuesList(group: RenderedBlock[], item: RenderedBlock): boolean {
  if ((item.depth ?? 0) > (group[0]!.depth ?? 0)) return true
  const previous = group.findLast((b) => (b.depth ?? 0) <= (item.depth ?? 0))
  if (!previous) return true
  if ((previous.ordered ?? false) !== (item.ordered ?? false)) return false
  // A numbered list that starts again (1, 2, 1) is a new list; the same number again continues an item.
  return (
    !item.ordered ||
    item.number === undefined ||
    previous.number === undefined ||
    item.number >= previous.number
  )
}

/** Whether `block` belongs in the group that `group` has started: one list, one table, one figure. */
function joins(group: RenderedBlock[], block: RenderedBlock): boolean {
  const head = group[0]!
  const last = group[group.length - 1]!
  switch (block.kind) {
    case 'list-item':
      return head.kind === 'list-item' && continuesList(group, block)
    case 'row':
      // A header row after body rows starts the next table.
      return head.kind === 'row' && (!block.header || last.header === true)
    case 'caption':
      return head.kind === 'figure'
    default:
      return false
  }
}

/**
 * Consecutive list items belong in one list, consecutive rows in one table, and a figure takes the
 * captions right after it; every other block stands alone, and so does a block for which `standalone`
 * holds (a trimmed or restored one, which carries its own label and action).
 */
export function groupListItems(
  blocks: RenderedBlock[],
  standalone: (block: RenderedBlock) => boolean = (block) => block.trimmed,
): RenderedBlock[][] {
  const groups: RenderedBlock[][] = []
  for (const block of blocks) {
    const last = groups[groups.length - 1]
    if (last && !standalone(block) && !standalone(last[0]!) && joins(last, block)) last.push(block)
    else groups.push([block])
  }
  return groups
}
