// The index row of an article: what the library lists without opening the article's file.
import type { Article, ArticleSummary } from '../../../shared/model'

/** Distinct entities the article's tags point at, rejected suggestions left out. */
export function entityCount(mentions: readonly Article['mentions'][number][]): number {
  return new Set(mentions.filter((m) => m.status === 'confirmed').map((m) => m.entityId)).size
}

/** The counts of a row that change with every highlight or tag: kept in step by `annotate` too. */
export function annotationCounts(
  article: Pick<Article, 'highlights' | 'mentions'>,
): Pick<ArticleSummary, 'highlightCount' | 'entityCount' | 'noteCount'> {
  return {
    highlightCount: article.highlights.length,
    entityCount: entityCount(article.mentions),
    noteCount: article.highlights.filter((h) => h.note.trim() !== '').length,
  }
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
    ...annotationCounts(article),
    simhash: article.simhash,
    savedAt,
    byline: article.byline,
    language: article.language,
    originalType: article.original.type,
    originalSize: article.original.size,
    tags: article.tags,
    cases: article.cases,
  }
}

/** A row written before the row had the original's type, tags and cases: refreshed from its file. */
export function isOldRow(row: ArticleSummary): boolean {
  return row.originalType === undefined
}
