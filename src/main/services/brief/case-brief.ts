// A brief started from a case: one section per code its articles' highlights use, in codebook order,
// each with those highlights as excerpts, ordered by the article's publication date, then by position.
import type { BriefSection, ExcerptItem } from '../../../shared/brief'
import type { Article, Code, Highlight } from '../../../shared/model'
import { codeResolver, liveCodes } from '../codes/codebook'
import { newId } from '../store/ids'

/** The brief format's limit of items in one section. */
const MAX_SECTION_ITEMS = 5000

/** An excerpt of a highlight, as briefs.addExcerpts makes it: the brief keeps a copy of its words. */
export function excerptItem(
  article: Readonly<Article>,
  highlight: Highlight,
  code: Code | undefined,
): ExcerptItem {
  return {
    kind: 'excerpt',
    id: newId(),
    articleId: article.id,
    highlightId: highlight.id,
    commentary: '',
    copy: {
      quote: highlight.target.quote.exact,
      articleTitle: article.title.slice(0, 2000),
      codeName: code?.name,
    },
  }
}

/** Undated articles come after dated ones; then the order they were imported in. */
function byPublished(a: Readonly<Article>, b: Readonly<Article>): number {
  if (a.published !== b.published) {
    if (a.published === undefined) return 1
    if (b.published === undefined) return -1
    return a.published.localeCompare(b.published)
  }
  return a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id)
}

/** The sections of a case's brief; none when its articles have no highlights. */
export function caseSections(articles: readonly Readonly<Article>[], codes: readonly Code[]): BriefSection[] {
  const resolve = codeResolver(codes)
  const byId = new Map(codes.map((c) => [c.id, c]))
  const items = new Map<string, ExcerptItem[]>()
  for (const article of [...articles].sort(byPublished)) {
    const highlights = [...article.highlights].sort(
      (a, b) =>
        a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end,
    )
    for (const highlight of highlights) {
      const codeId = resolve(highlight.codeId)
      const list = items.get(codeId) ?? []
      list.push(excerptItem(article, highlight, byId.get(codeId)))
      items.set(codeId, list)
    }
  }
  const live = liveCodes(codes).filter((code) => items.has(code.id))
  const sections = live.map((code) => ({ code: code.name, list: items.get(code.id)! }))
  // A code the codebook no longer describes (restored from an older backup) still gets its highlights in.
  const unknown = [...items]
    .filter(([id]) => !live.some((code) => code.id === id))
    .flatMap(([, list]) => list)
  if (unknown.length > 0) sections.push({ code: 'Other highlights', list: unknown })
  return sections.map(({ code, list }) => ({
    id: newId(),
    title: code.slice(0, 500),
    items: list.slice(0, MAX_SECTION_ITEMS),
  }))
}
