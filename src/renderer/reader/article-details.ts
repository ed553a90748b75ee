// The details of an article that the importer guessed and the analyst may correct: the form's values,
// what changed, and what must be fixed before saving.
import type { Article } from '../../shared/model'

export interface ArticleDetails {
  title: string
  published: string
  byline: string
  siteName: string
  sourceUrl: string
  /** The Admiralty grade, reliability A–F then credibility 1–6 ("B2"); "" when ungraded. */
  grade: string
}

export const DETAIL_KEYS: (keyof ArticleDetails)[] = [
  'title',
  'published',
  'byline',
  'siteName',
  'sourceUrl',
  'grade',
]

/** The longest value the services accept for each field (src/shared/api.ts, articles.update). */
export const DETAIL_MAX_LENGTH: Record<keyof ArticleDetails, number> = {
  title: 500,
  published: 40,
  byline: 300,
  siteName: 300,
  sourceUrl: 4096,
  grade: 2,
}

type DetailParts = Pick<Article, 'title' | 'published' | 'byline' | 'siteName' | 'sourceUrl' | 'grade'>

/** The article's details as form values: a missing field is an empty string. */
export function detailsOf(article: DetailParts): ArticleDetails {
  return {
    title: article.title,
    published: article.published ?? '',
    byline: article.byline ?? '',
    siteName: article.siteName ?? '',
    sourceUrl: article.sourceUrl ?? '',
    grade: article.grade ?? '',
  }
}

/** The fields whose trimmed value differs from before; an emptied field is '' (which clears it). */
export function changedDetails(before: ArticleDetails, after: ArticleDetails): Partial<ArticleDetails> {
  const changes: Partial<ArticleDetails> = {}
  for (const key of DETAIL_KEYS) {
    const value = after[key].trim()
    if (value !== before[key].trim()) changes[key] = value
  }
  return changes
}

/**
 * What must be fixed before the details can be saved, as sentences by field; empty when all is well.
 * A date is only checked when it was changed: one the importer kept as written may stay as it is.
 */
export function detailProblems(
  before: ArticleDetails,
  after: ArticleDetails,
): Partial<Record<keyof ArticleDetails, string>> {
  const problems: Partial<Record<keyof ArticleDetails, string>> = {}
  if (!after.title.trim()) problems.title = 'Give the article a title.'
  const published = after.published.trim()
  if (published && published !== before.published.trim() && !/^\d{4}-\d{2}-\d{2}/.test(published)) {
    problems.published = 'Write the date as YYYY-MM-DD, for example 2023-06-13.'
  }
  if (after.grade && !/^[A-F][1-6]$/.test(after.grade))
    problems.grade = 'Grade both the source (A–F) and the information (1–6), or neither.'
  for (const key of DETAIL_KEYS) {
    if (after[key].trim().length > DETAIL_MAX_LENGTH[key]) {
      problems[key] ??= `Keep this under ${DETAIL_MAX_LENGTH[key]} characters.`
    }
  }
  return problems
}
