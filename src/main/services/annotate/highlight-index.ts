// Every highlight of the workspace in memory, for searching across articles: built on the first search by
// reading each article, then patched one article at a time after each handler that changes one.
import type { Handlers, ImportResult, MethodArgs, MethodName, MethodResult } from '../../../shared/api'
import type { HighlightQuery, HighlightSearchResult } from '../../../shared/highlight-search'
import type { Code, Entity } from '../../../shared/model'
import type { Workspace } from '../store/workspace'
import { entriesOf, type HighlightEntry } from './highlight-entries'
import { searchStore } from './highlight-query'
import { HighlightStore } from './highlight-store'

/** What the index reads from: the workspace, or a stand-in in a benchmark. */
export type ArticleSource = Pick<Workspace, 'articles' | 'readArticle' | 'summary'>

/** Articles read at once while building: enough to overlap reads, few enough to keep files open low. */
const BUILD_CONCURRENCY = 8

export class HighlightIndex {
  private readonly store = new HighlightStore()
  private built: Promise<void> | undefined
  /** Patches run one at a time, after the build, so an older read never lands after a newer one. */
  private patches: Promise<void> = Promise.resolve()

  constructor(private readonly source: ArticleSource) {}

  async search(
    query: HighlightQuery,
    codes: readonly Code[],
    entities: readonly Entity[] = [],
  ): Promise<HighlightSearchResult> {
    await this.ready()
    await this.dropGone()
    await this.patches
    return searchStore(this.store, query, codes, entities)
  }

  /** How many highlights are indexed (after the build). */
  async size(): Promise<number> {
    await this.ready()
    await this.patches
    return this.store.size
  }

  /**
   * Reads the article again (or drops it when it left the workspace). Before the first search there
   * is nothing to patch: the build will read the article as it is then.
   */
  articleChanged(id: string): Promise<void> {
    if (!this.built) return Promise.resolve()
    const built = this.built
    this.patches = this.patches.then(async () => {
      await built.catch(() => {})
      this.store.replace(id, await this.read(id))
    })
    return this.patches
  }

  /** Articles that left the workspace by a way the index did not hear of (a file deleted outside Dossier). */
  private dropGone(): Promise<unknown> {
    const gone = this.store.articleIds().filter((id) => !this.source.summary(id))
    return Promise.all(gone.map((id) => this.articleChanged(id)))
  }

  private ready(): Promise<void> {
    this.built ??= this.build().catch((error: unknown) => {
      this.built = undefined
      throw error
    })
    return this.built
  }

  private async build(): Promise<void> {
    const ids = this.source.articles.map((row) => row.id)
    let next = 0
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!
        const entries = await this.read(id)
        if (entries) this.store.load(id, entries)
      }
    }
    await Promise.all(Array.from({ length: Math.min(BUILD_CONCURRENCY, ids.length) }, worker))
    this.store.sortAll()
  }

  /** The article's entries, or undefined when it cannot be read (readArticle reports why to the analyst). */
  private async read(id: string): Promise<HighlightEntry[] | undefined> {
    if (!this.source.summary(id)) return undefined
    try {
      return entriesOf(await this.source.readArticle(id))
    } catch {
      return undefined
    }
  }
}

type ChangedArticles = {
  [M in MethodName]?: (args: MethodArgs<M>, result: MethodResult<M>) => (string | undefined)[]
}

const imported = (results: ImportResult[]) =>
  results.filter((r) => r.status === 'imported').map((r) => r.articleId)

/** The handlers that change an article's highlights, mentions, details or presence, and which article. */
const CHANGED: ChangedArticles = {
  'highlights.create': ({ articleId }) => [articleId],
  'highlights.update': ({ articleId }) => [articleId],
  'highlights.remove': ({ articleId }) => [articleId],
  'mentions.create': ({ articleId }) => [articleId],
  'mentions.remove': ({ articleId }) => [articleId],
  'articles.update': ({ id }) => [id],
  'articles.remove': ({ id }) => [id],
  'articles.restore': ({ id }) => [id],
  'articles.removeMany': ({ ids }) => ids,
  'articles.restoreMany': ({ ids }) => ids,
  'import.paths': (_, results) => imported(results),
  'import.upload': (_, result) => imported([result]),
  'import.paste': (_, result) => imported([result]),
  'import.samples': (_, results) => imported(results),
}

/** The handlers above that work on many articles and may fail part way. */
const BATCHES: Partial<Record<MethodName, true>> = {
  'articles.removeMany': true,
  'articles.restoreMany': true,
}

/** Wraps the handlers so that each change above patches the index before the call returns. */
export function followChanges(index: HighlightIndex, handlers: Handlers): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers }
  for (const [name, changed] of Object.entries(CHANGED) as [
    MethodName,
    (args: unknown, result: unknown) => (string | undefined)[],
  ][]) {
    const handle = handlers[name] as (args: unknown) => Promise<unknown>
    wrapped[name] = async (args: unknown) => {
      let result: unknown
      try {
        result = await handle(args)
      } catch (error) {
        // Many articles at once: those done before one failed have changed all the same.
        if (name in BATCHES) for (const id of (args as { ids: string[] }).ids) await index.articleChanged(id)
        throw error
      }
      for (const id of changed(args, result)) if (id) await index.articleChanged(id)
      return result
    }
  }
  return wrapped as unknown as Handlers
}
