// Highlights on one article: created from a range of its canonical text, edited, removed.
import { DossierError } from '../../../shared/errors'
import type { Article, Highlight, HighlightColor } from '../../../shared/model'
import { newId } from '../store/ids'
import { targetFor } from './target'

export interface NewHighlight {
  start: number
  end: number
  color?: HighlightColor
  note?: string
}

export function addHighlight(article: Article, input: NewHighlight): Highlight {
  const now = new Date().toISOString()
  const highlight: Highlight = {
    id: newId(),
    target: targetFor(article.text, input.start, input.end),
    color: input.color ?? 'yellow',
    note: input.note ?? '',
    createdAt: now,
    updatedAt: now,
  }
  article.highlights.push(highlight)
  article.highlights.sort((a, b) => a.target.position.start - b.target.position.start)
  return highlight
}

function find(article: Article, id: string): Highlight {
  const highlight = article.highlights.find((h) => h.id === id)
  if (!highlight)
    throw new DossierError('not-found', 'That highlight no longer exists. It may have been removed.')
  return highlight
}

export function updateHighlight(
  article: Article,
  id: string,
  change: { color?: HighlightColor; note?: string },
): Highlight {
  const highlight = find(article, id)
  if (change.color !== undefined) highlight.color = change.color
  if (change.note !== undefined) highlight.note = change.note
  highlight.updatedAt = new Date().toISOString()
  return highlight
}

export function removeHighlight(article: Article, id: string): Highlight {
  const highlight = find(article, id)
  article.highlights = article.highlights.filter((h) => h !== highlight)
  return highlight
}
