// Editing what the importer guessed about an article (title, date, source, byline) and which
// blocks are trimmed as boilerplate. The canonical text never changes, so highlights stay put.
import { DossierError } from '../../shared/errors'
import type { Article } from '../../shared/model'

export interface ArticleFields {
  title?: string
  byline?: string
  published?: string
  sourceUrl?: string
  siteName?: string
  /** An Admiralty grade such as "B2", or "" to clear it. */
  grade?: string
}

const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/** Applies edited fields; an empty string clears an optional field. */
export function updateFields(article: Article, fields: ArticleFields): void {
  if (fields.title !== undefined) article.title = fields.title
  for (const key of ['byline', 'siteName', 'grade'] as const) {
    const value = fields[key]
    if (value !== undefined) article[key] = value || undefined
  }
  if (fields.published !== undefined) {
    if (fields.published && (!DATE.test(fields.published) || Number.isNaN(Date.parse(fields.published)))) {
      throw new DossierError(
        'invalid-argument',
        `"${fields.published}" is not a date; write it as YYYY-MM-DD.`,
      )
    }
    article.published = fields.published || undefined
  }
  if (fields.sourceUrl !== undefined) {
    if (fields.sourceUrl && !/^https?:\/\/\S+$/i.test(fields.sourceUrl)) {
      throw new DossierError(
        'invalid-argument',
        `"${fields.sourceUrl}" is not a web address; it must start with https:// or http://.`,
      )
    }
    article.sourceUrl = fields.sourceUrl || undefined
  }
}

export function setTrimmed(article: Article, index: number, trimmed: boolean): void {
  const block = article.blocks[index]
  if (!block)
    throw new DossierError(
      'invalid-argument',
      'That part of the article does not exist any more. Reload the article.',
    )
  // false (rather than no flag) remembers that the analyst restored furniture, so it can be trimmed again.
  block.trimmed = trimmed
}
