// library.search and library.hits: the query read, matched in the index, filtered and faceted, ranked,
// paged, and the first rows of the page given their hit counts and snippets from the stored articles.
import type { Handlers } from '../../../shared/api'
import type { LibraryHit, LibraryQuery, LibraryResult } from '../../../shared/library'
import type { Entity } from '../../../shared/model'
import { entityResolver, isLive } from '../entities/resolve'
import type { Workspace } from '../store/workspace'
import { filterAndCount } from './library-filters'
import type { LibraryIndex } from './library-index'
import { ABSENT } from './match-query'
import { parseQuery, positiveTerms, type TermNode } from './query-syntax'
import { pageOf } from './rank-rows'
import { SnippetTexts } from './snippet-texts'
import { fieldSnippet, findHits, hitMatcher, textSnippet, type HitMatcher } from './snippets'

const DEFAULT_LIMIT = 50
/**
 * Rows of a page that get a snippet and a hit count: each costs reading the article (kept after in
 * snippet-texts.ts), and the list shows about 8 rows at once. Further rows of a long page have
 * `hits: 0` and no snippet; the reader asks library.hits for an article it opens.
 */
export const SNIPPET_ROWS = 12

type SearchHandlers = Pick<Handlers, 'library.search' | 'library.hits'>
type Source = Pick<
  Workspace,
  'summary' | 'articles' | 'peekArticle' | 'codes' | 'entities' | 'cases' | 'rowsVersion'
>

/** The articles a query matched, as slots of the index's facet table, and their scores by slot. */
function candidates(
  index: LibraryIndex,
  source: Source,
  root: ReturnType<typeof parseQuery>['root'],
  includeTrimmed: boolean,
): { slots: Int32Array; length: number; score?: Float64Array } {
  const table = index.table
  let length = 0
  if (root) {
    const { score, size } = index.match(root, includeTrimmed)
    const slots = new Int32Array(size)
    // While no row changed since a slot was checked, its row is the one the table holds: a search that
    // matches 9,000 articles does not look each one up again as the analyst types.
    const version = source.rowsVersion
    for (let n = 0; n < score.length; n++) {
      if (score[n] === ABSENT) continue
      const facts = index.factsAt(n)
      if (!facts) continue
      if (!table.current(n, facts, version)) {
        const row = source.summary(facts.id)
        if (!row) continue
        table.ensure(n, row, facts, version)
      }
      slots[length++] = n
    }
    return { slots, length, score }
  }
  // Every article, also one the index could not read: it takes a slot past the index's numbers.
  const rows = source.articles
  const slots = new Int32Array(rows.length)
  const version = source.rowsVersion
  let spare = index.slots
  for (const row of rows) {
    const n = index.numberOf(row.id)
    const slot = n ?? spare++
    table.ensure(slot, row, n === undefined ? undefined : index.factsAt(n), version)
    slots[length++] = slot
  }
  return { slots, length }
}

export async function searchLibrary(
  index: LibraryIndex,
  source: Source,
  query: LibraryQuery,
  texts = new SnippetTexts(source),
): Promise<LibraryResult> {
  await index.settled()
  const { root, warnings } = parseQuery(query.text ?? '')
  const includeTrimmed = query.includeTrimmed ?? false
  const { slots, length, score } = candidates(index, source, root, includeTrimmed)
  const table = index.table
  const { passed, facets } = filterAndCount(
    table,
    slots,
    length,
    query.filters ?? {},
    { codes: source.codes, entities: source.entities, cases: source.cases },
    query.facets ?? true,
    // Every article, for the facets of a search that matched most of them.
    {
      key: () => `${source.rowsVersion} ${table.changes} ${index.slots}`,
      slots: () => candidates(index, source, undefined, includeTrimmed),
    },
  )
  const sort = query.sort ?? (root ? 'relevance' : 'imported')
  const order = query.order ?? (sort === 'title' || sort === 'site' ? 'asc' : 'desc')
  const ranking = { sort: sort === 'relevance' && !root ? 'imported' : sort, order, score } as const
  const page = pageOf(passed, table.rows, ranking, query.offset ?? 0, query.limit ?? DEFAULT_LIMIT)

  const countEntities = liveEntityCounter(source.entities)
  const terms = positiveTerms(root)
  const variants = sameVariants(index)
  const inText = hitMatcher(terms, variants, { textOnly: true })
  let anywhere: HitMatcher | undefined
  const rows = await Promise.all(
    page.map(async (slot, i): Promise<LibraryHit> => {
      const row = table.rows[slot]!
      const facts = countEntities && index.factsAt(slot)
      const hit: LibraryHit = {
        article: facts ? { ...row, entityCount: countEntities(facts.entities) } : row,
        hits: 0,
      }
      if (score) hit.score = +score[slot]!.toFixed(4)
      if (!root || i >= SNIPPET_ROWS) return hit
      try {
        const article = await texts.get(hit.article.id)
        const found = findHits(article.text, inText, article.blocks, includeTrimmed, article.folded)
        hit.hits = found.length
        if (found.length > 0) hit.snippet = textSnippet(article.text, article.blocks, found)
        else {
          anywhere ??= hitMatcher(terms, variants, { textOnly: false })
          hit.snippet = fieldSnippet({ article, entities: source.entities }, anywhere)
        }
      } catch {
        // An article that cannot be read is named by the store; its row goes without a snippet.
      }
      return hit
    }),
  )
  const result: LibraryResult = { total: passed.length, rows, facets }
  if (warnings.length) result.warning = warnings.join(' ')
  return result
}

/**
 * Rows count the entity ids their tags were written with; once entities are merged or deleted, a row
 * counts the live entities they stand for. Undefined while there is nothing to resolve.
 */
function liveEntityCounter(entities: readonly Entity[]): ((ids: readonly string[]) => number) | undefined {
  if (!entities.some((e) => !isLive(e))) return undefined
  const resolve = entityResolver(entities)
  return (ids) => new Set(ids.map(resolve).filter((id) => id !== undefined)).size
}

/** The index's variants of a word, each asked once per search (the near spellings scan the vocabulary). */
function sameVariants(index: LibraryIndex): (term: TermNode, word: string) => [string, number][] {
  const known = new Map<TermNode, Map<string, [string, number][]>>()
  return (term, word) => {
    let byWord = known.get(term)
    if (!byWord) known.set(term, (byWord = new Map()))
    let found = byWord.get(word)
    if (!found) byWord.set(word, (found = index.variants(term, word)))
    return found
  }
}

export function searchHandlers(index: LibraryIndex, workspace: Source): SearchHandlers {
  const texts = new SnippetTexts(workspace)
  return {
    'library.search': async (query) => searchLibrary(index, workspace, query, texts),
    'library.hits': async ({ articleId, text: queryText, includeTrimmed }) => {
      await index.settled()
      const article = await workspace.peekArticle(articleId)
      const terms = positiveTerms(parseQuery(queryText).root)
      const matcher = hitMatcher(terms, index.variants.bind(index), { textOnly: true })
      return { ranges: findHits(article.text, matcher, article.blocks, includeTrimmed ?? false) }
    },
  }
}
