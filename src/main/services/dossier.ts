// The application behind the API: one handler per contract method, over one open workspace.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleView, Handlers } from '../../shared/api'
import { DossierError } from '../../shared/errors'
import type { Article, Entity } from '../../shared/model'
import { setTrimmed, updateFields } from './articles'
import { addHighlight, removeHighlight, updateHighlight } from './annotate/highlights'
import { addMention, noteAlias, removeMention, resolveEntity } from './annotate/mentions'
import { exportFileName } from './brief/brief-model'
import { articleMarkdown } from './brief/markdown'
import { articlePrintHtml } from './brief/print-html'
import type { PdfPrinter } from './export/pdf-printer'
import { Importer, type Admit, type ImporterOptions } from './import/importer'
import { PathGrants } from './import/path-grants'
import { reextractArticle } from './import/reextract'
import type { Workspace } from './store/workspace'

export interface DossierOptions extends ImporterOptions {
  workspace: Workspace
  printer: PdfPrinter
  host: 'electron' | 'browser'
  /** Folder with the bundled sample articles. */
  samplesDir: string
  /** Desktop: what the analyst chose or dropped; paths from the page are read only inside these. */
  grants?: PathGrants
  /** Desktop: shows the open dialog and returns the chosen paths (none when cancelled). */
  chooseFiles?: () => Promise<string[]>
}

const BROWSER_PATHS =
  'Browser mode never reads files by their path on disk: drop the files on the window or choose them with Import files…, and the page sends their contents.'

function entitiesOf(article: Article, all: readonly Entity[]): Entity[] {
  const ids = new Set(article.mentions.map((m) => m.entityId))
  return all.filter((e) => ids.has(e.id))
}

export function createHandlers(options: DossierOptions): Handlers {
  const { workspace, printer } = options
  const importer = new Importer(workspace, options)
  const grants = options.grants ?? new PathGrants()

  /** Paths from the page: refused in browser mode, and on the desktop read only where the analyst granted. */
  function admitFromPage(): Admit {
    if (options.host === 'browser') throw new DossierError('forbidden', BROWSER_PATHS)
    return (path) => grants.check(path)
  }

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
      maxFileBytes: importer.maxFileBytes,
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
    'articles.reextract': async ({ id }) => reextractArticle(workspace, importer.extractor, id),
    'import.paths': async ({ paths }) => importer.importPaths(paths, admitFromPage()),
    'import.upload': async ({ name, data }) => importer.importBytes(name, data),
    'import.expand': async ({ paths }) => importer.expand(paths, admitFromPage()),
    'import.choose': async () => {
      if (!options.chooseFiles) {
        throw new DossierError(
          'forbidden',
          'Only the desktop app opens its own file dialog; in browser mode the page chooses the files.',
        )
      }
      const paths = await options.chooseFiles()
      for (const path of paths) grants.grant(path)
      return { paths }
    },
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
