// Small articles for the reader's segmentation tests.
import type { Article } from '../../../src/shared/model'

export function target(text: string, start: number, end: number) {
  return {
    quote: { type: 'TextQuoteSelector' as const, exact: text.slice(start, end), prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start, end },
  }
}

export type ArticleParts = Pick<Article, 'title' | 'text' | 'blocks' | 'highlights' | 'mentions' | 'inline'>

export function article(text: string, parts: Partial<ArticleParts> = {}): ArticleParts {
  return {
    title: 'Title',
    text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    highlights: [],
    mentions: [],
    ...parts,
  }
}
