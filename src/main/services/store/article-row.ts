// The index row of an article: what the library lists without opening the article's file.
import type { Article, ArticleSummary } from '../../../shared/model'

/** Distinct entities the article's tags point at, rejected suggestions left out. */
export function entityCount(mentions: readonly Article['mentions'][number][]): number {
  return new Set(mentions.filter((m) => m.status !== 'rejected').map((m) => m.entityId)).size
}

export function summarize(article: Article, savedAt: number): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    siteName: article.siteName,
    sourceUrl: article.sourceUrl,
    published: article.published,
    originalName: article.original.name,
    sha256: article.original.sha256,
    importedAt: article.importedAt,
    highlightCount: article.highlights.length,
    entityCount: entityCount(article.mentions),
    simhash: article.simhash,
    savedAt,
  }
}
