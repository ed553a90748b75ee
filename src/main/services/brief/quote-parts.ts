// A highlight's quote cut along the blocks it runs through, so an export can show a quoted heading as
// a heading, list items as a list, code as code, rows as a table and a figure as its placeholder.
import { headingRank, topHeadingLevel } from '../../../shared/heading-rank'
import type { Article, Block, BlockKind } from '../../../shared/model'

export interface QuotePart {
  kind: BlockKind
  /** The quoted part of the block's text (empty for a figure). */
  text: string
  /** A heading's rank under the article's title, 2–6. */
  rank?: number
  depth?: number
  ordered?: boolean
  number?: number
  language?: string
  /** A row's cells, each cut to the quote ("" for a cell outside it). */
  cells?: string[]
  header?: boolean
  alt?: string
}

function clip(text: string, from: number, to: number, range: { start: number; end: number }): string {
  const start = Math.max(from, range.start)
  const end = Math.min(to, range.end)
  return end > start ? text.slice(start, end) : ''
}

function partOf(
  article: Pick<Article, 'text'>,
  block: Block,
  from: number,
  to: number,
  top?: number,
): QuotePart {
  const text = clip(article.text, from, to, block)
  const part: QuotePart = { kind: block.kind, text: block.kind === 'code' ? text : text.trim() }
  if (block.kind === 'heading') part.rank = headingRank(block.level, top)
  if (block.kind === 'list-item') {
    if (block.depth) part.depth = block.depth
    if (block.ordered) {
      part.ordered = true
      if (block.number !== undefined) part.number = block.number
    }
  }
  if (block.kind === 'code' && block.language) part.language = block.language
  if (block.kind === 'row') {
    part.cells = (block.cells ?? [block]).map((cell) => clip(article.text, from, to, cell).trim())
    if (block.header) part.header = true
  }
  if (block.kind === 'figure' && block.alt) part.alt = block.alt
  return part
}

/**
 * The parts of the quote [start, end): one per block it overlaps, and the figures standing inside it
 * (a figure stands where its caption starts). A quote that no longer matches the text, or lies outside
 * every block, is one paragraph of its exact words.
 */
export function quoteParts(
  article: Pick<Article, 'text' | 'blocks'>,
  start: number,
  end: number,
  exact: string,
): QuotePart[] {
  const whole: QuotePart[] = [{ kind: 'paragraph', text: exact }]
  if (article.text.slice(start, end) !== exact) return whole
  const top = topHeadingLevel(article.blocks)
  const parts = article.blocks
    .filter((b) => (b.kind === 'figure' ? b.start >= start && b.start < end : b.start < end && b.end > start))
    .map((b) => partOf(article, b, start, end, top))
    .filter((p) => p.kind === 'figure' || p.text || p.cells?.some(Boolean))
  return parts.length > 0 ? parts : whole
}
