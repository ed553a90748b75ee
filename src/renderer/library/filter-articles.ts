// Orders the Library (newest import first) and filters it by the search box, on title and source.
import type { ArticleSummary } from '../../shared/model'
import { sourceLabel } from './article-format'

/** Lower case without accents, so "etude" finds "Étude". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

export function newestFirst(articles: ArticleSummary[]): ArticleSummary[] {
  return [...articles].sort((a, b) =>
    a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0,
  )
}

/** Every word of the query must appear in the title or the source. */
export function filterArticles(articles: ArticleSummary[], query: string): ArticleSummary[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return articles
  return articles.filter((article) => {
    const haystack = foldForSearch(`${article.title} ${sourceLabel(article)} ${article.originalName}`)
    return words.every((word) => haystack.includes(word))
  })
}
