// The application behind the API: one handler per contract method, over one open workspace.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleView, Handlers } from '../../shared/api'
import type { Article, Entity } from '../../shared/model'
import { setTrimmed, updateFields } from './articles'
import { addHighlight, removeHighlight, updateHighlight } from './annotate/highlights'
import { addMention, noteAlias, removeMention, resolveEntity } from './annotate/mentions'
import { exportFileName } from './brief/brief-model'
import { articleMarkdown } from './brief/markdown'
import { articlePrintHtml } from './brief/print-html'
import type { PdfPrinter } from './export/pdf-printer'
import { Importer, type ImporterOptions } from './import/importer'
import type { Workspace } from './store/workspace'

export interface DossierOptions extends ImporterOptions {
  workspace: Workspace
  printer: PdfPrinter
  host: 'electron' | 'browser'
  /** Folder with the bundled sample articles. */
  samplesDir: string
}

function entitiesOf(article: Article, all: readonly Entity[]): Entity[] {
  const ids = new Set(article.mentions.map((m) => m.entityId))
  return all.filter((e) => ids.has(e.id))
}

export function createHandlers(options: DossierOptions): Handlers {
  const { workspace, printer } = options
  const importer = new Importer(workspace, options)

  async function edit(id: string, change: (article: Article) => void) {
    await workspace.updateArticle(id, change)
    return workspace.summary(id)!
  }

  async function view(id: string): Promise<ArticleView> {
    const article = await workspace.readArticle(id)
    return { article, entities: entitiesOf(article, workspace.entities) }
  }

  return {
    'workspace.info': async () => ({
      path: workspace.dir,
      host: options.host,
      articleCount: workspace.articles.length,
      readOnly: workspace.readOnly,
      problems: workspace.problems,
    }),
    'articles.list': async () =>
      workspace.articles.sort(
        (a, b) => b.importedAt.localeCompare(a.importedAt) || a.title.localeCompare(b.title),
      ),
    'articles.get': async ({ id }) => view(id),
    'articles.remove': async ({ id }) => workspace.removeArticle(id),
    'articles.restore': async ({ id }) => workspace.restoreArticle(id),
    'articles.update': async ({ id, ...fields }) => edit(id, (article) => updateFields(article, fields)),
    'articles.setTrimmed': async ({ id, block, trimmed }) =>
      edit(id, (article) => setTrimmed(article, block, trimmed)),
    'import.paths': async ({ paths }) => importer.importPaths(paths),
    'import.upload': async ({ name, data }) => importer.importBytes(name, data),
    'import.expand': async ({ paths }) => importer.expand(paths),
    'import.paste': async ({ text, html }) => {
      const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ').replace(':', '.')
      const isHtml = Boolean(html?.trim())
      const name = `Pasted ${stamp}.${isHtml ? 'html' : 'txt'}`
      // A fragment of a page is wrapped so it is read as the web page it came from.
      const content = isHtml ? `<!doctype html><html><body>${html}</body></html>` : text!
      return importer.importBytes(name, new TextEncoder().encode(content))
    },
    'import.samples': async () => {
      const names = (await readdir(options.samplesDir)).filter((n) => /\.(txt|md)$/.test(n)).sort()
      return importer.importPaths(names.map((n) => join(options.samplesDir, n)))
    },
    'highlights.create': async ({ articleId, ...input }) =>
      workspace.updateArticle(articleId, (article) => addHighlight(article, input)),
    'highlights.update': async ({ articleId, id, ...change }) =>
      workspace.updateArticle(articleId, (article) => updateHighlight(article, id, change)),
    'highlights.remove': async ({ articleId, id }) =>
      workspace.updateArticle(articleId, (article) => removeHighlight(article, id)),
    'entities.list': async () => workspace.entities,
    'mentions.create': async ({ articleId, start, end, type, name, entityId }) => {
      const article = await workspace.readArticle(articleId)
      const surface = article.text.slice(Math.min(start, end), Math.max(start, end)).trim()
      // The entity is stored before the article that refers to it, so a crash never leaves a dangling id.
      const entity = await workspace.updateEntities((entities) => {
        const { entity, created } = resolveEntity(entities, { type, name, entityId }, surface)
        if (created) entities.push(entity)
        const aliased = noteAlias(entity, surface)
        return { changed: created || aliased, result: structuredClone(entity) }
      })
      const mention = await workspace.updateArticle(articleId, (a) => addMention(a, entity, start, end))
      return { mention, entity }
    },
    'mentions.remove': async ({ articleId, id }) =>
      workspace.updateArticle(articleId, (article) => removeMention(article, id)),
    'brief.markdown': async ({ articleId }) => {
      const article = await workspace.readArticle(articleId)
      const markdown = articleMarkdown(article, workspace.entities)
      return {
        fileName: exportFileName(article.title, 'md'),
        mimeType: 'text/markdown',
        data: new TextEncoder().encode(markdown),
      }
    },
    'brief.pdf': async ({ articleId }) => {
      const article = await workspace.readArticle(articleId)
      const data = await printer.print(articlePrintHtml(article, workspace.entities))
      return { fileName: exportFileName(article.title, 'pdf'), mimeType: 'application/pdf', data }
    },
  }
}
