// Highlights on one article: created from a range of its canonical text with a code, edited, removed.
// Each returns the highlight as it is to be stored and leaves the article alone; the store applies it.
import { insertByPosition } from '../../../shared/reading-order'
import { DossierError } from '../../../shared/errors'
import type { Article, Highlight } from '../../../shared/model'
import { DEFAULT_CODES } from '../codes/codebook'
import { newId } from '../store/ids'
import { targetFor } from './target'

export interface NewHighlight {
  start: number
  end: number
  /** Defaults to the first default code (for callers outside the codebook, such as fixtures). */
  codeId?: string
  note?: string
}

export function newHighlight(article: Pick<Article, 'text'>, input: NewHighlight): Highlight {
  const now = new Date().toISOString()
  return {
    id: newId(),
    target: targetFor(article.text, input.start, input.end),
    codeId: input.codeId ?? DEFAULT_CODES[0]!.id,
    note: input.note ?? '',
    createdAt: now,
    updatedAt: now,
  }
}

/** Creates the highlight and adds it to the article (for fixtures that build articles in memory). */
export function addHighlight(article: Article, input: NewHighlight): Highlight {
  const highlight = newHighlight(article, input)
  insertByPosition(article.highlights, highlight)
  return highlight
}

export function findHighlight(article: Pick<Article, 'highlights'>, id: string): Highlight {
  const highlight = article.highlights.find((h) => h.id === id)
  if (!highlight)
    throw new DossierError('not-found', 'That highlight no longer exists. It may have been removed.')
  return highlight
}

/** The highlight with its code or note changed, as a new object. */
export function editedHighlight(
  article: Pick<Article, 'highlights'>,
  id: string,
  change: { codeId?: string; note?: string },
): Highlight {
  const highlight = { ...findHighlight(article, id) }
  if (change.codeId !== undefined) highlight.codeId = change.codeId
  if (change.note !== undefined) highlight.note = change.note
  highlight.updatedAt = new Date().toISOString()
  return highlight
}
