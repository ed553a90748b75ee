// Cuts the canonical text of each block into segments at every highlight, mention and inline emphasis
// boundary, so the reader can render each piece as its own span carrying its absolute offset (data-start).
import type { Article, Block, BlockKind, HighlightColor, InlineMark } from '../../shared/model'

export interface HighlightMark {
  id: string
  color: HighlightColor
  start: number
  end: number
}

export interface MentionMark {
  id: string
  entityId: string
  start: number
  end: number
}

export interface Segment {
  start: number
  end: number
  text: string
  /** Highlights covering the whole segment, oldest first (rendered outermost first). */
  highlights: HighlightMark[]
  /** Mentions covering the whole segment, oldest first. */
  mentions: MentionMark[]
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

export interface ArticleMarks {
  highlights: HighlightMark[]
  mentions: MentionMark[]
  inline: InlineMark[]
}

type Ranged = { start: number; end: number }
type ArticleParts = Pick<Article, 'title' | 'text' | 'blocks' | 'highlights' | 'mentions' | 'inline'>

/** The highlights, mentions and emphasis of an article as plain ranges of its canonical text. */
export function articleMarks(article: Pick<Article, 'highlights' | 'mentions' | 'inline'>): ArticleMarks {
  return {
    highlights: article.highlights.map((h) => ({
      id: h.id,
      color: h.color,
      start: h.target.position.start,
      end: h.target.position.end,
    })),
    mentions: article.mentions
      .filter((m) => m.status !== 'rejected')
      .map((m) => ({
        id: m.id,
        entityId: m.entityId,
        start: m.target.position.start,
        end: m.target.position.end,
      })),
    inline: article.inline ?? [],
  }
}

function overlapping<T extends Ranged>(marks: T[], start: number, end: number): T[] {
  return marks.filter((m) => m.end > m.start && m.start < end && m.end > start)
}

/** Segments of text[start, end): a new segment begins wherever any mark starts or ends. */
export function segmentRange(text: string, start: number, end: number, marks: ArticleMarks): Segment[] {
  const from = Math.max(0, Math.min(start, text.length))
  const to = Math.max(from, Math.min(end, text.length))
  if (to === from) return []
  const highlights = overlapping(marks.highlights, from, to)
  const mentions = overlapping(marks.mentions, from, to)
  const inline = overlapping(marks.inline, from, to)

  const cuts = new Set<number>([from, to])
  for (const mark of [...highlights, ...mentions, ...inline]) {
    if (mark.start > from) cuts.add(mark.start)
    if (mark.end < to) cuts.add(mark.end)
  }
  const points = [...cuts].sort((a, b) => a - b)

  const segments: Segment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!
    const b = points[i + 1]!
    const covering = (m: Ranged) => m.start <= a && m.end >= b
    const runs = inline.filter(covering)
    segments.push({
      start: a,
      end: b,
      text: text.slice(a, b),
      highlights: highlights.filter(covering),
      mentions: mentions.filter(covering),
      emphasis: runs.some((m) => m.kind === 'emphasis'),
      strong: runs.some((m) => m.kind === 'strong'),
    })
  }
  return segments
}

function hasMarks(block: Ranged, marks: ArticleMarks): boolean {
  return (
    overlapping(marks.highlights, block.start, block.end).length > 0 ||
    overlapping(marks.mentions, block.start, block.end).length > 0
  )
}

/** How many blocks the importer (or the analyst) trimmed as site furniture. */
export function countTrimmed(article: Pick<Article, 'blocks'>): number {
  return article.blocks.reduce((n, block) => n + (block.trimmed !== undefined ? 1 : 0), 0)
}

/**
 * The blocks to show under the article's title, each already segmented. Trimmed blocks are left out
 * unless `showTrimmed`. A first heading that only repeats the title is left out (the reader shows the
 * title as its h1), unless something is anchored in it.
 */
export function renderedBlocks(
  article: ArticleParts,
  options: { showTrimmed?: boolean } = {},
): RenderedBlock[] {
  const marks = articleMarks(article)
  const fallback = article.blocks.length === 0
  const blocks: Block[] = fallback
    ? [{ kind: 'paragraph', start: 0, end: article.text.length }]
    : article.blocks
  const first = blocks[0]
  const skipFirst =
    first !== undefined &&
    first.kind === 'heading' &&
    !first.trimmed &&
    normalise(article.text.slice(first.start, first.end)) === normalise(article.title) &&
    !hasMarks(first, marks)
  const shown: RenderedBlock[] = []
  blocks.forEach((block, index) => {
    if ((index === 0 && skipFirst) || (block.trimmed && !options.showTrimmed)) return
    const segments = segmentRange(article.text, block.start, block.end, marks)
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
