// Cuts the canonical text of each block into segments at inline emphasis boundaries only, so the reader
// renders each piece as a span carrying its absolute offset (data-start). Highlights, mentions and search
// hits are painted over the text (mark-painter.ts) and never split it, so the text DOM does not depend on
// the number of marks.
import type { Article, Block, BlockKind, InlineMark } from '../../shared/model'

export interface Segment {
  start: number
  end: number
  text: string
  /** Inside an emphasis (<em>) or strong (<strong>) run of the original. */
  emphasis: boolean
  strong: boolean
}

export interface RenderedBlock {
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
}

type Ranged = { start: number; end: number }
type ArticleText = Pick<Article, 'title' | 'text' | 'blocks' | 'inline'>

function overlapping<T extends Ranged>(marks: readonly T[], start: number, end: number): T[] {
  return marks.filter((m) => m.end > m.start && m.start < end && m.end > start)
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
    segments.push({
      start: a,
      end: b,
      text: text.slice(a, b),
      emphasis: runs.some((m) => m.kind === 'emphasis'),
      strong: runs.some((m) => m.kind === 'strong'),
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
  const inline = article.inline ?? []
  const shown: RenderedBlock[] = []
  blocks.forEach((block, index) => {
    if ((index === 0 && skipFirst) || (block.trimmed && !options.showTrimmed)) return
    const segments = segmentRange(article.text, block.start, block.end, inline)
    if (segments.length === 0) return
    shown.push({
      kind: block.kind,
      index: fallback ? -1 : index,
      start: block.start,
      end: block.end,
      trimmed: block.trimmed === true,
      restored: block.trimmed === false,
      segments,
    })
  })
  return shown
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * Consecutive list items belong in one list; every other block stands alone, and so does a list item
 * for which `standalone` holds (a trimmed or restored one, which carries its own label and action).
 */
export function groupListItems(
  blocks: RenderedBlock[],
  standalone: (block: RenderedBlock) => boolean = (block) => block.trimmed,
): RenderedBlock[][] {
  const groups: RenderedBlock[][] = []
  for (const block of blocks) {
    const last = groups[groups.length - 1]
    const head = last?.[0]
    const joins =
      block.kind === 'list-item' && head?.kind === 'list-item' && !standalone(block) && !standalone(head)
    if (joins) last!.push(block)
    else groups.push([block])
  }
  return groups
}
