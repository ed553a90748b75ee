// What a composed brief says once its excerpts are looked up in their articles: numbered citations, one
// source entry per article, the paragraph each passage came from. Every export format renders this.
import type { Brief, Confidence, Likelihood, Paper } from '../../../shared/brief'
import type { Article, Code, Entity, Highlight } from '../../../shared/model'
import { codeResolver } from '../codes/codebook'
import { entityLookup } from '../entities/resolve'
import type { BriefEntity } from './brief-model'
import { quoteParts, type QuotePart } from './quote-parts'

/** An article the brief cites, once however often it is cited. */
export interface CitedSource {
  /** 1-based, in the order the brief first cites it. */
  number: number
  articleId: string
  title: string
  siteName?: string
  byline?: string
  published?: string
  sourceUrl?: string
  originalName?: string
  importedAt?: string
  /** Admiralty grade, e.g. "B2". */
  grade?: string
  /** The article is no longer in the workspace: only what the excerpt kept is known. */
  missing: boolean
}

export interface ExportedExcerpt {
  kind: 'excerpt'
  /** The brief item it renders. */
  itemId: string
  /** The citation number, 1-based across the whole brief. */
  number: number
  text: string
  parts: QuotePart[]
  commentary: string
  /** The highlight's own note in its article. */
  note: string
  code?: { name: string; color: string }
  source: CitedSource
  /** The paragraph of the article the passage starts in (¶ n), counting what the reader shows. */
  paragraph?: number
  /** The highlight was removed from its article: the excerpt shows the words it kept. */
  removed: boolean
  /** The passage is no longer found in the article's current text. */
  unanchored: boolean
}

export interface ExportedParagraph {
  kind: 'paragraph'
  text: string
}

export interface BriefExport {
  title: string
  handling: string
  author: string
  date: string
  bluf: string
  judgements: { text: string; confidence: Confidence; likelihood?: Likelihood }[]
  sections: { title: string; items: (ExportedExcerpt | ExportedParagraph)[] }[]
  sources: CitedSource[]
  /** The entities tagged inside the cited passages, when the brief asks for the appendix. */
  entities?: BriefEntity[]
  paper: Paper
  likelihoodScale: boolean
  generatedAt: Date
}

/** The 1-based paragraph holding `offset`, counting the blocks the reader shows (trimmed ones left out). */
export function paragraphNumber(article: Pick<Article, 'blocks'>, offset: number): number | undefined {
  let n = 0
  for (const block of article.blocks) {
    if (block.trimmed || block.kind === 'figure') continue
    n++
    if (offset >= block.start && offset < block.end) return n
  }
  return undefined
}

const TYPE_ORDER = ['Person', 'Organization', 'Location', 'Equipment', 'Event', 'Date', 'Other']

export interface ExportSources {
  /** The article, or undefined when it is no longer in the workspace. */
  article(id: string): Promise<Readonly<Article> | undefined>
  entities: readonly Entity[]
  codes: readonly Code[]
}

export async function buildBriefExport(
  brief: Brief,
  from: ExportSources,
  now = new Date(),
): Promise<BriefExport> {
  const resolve = codeResolver(from.codes)
  const codes = new Map(from.codes.map((c) => [c.id, c]))
  // Merged entities count as the one they were merged into; deleted ones are left out.
  const entities = entityLookup(from.entities)
  const sources = new Map<string, CitedSource>()
  const found = new Map<string, BriefEntity>()
  const articles = new Map<string, Readonly<Article> | undefined>()
  let number = 0

  async function articleOf(id: string) {
    if (!articles.has(id)) articles.set(id, await from.article(id))
    return articles.get(id)
  }

  function sourceOf(id: string, article: Readonly<Article> | undefined, title: string): CitedSource {
    let source = sources.get(id)
    if (!source) {
      source = article
        ? {
            number: sources.size + 1,
            articleId: id,
            title: article.title,
            siteName: article.siteName,
            byline: article.byline,
            published: article.published,
            sourceUrl: article.sourceUrl,
            originalName: article.original.name,
            importedAt: article.importedAt,
            grade: article.grade,
            missing: false,
          }
        : { number: sources.size + 1, articleId: id, title, missing: true }
      sources.set(id, source)
    }
    return source
  }

  function noteEntities(article: Readonly<Article>, highlight: Highlight) {
    const { start, end } = highlight.target.position
    for (const mention of article.mentions) {
      const at = mention.target.position
      if (mention.status !== 'confirmed' || !mention.entityId || at.start < start || at.end > end) continue
      const entity = entities.get(mention.entityId)
      if (!entity) continue
      const row = found.get(entity.id) ?? { name: entity.name, type: entity.type, forms: [], mentions: 0 }
      row.mentions++
      const form = mention.target.quote.exact
      if (form !== entity.name && !row.forms.includes(form)) row.forms.push(form)
      found.set(entity.id, row)
    }
  }

  const sections: BriefExport['sections'] = []
  for (const section of brief.sections) {
    const items: BriefExport['sections'][number]['items'] = []
    for (const item of section.items) {
      if (item.kind === 'paragraph') {
        items.push({ kind: 'paragraph', text: item.text })
        continue
      }
      const article = await articleOf(item.articleId)
      const highlight = article?.highlights.find((h) => h.id === item.highlightId)
      const source = sourceOf(item.articleId, article, item.copy.articleTitle)
      number++
      if (!article || !highlight) {
        items.push({
          kind: 'excerpt',
          itemId: item.id,
          number,
          text: item.copy.quote,
          parts: [{ kind: 'paragraph', text: item.copy.quote }],
          commentary: item.commentary.trim(),
          note: '',
          code: item.copy.codeName ? { name: item.copy.codeName, color: '#868e96' } : undefined,
          source,
          removed: true,
          unanchored: false,
        })
        continue
      }
      const { start, end } = highlight.target.position
      const code = codes.get(resolve(highlight.codeId))
      if (brief.options.entityAppendix) noteEntities(article, highlight)
      items.push({
        kind: 'excerpt',
        itemId: item.id,
        number,
        text: highlight.target.quote.exact,
        parts: quoteParts(article, start, end, highlight.target.quote.exact),
        commentary: item.commentary.trim(),
        note: highlight.note.trim(),
        code: code && { name: code.name, color: code.color },
        source,
        paragraph: highlight.unanchored ? undefined : paragraphNumber(article, start),
        removed: false,
        unanchored: highlight.unanchored === true,
      })
    }
    sections.push({ title: section.title, items })
  }

  return {
    title: brief.title,
    handling: brief.handling.trim(),
    author: brief.author.trim(),
    date: brief.date,
    bluf: brief.bluf.trim(),
    judgements: brief.judgements
      .filter((j) => j.text.trim())
      .map((j) => ({ text: j.text.trim(), confidence: j.confidence, likelihood: j.likelihood })),
    sections,
    sources: [...sources.values()],
    entities: brief.options.entityAppendix
      ? [...found.values()].sort(
          (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.name.localeCompare(b.name),
        )
      : undefined,
    paper: brief.options.paper,
    likelihoodScale: brief.options.likelihoodScale,
    generatedAt: now,
  }
}
