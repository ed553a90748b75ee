// The application behind the API: one handler per contract method, over one open workspace.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleView, Handlers } from '../../shared/api'
import { DossierError } from '../../shared/errors'
import type { Article, Code, Entity, Highlight, Mention } from '../../shared/model'
import { setTrimmed, updateFields } from './articles'
import { followChanges, HighlightIndex } from './annotate/highlight-index'
import { editedHighlight, findHighlight, newHighlight } from './annotate/highlights'
import {
  codeResolver,
  createCode,
  liveCodes,
  mergeCodes,
  moveCode,
  resolveCode,
  unmergeCodes,
  updateCode,
} from './codes/codebook'
import { findMention, newMention, noteAlias, resolveEntity } from './annotate/mentions'
import { exportAnnotations } from './annotations/export-annotations'
import { entityHandlers } from './entities/entity-handlers'
import { entityResolver, presentEntities } from './entities/resolve'
import { briefHandlers } from './brief/brief-handlers'
import { SuggestionEngine } from './entities/suggestion-engine'
import { followSuggestions, suggestionHandlers } from './entities/suggestion-handlers'
import { LibraryIndex } from './search/library-index'
import { searchHandlers } from './search/search-handlers'
import { exportFileName } from './brief/brief-model'
import { articleMarkdown } from './brief/markdown'
import { articlePrintHtml } from './brief/print-html'
import type { PdfPrinter } from './export/pdf-printer'
import { Importer, type Admit, type ImporterOptions } from './import/importer'
import { PathGrants } from './import/path-grants'
import { reextractArticle } from './import/reextract'
import { libraryHandlers } from './library/library-handlers'
import type { Workspace } from './store/workspace'
import type { RecognisedEntity } from './ner/recognise'

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
  /** The recogniser's names in a stored article's text, found off the main thread (the worker pool). */
  recognise?: (text: string) => Promise<RecognisedEntity[]>
}

const BROWSER_PATHS =
  'Browser mode never reads files by their path on disk: drop the files on the window or choose them with Import files…, and the page sends their contents.'

/** The live entities the article's mentions stand for, with the aliases merged into them. */
function entitiesOf(article: Pick<Article, 'mentions'>, all: readonly Entity[]): Entity[] {
  const ids = new Set(article.mentions.flatMap((m) => m.entityId ?? []))
  return presentEntities(all).filter((e) => ids.has(e.id))
}

/** Mentions leave the services as the live entity they stand for; a deleted entity's are hidden. */
function presentMentions(mentions: readonly Mention[], all: readonly Entity[]): Mention[] {
  const resolve = entityResolver(all)
  return mentions.flatMap((m) => {
    // A proposal names no entity yet: it leaves as it is.
    if (m.entityId === undefined) return [m]
    const entityId = resolve(m.entityId)
    if (entityId === undefined) return []
    return entityId === m.entityId ? [m] : [{ ...m, entityId }]
  })
}

export function createHandlers(options: DossierOptions): Handlers {
  const { workspace, printer } = options
  const suggestions = new SuggestionEngine(workspace, options.recognise)
  const importer = new Importer(workspace, {
    ...options,
    prepare: (article, names) => suggestions.atImport(article, names),
  })
  const grants = options.grants ?? new PathGrants()
  const highlightIndex = new HighlightIndex(workspace)

  /** Paths from the page: refused in browser mode, and on the desktop read only where the analyst granted. */
  function admitFromPage(): Admit {
    if (options.host === 'browser') throw new DossierError('forbidden', BROWSER_PATHS)
    return (path) => grants.check(path)
  }

  async function edit(id: string, change: (article: Article) => void) {
    await workspace.updateArticle(id, change)
    return workspace.summary(id)!
  }

  /** Highlights leave the services with the live code their code stands for (after merges). */
  function present(highlight: Highlight, resolve = codeResolver(workspace.codes)): Highlight {
    const codeId = resolve(highlight.codeId)
    return codeId === highlight.codeId ? highlight : { ...highlight, codeId }
  }

  /**
   * The stored article as the page shows it. Not a deep copy: a 1 MB article with thousands of highlights
   * would cost tens of milliseconds to clone, and the view is only encoded, never changed.
   */
  async function view(id: string): Promise<ArticleView> {
    const stored = await workspace.peekArticle(id)
    const resolve = codeResolver(workspace.codes)
    const article = {
      ...stored,
      highlights: stored.highlights.map((h) => present(h, resolve)),
      mentions: presentMentions(stored.mentions, workspace.entities),
    }
    return { article, entities: entitiesOf(article, workspace.entities) }
  }

  /** The live code a new or changed highlight gets: the one asked for, else the first of the codebook. */
  function codeFor(codeId: string | undefined): string {
    if (codeId === undefined) {
      const first = liveCodes(workspace.codes)[0]
      if (!first) throw new DossierError('not-found', 'The codebook is empty. Add a code first.')
      return first.id
    }
    const code = resolveCode(workspace.codes, codeId)
    if (!code) throw new DossierError('not-found', 'That code no longer exists. Choose another.')
    return code.id
  }

  /**
   * A highlight change goes to the article's log: `plan` picks the highlight as it is to be stored
   * (`put`) or removed (`remove`) from the stored article, which it only reads.
   */
  async function changeHighlight(
    articleId: string,
    how: 'put' | 'remove',
    plan: (article: Readonly<Article>) => Highlight,
  ) {
    const highlight = await workspace.annotate(articleId, (article) => {
      const highlight = plan(article)
      const change =
        how === 'put'
          ? ({ op: 'put-highlight', highlight } as const)
          : ({ op: 'remove-highlight', id: highlight.id } as const)
      return { change, result: highlight }
    })
    return { highlight: present(highlight), summary: workspace.summary(articleId)! }
  }

  function changeCodes<T>(change: (codes: Code[]) => T): Promise<T> {
    return workspace.updateCodes((codes) => ({ changed: true, result: structuredClone(change(codes)) }))
  }

  const handlers = followChanges(highlightIndex, {
    ...briefHandlers(workspace, printer),
    ...suggestionHandlers(workspace, suggestions),
    ...entityHandlers(workspace),
    ...searchHandlers(new LibraryIndex(workspace), workspace),
    ...libraryHandlers(workspace),
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
    'reading.get': async () => {
      const state = workspace.reading.get()
      // An article removed since is not offered again.
      return state.openId && !workspace.summary(state.openId)
        ? { ...state, openId: null, place: null }
        : state
    },
    'reading.save': async ({ openId, articleId, offset }) => {
      const place = articleId !== undefined && offset !== undefined ? { articleId, offset } : undefined
      await workspace.reading.save(openId, place)
      return {}
    },
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
    'highlights.create': async ({ articleId, codeId, ...input }) =>
      changeHighlight(articleId, 'put', (article) =>
        newHighlight(article, { ...input, codeId: codeFor(codeId) }),
      ),
    'highlights.update': async ({ articleId, id, codeId, note }) =>
      changeHighlight(articleId, 'put', (article) =>
        editedHighlight(article, id, { note, codeId: codeId === undefined ? undefined : codeFor(codeId) }),
      ),
    'highlights.remove': async ({ articleId, id }) =>
      changeHighlight(articleId, 'remove', (article) => findHighlight(article, id)),
    'highlights.search': async (query) => highlightIndex.search(query, workspace.codes, workspace.entities),
    'codes.list': async () => liveCodes(workspace.codes),
    'codes.create': async (fields) => changeCodes((codes) => createCode(codes, fields)),
    'codes.update': async ({ id, ...fields }) => changeCodes((codes) => updateCode(codes, id, fields)),
    'codes.move': async ({ id, index }) =>
      changeCodes((codes) => {
        moveCode(codes, id, index)
        return liveCodes(codes)
      }),
    'codes.merge': async ({ ids, into }) =>
      changeCodes((codes) => {
        const merged = mergeCodes(codes, ids, into)
        return { merged, codes: liveCodes(codes) }
      }),
    'codes.unmerge': async ({ ids }) =>
      changeCodes((codes) => {
        unmergeCodes(codes, ids)
        return liveCodes(codes)
      }),
    'entities.list': async () => presentEntities(workspace.entities),
    'mentions.create': async ({ articleId, start, end, type, name, entityId }) => {
      const article = await workspace.peekArticle(articleId)
      const surface = article.text.slice(Math.min(start, end), Math.max(start, end)).trim()
      // The entity is stored before the article that refers to it, so a crash never leaves a dangling id.
      const entity = await workspace.updateEntities((entities) => {
        const { entity, created } = resolveEntity(entities, { type, name, entityId }, surface)
        if (created) entities.push(entity)
        const aliased = noteAlias(entity, surface)
        return { changed: created || aliased, result: structuredClone(entity) }
      })
      const mention = await workspace.annotate(articleId, (a) => {
        const mention = newMention(a, entity, start, end)
        return { change: { op: 'put-mention', mention }, result: mention }
      })
      return { mention, entity, summary: workspace.summary(articleId)! }
    },
    'mentions.remove': async ({ articleId, id }) => {
      const mention = await workspace.annotate(articleId, (article) => {
        const mention = findMention(article, id)
        return { change: { op: 'remove-mention', id }, result: mention }
      })
      return { mention, summary: workspace.summary(articleId)! }
    },
    'annotations.export': async ({ format }) => exportAnnotations(workspace, format),
    'brief.markdown': async ({ articleId }) => {
      const article = await workspace.readArticle(articleId)
      const markdown = articleMarkdown(article, workspace.entities, workspace.codes)
      return {
        fileName: exportFileName(article.title, 'md'),
        mimeType: 'text/markdown',
        data: new TextEncoder().encode(markdown),
      }
    },
    'brief.pdf': async ({ articleId }) => {
      const article = await workspace.readArticle(articleId)
      const data = await printer.print(articlePrintHtml(article, workspace.entities, workspace.codes))
      return { fileName: exportFileName(article.title, 'pdf'), mimeType: 'application/pdf', data }
    },
  })
  return followSuggestions(suggestions, handlers)
}
