// Cuts the canonical text of each block into segments at every highlight and mention boundary, so the
// reader can render each piece as its own span carrying its absolute offset (data-start).
import type { Article, Block, BlockKind, HighlightColor } from '../../shared/model'

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
}

export interface RenderedBlock {
  kind: BlockKind
  start: number
  end: number
  segments: Segment[]
}

export interface ArticleMarks {
  highlights: HighlightMark[]
  mentions: MentionMark[]
}

type Ranged = { start: number; end: number }

/** The highlights and mentions of an article as plain ranges of its canonical text. */
export function articleMarks(article: Pick<Article, 'highlights' | 'mentions'>): ArticleMarks {
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
  }
}

function overlapping<T extends Ranged>(marks: T[], start: number, end: number): T[] {
  return marks.filter((m) => m.end > m.start && m.start < end && m.end > start)
}

/** Segments of text[start, end): a new segment begins wherever a highlight or mention starts or ends. */
export function segmentRange(text: string, start: number, end: number, marks: ArticleMarks): Segment[] {
  const from = Math.max(0, Math.min(start, text.length))
  const to = Math.max(from, Math.min(end, text.length))
  if (to === from) return []
  const highlights = overlapping(marks.highlights, from, to)
  const mentions = overlapping(marks.mentions, from, to)

  const cuts = new Set<number>([from, to])
  for (const mark of [...highlights, ...mentions]) {
    if (mark.start > from) cuts.add(mark.start)
    if (mark.end < to) cuts.add(mark.end)
  }
  const points = [...cuts].sort((a, b) => a - b)

  const segments: Segment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!
    const b = points[i + 1]!
    segments.push({
      start: a,
      end: b,
      text: text.slice(a, b),
      highlights: highlights.filter((h) => h.start <= a && h.end >= b),
      mentions: mentions.filter((m) => m.start <= a && m.end >= b),
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

/**
 * The blocks to show under the article's title, each already segmented. A first heading that only repeats
 * the title is left out (the reader shows the title as its h1), unless something is anchored in it.
 */
export function renderedBlocks(
  article: Pick<Article, 'title' | 'text' | 'blocks' | 'highlights' | 'mentions'>,
): RenderedBlock[] {
  const marks = articleMarks(article)
  const blocks: Block[] =
    article.blocks.length > 0 ? article.blocks : [{ kind: 'paragraph', start: 0, end: article.text.length }]
  const first = blocks[0]
  const skipFirst =
    first !== undefined &&
    first.kind === 'heading' &&
    normalise(article.text.slice(first.start, first.end)) === normalise(article.title) &&
    !hasMarks(first, marks)
  return (skipFirst ? blocks.slice(1) : blocks)
    .map((block) => ({
      kind: block.kind,
      start: block.start,
      end: block.end,
      segments: segmentRange(article.text, block.start, block.end, marks),
    }))
    .filter((block) => block.segments.length > 0)
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase()
}

/** Consecutive list items belong in one list; every other block stands alone. */
export function groupListItems(blocks: RenderedBlock[]): RenderedBlock[][] {
  const groups: RenderedBlock[][] = []
  for (const block of blocks) {
    const last = groups[groups.length - 1]
    if (block.kind === 'list-item' && last?.[0]?.kind === 'list-item') last.push(block)
    else groups.push([block])
  }
  return groups
}
