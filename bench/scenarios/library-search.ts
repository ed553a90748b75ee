// Library search scenario: a real 10,000-article workspace (~8 KB files), its full-text index built from
// the articles, written, and loaded again at the next opening; the 200 fixed queries of search-fixture.ts
// through the library.search handler (facets, snippets and all; then without facets) against bare
// FlexSearch queried directly on the same texts; adding one article to the index; the memory of the
// process with the index open.
import { readFile, stat } from 'node:fs/promises'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createHash } from 'node:crypto'
import { assembleText } from '../../src/main/services/import/text-blocks'
import { articlePath } from '../../src/main/services/store/article-file'
import { searchIndexPath } from '../../src/main/services/search/index-file'
import { LibraryIndex } from '../../src/main/services/search/library-index'
import { createEngine } from '../../src/main/services/search/search-engine'
import { searchHandlers, SNIPPET_ROWS } from '../../src/main/services/search/search-handlers'
import { visibleText } from '../../src/main/services/import/boilerplate'
import { Workspace } from '../../src/main/services/store/workspace'
import { SCHEMA_VERSION, type Article } from '../../src/shared/model'
import { generateWorkspace, seededId } from '../lib/generate-workspace'
import { newsBlocks, newsTitle } from '../lib/news-text'
import { seededRandom } from '../lib/random'
import { benchQueries } from '../lib/search-fixture'
import type { Figure, Scenario } from '../lib/scenario'
import { summarize } from '../lib/stats'

const ARTICLES = 10_000
const ADDS = 20
const ISSUE = 'library search issue'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function freshArticle(seed: number): Article {
  const r = seededRandom(seed)
  const { text, blocks } = assembleText(newsBlocks(r, r.int(3_800, 6_000)))
  const at = new Date().toISOString()
  return {
    schemaVersion: SCHEMA_VERSION,
    id: seededId(r),
    title: newsTitle(r),
    siteName: 'Reuters',
    language: 'en',
    tags: [],
    text,
    blocks,
    warnings: [],
    original: {
      name: `added-${seed}.html`,
      sha256: createHash('sha256').update(text).digest('hex'),
      type: 'text/html',
      size: text.length,
    },
    highlights: [],
    mentions: [],
    importedAt: at,
    updatedAt: at,
  }
}

async function timeQueries(run: (text: string) => Promise<unknown>, texts: string[]): Promise<number[]> {
  for (const text of texts) await run(text)
  const samples: number[] = []
  for (const text of texts) {
    const start = performance.now()
    await run(text)
    samples.push(performance.now() - start)
  }
  return samples
}

export const librarySearchScenario: Scenario = {
  name: 'library search (10,000 articles)',
  async run(log) {
    log(`generating ${ARTICLES} articles…`)
    const fixture = await generateWorkspace(ARTICLES, 23)
    try {
      let workspace = await Workspace.open(fixture.dir)
      let start = performance.now()
      let index = new LibraryIndex(workspace)
      await index.settled()
      const build = performance.now() - start
      log(`index built in ${(build / 1000).toFixed(1)} s`)
      start = performance.now()
      await index.save()
      const write = performance.now() - start
      const bytes = (await stat(searchIndexPath(fixture.dir))).size
      await workspace.close()

      workspace = await Workspace.open(fixture.dir)
      start = performance.now()
      index = new LibraryIndex(workspace)
      await index.settled()
      const load = performance.now() - start
      if (!index.lastOpening.loaded || index.lastOpening.indexed !== 0)
        throw new Error(`the saved index was not used: ${JSON.stringify(index.lastOpening)}`)
      log(`saved index loaded in ${load.toFixed(0)} ms`)
      // The phrase lists are built after the opening, in the background; the queries are timed on the
      // index as it is from then on.
      await index.phrasesReady()

      const handlers = searchHandlers(index, workspace)
      const queries = benchQueries().map((q) => q.text)
      const services = await timeQueries((text) => handlers['library.search']({ text }), queries)
      // As the renderer asks while the filter panel is closed.
      const unfaceted = await timeQueries(
        (text) => handlers['library.search']({ text, facets: false }),
        queries,
      )
      // After a collection: the garbage of generating 10,000 articles is not the server's memory.
      gc()
      gc()
      const rssMb = process.memoryUsage.rss() / 2 ** 20
      const heapMb = process.memoryUsage().heapUsed / 2 ** 20

      const adds: number[] = []
      for (let i = 0; i < ADDS; i++) {
        await workspace.saveArticle(freshArticle(1000 + i))
        const t = performance.now()
        await index.settled()
        adds.push(performance.now() - t)
      }
      const total = (await handlers['library.search']({ text: 'pyongyang' })).total
      await workspace.close()

      log('building bare FlexSearch over the same texts…')
      const bare = createEngine()
      let n = 0
      for (const id of fixture.ids) {
        const article = JSON.parse(await readFile(articlePath(fixture.dir, id), 'utf8')) as Article
        const empty = { trimmed: '', notes: '', codes: '', entities: '', tags: '', cases: '' }
        bare.add({
          id: n++,
          title: article.title,
          byline: article.byline ?? '',
          site: article.siteName ?? '',
          text: visibleText(article.text, article.blocks),
          ...empty,
        })
      }
      const fields = ['title', 'byline', 'site', 'text']
      const bareQueries = benchQueries().map((q) =>
        [...q.words, ...(q.field ? [q.field.value] : [])].join(' '),
      )
      const direct = await timeQueries(
        async (text) => bare.search(text, { index: fields, limit: ARTICLES + ADDS }),
        bareQueries,
      )

      const s = summarize(services)
      const u = summarize(unfaceted)
      const d = summarize(direct)
      const a = summarize(adds)
      const figures: Figure[] = [
        { name: 'index build (from the articles)', unit: 'ms', values: { once: build } },
        { name: 'index write (index/search.jsonl)', unit: 'ms', values: { once: write } },
        {
          name: 'index on disk per article',
          unit: 'KB',
          values: { size: bytes / 1024 / ARTICLES },
          target: { stat: 'size', below: 30, source: ISSUE },
        },
        { name: 'open with the saved index', unit: 'ms', values: { once: load } },
        {
          name: '200 queries: library.search',
          unit: 'ms',
          values: { p50: s.p50, p95: s.p95 },
          target: { stat: 'p95', below: 10, source: ISSUE },
          samples: services,
        },
        {
          name: '200 queries: library.search, no facets',
          unit: 'ms',
          values: { p50: u.p50, p95: u.p95 },
          samples: unfaceted,
        },
        {
          name: '200 queries: bare FlexSearch (floor)',
          unit: 'ms',
          values: { p50: d.p50, p95: d.p95 },
          samples: direct,
        },
        {
          name: '  library.search / bare library',
          unit: '×',
          values: { p50: s.p50 / d.p50, p95: s.p95 / d.p95 },
          target: { stat: 'p95', below: 2, source: ISSUE },
        },
        {
          name: 'add one article to the index',
          unit: 'ms',
          values: { p50: a.p50, p95: a.p95 },
          target: { stat: 'p95', below: 20, source: ISSUE },
          samples: adds,
        },
        {
          name: 'memory with the index open, after queries',
          unit: 'MB',
          values: { rss: rssMb, heap: heapMb },
          target: { stat: 'rss', below: 500, source: ISSUE },
        },
      ]
      return {
        figures,
        facts: {
          articles: ARTICLES,
          'article file (mean)': `${(fixture.meanFileBytes / 1024).toFixed(1)} KB`,
          'index file': `${(bytes / 2 ** 20).toFixed(1)} MB`,
          queries: `200: 40 each of words, phrases, prefixes, typos, fielded; default page (50 rows, ${SNIPPET_ROWS} snippets)`,
          'articles with "pyongyang"': total,
        },
      }
    } finally {
      await fixture.remove()
    }
  },
}
