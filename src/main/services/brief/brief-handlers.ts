// The briefs part of the API: list, open, create, save as the analyst types, duplicate, remove to the
// trash and restore, add excerpts from highlights, and export in every format from one model.
import type { Handlers } from '../../../shared/api'
import type { Brief, BriefContent, ExcerptItem } from '../../../shared/brief'
import { DossierError } from '../../../shared/errors'
import { codeResolver } from '../codes/codebook'
import type { PdfPrinter } from '../export/pdf-printer'
import { findCase } from '../library/cases'
import { newId } from '../store/ids'
import type { Workspace } from '../store/workspace'
import { citationText } from './brief-citations'
import { briefDocx } from './brief-docx'
import { buildBriefExport, type BriefExport } from './brief-export'
import { briefHtml } from './brief-html'
import { briefMarkdown } from './brief-markdown'
import { exportFileName } from './brief-model'
import { caseSections } from './case-brief'
import { sentenceContext } from './excerpt-context'

type BriefHandlers = Pick<
  Handlers,
  | 'briefs.list'
  | 'briefs.get'
  | 'briefs.create'
  | 'briefs.save'
  | 'briefs.duplicate'
  | 'briefs.remove'
  | 'briefs.restore'
  | 'briefs.addExcerpts'
  | 'briefs.excerpts'
  | 'briefs.context'
  | 'briefs.export'
>

export function newBriefContent(title = 'Untitled brief', now = new Date()): BriefContent {
  return {
    title,
    handling: '',
    author: '',
    date: now.toISOString().slice(0, 10),
    bluf: '',
    judgements: [],
    sections: [{ id: newId(), title: 'Findings', items: [] }],
    options: { paper: 'a4', likelihoodScale: true, entityAppendix: false },
  }
}

function contentOf(brief: Brief): BriefContent {
  const { title, handling, author, date, bluf, judgements, sections, options } = brief
  return structuredClone({ title, handling, author, date, bluf, judgements, sections, options })
}

/** Every brief item and section id is unique within its brief: saving one that repeats is refused. */
function assertUniqueIds(content: BriefContent): void {
  const seen = new Set<string>()
  for (const id of [
    ...content.judgements.map((j) => j.id),
    ...content.sections.flatMap((s) => [s.id, ...s.items.map((i) => i.id)]),
  ]) {
    if (seen.has(id))
      throw new DossierError('invalid-argument', 'The brief holds two parts with the same id; reload it.')
    seen.add(id)
  }
}

export async function exportBrief(workspace: Workspace, id: string): Promise<BriefExport> {
  return buildBriefExport(workspace.briefs.get(id), {
    article: (articleId) =>
      workspace.summary(articleId) ? workspace.peekArticle(articleId) : Promise.resolve(undefined),
    entities: workspace.entities,
    codes: workspace.codes,
  })
}

const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export async function renderBrief(
  workspace: Workspace,
  printer: PdfPrinter,
  id: string,
  format: 'md' | 'html' | 'pdf' | 'docx',
) {
  const model = await exportBrief(workspace, id)
  const fileName = exportFileName(model.title, format)
  if (format === 'md')
    return { fileName, mimeType: 'text/markdown', data: new TextEncoder().encode(briefMarkdown(model)) }
  if (format === 'docx') return { fileName, mimeType: DOCX_MIME_TYPE, data: await briefDocx(model) }
  const html = briefHtml(model)
  if (format === 'html') return { fileName, mimeType: 'text/html', data: new TextEncoder().encode(html) }
  const data = await printer.print(html, { paper: model.paper, handling: model.handling })
  return { fileName, mimeType: 'application/pdf', data }
}

export function briefHandlers(workspace: Workspace, printer: PdfPrinter): BriefHandlers {
  const briefs = () => workspace.briefs
  return {
    'briefs.list': async () => briefs().list(),
    'briefs.get': async ({ id }) => briefs().get(id),
    'briefs.create': async ({ title, caseId }) => {
      if (caseId === undefined) return briefs().create(newBriefContent(title))
      const found = findCase(workspace.cases, caseId)
      // Rows from before cases were listed are read again first, so every article in the case is found.
      await workspace.rowsRefreshed()
      const members = workspace.articles.filter((row) => row.cases?.includes(caseId))
      const articles = []
      for (const row of members) articles.push(await workspace.peekArticle(row.id))
      const content = newBriefContent(title ?? found.name)
      const sections = caseSections(articles, workspace.codes)
      return briefs().create(sections.length > 0 ? { ...content, sections } : content)
    },
    'briefs.save': async ({ id, content }) => {
      assertUniqueIds(content)
      return briefs().save(id, content)
    },
    'briefs.duplicate': async ({ id }) => {
      const content = contentOf(briefs().get(id))
      return briefs().create({ ...content, title: `${content.title} (copy)`.slice(0, 500) })
    },
    'briefs.remove': async ({ id }) => briefs().remove(id),
    'briefs.restore': async ({ id }) => briefs().restore(id),
    'briefs.addExcerpts': async ({ id, sectionId, excerpts }) => {
      const content = contentOf(briefs().get(id))
      const section = sectionId ? content.sections.find((s) => s.id === sectionId) : content.sections.at(-1)
      if (!section) throw new DossierError('not-found', 'That section is no longer in the brief.')
      const resolve = codeResolver(workspace.codes)
      const codes = new Map(workspace.codes.map((c) => [c.id, c]))
      for (const { articleId, highlightId } of excerpts) {
        const article = await workspace.peekArticle(articleId)
        const highlight = article.highlights.find((h) => h.id === highlightId)
        if (!highlight) throw new DossierError('not-found', 'That highlight is no longer in its article.')
        const item: ExcerptItem = {
          kind: 'excerpt',
          id: newId(),
          articleId,
          highlightId,
          commentary: '',
          copy: {
            quote: highlight.target.quote.exact,
            articleTitle: article.title.slice(0, 2000),
            codeName: codes.get(resolve(highlight.codeId))?.name,
          },
        }
        section.items.push(item)
      }
      return briefs().save(id, content)
    },
    'briefs.excerpts': async ({ id }) => {
      const model = await exportBrief(workspace, id)
      return model.sections.flatMap((section) =>
        section.items.flatMap((item) =>
          item.kind === 'excerpt'
            ? [
                {
                  itemId: item.itemId,
                  number: item.number,
                  citation: citationText(item),
                  code: item.code,
                  paragraph: item.paragraph,
                  grade: item.source.grade,
                  removed: item.removed,
                  unanchored: item.unanchored,
                },
              ]
            : [],
        ),
      )
    },
    'briefs.context': async ({ articleId, highlightId }) => {
      const article = await workspace.peekArticle(articleId)
      const highlight = article.highlights.find((h) => h.id === highlightId)
      if (!highlight) throw new DossierError('not-found', 'That highlight is no longer in its article.')
      const { start, end } = highlight.target.position
      return sentenceContext(article, start, end)
    },
    'briefs.export': async ({ id, format }) => renderBrief(workspace, printer, id, format),
  }
}
