// Where an article's headings stand under its title: the highest level the article uses becomes rank 2
// (the title is rank 1), the next level rank 3, and so on down to 6, whatever levels the source chose.
import type { Block } from './model'

/** The highest (smallest) heading level among the blocks; undefined when none has a level. */
export function topHeadingLevel(blocks: readonly Pick<Block, 'kind' | 'level'>[]): number | undefined {
  let top: number | undefined
  for (const block of blocks)
    if (block.kind === 'heading' && block.level !== undefined) top = Math.min(top ?? 6, block.level)
  return top
}

/** 2–6: a heading without a level (imported before levels were kept) ranks at the top, as it always showed. */
export function headingRank(level: number | undefined, top: number | undefined): number {
  if (level === undefined || top === undefined) return 2
  return Math.max(2, Math.min(6, level - top + 2))
}
