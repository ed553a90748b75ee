// Which full-text library the library search is built on: MiniSearch, FlexSearch and Orama each index the
// same 10,000 generated ~8 KB articles (title, byline, site, text) and answer the same 200 queries
// (words, phrases, prefixes, typos, fielded) as close to Dossier's syntax as each can, from memory.
// Figures: build time, serialized size, heap, load time, query p50/p95; facts: the features each has.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { create, insertMultiple, load, save, search as oramaSearch, type AnyOrama } from '@orama/orama'
import FlexSearch from 'flexsearch'
import MiniSearch, { type Query, type SearchOptions } from 'minisearch'
import { benchQueries, searchCorpus, type BenchQuery, type SearchDoc } from '../lib/search-fixture'
import type { Figure, Scenario } from '../lib/scenario'
import { summarize } from '../lib/stats'

const ARTICLES = 10_000
const LIMIT = 20

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heapMb(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed / 2 ** 20
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()

interface Candidate {
  name: string
  /** What each library offers for the query syntax, said plainly. */
  features: Record<'prefix' | 'fuzzy' | 'fields' | 'boolean' | 'phrase' | 'serialization', string>
  build(docs: SearchDoc[]): Promise<void>
  /** Serialized form, as it would be written to disk. */
  save(): Promise<string>
  load(data: string): Promise<void>
  query(q: BenchQuery): Promise<number>
  drop(): void
}

function miniSearch(): Candidate {
  const options = {
    fields: ['title', 'byline', 'site', 'text'],
    idField: 'id',
    processTerm: (term: string) => fold(term),
    searchOptions: { boost: { title: 3, byline: 2, site: 2 } },
  }
  let engine: MiniSearch<SearchDoc> | undefined
  const fieldOf = { site: 'site', byline: 'byline', title: 'title' } as const
  return {
    name: 'minisearch',
    features: {
      prefix: 'yes (per term)',
      fuzzy: 'yes (edit distance, weighted below exact)',
      fields: 'yes (per query node, boosts)',
      boolean: 'AND / OR / AND_NOT trees, wildcard',
      phrase: 'no (verify adjacency outside)',
      serialization: 'toJSON / loadJSON(Async)',
    },
    async build(docs) {
      engine = new MiniSearch(options)
      engine.addAll(docs)
    },
    save: async () => JSON.stringify(engine),
    async load(data) {
      engine = await MiniSearch.loadJSONAsync(data, options)
    },
    async query(q) {
      const words = q.words.join(' ')
      let query: Query = words
      const opts: SearchOptions = { combineWith: 'AND' }
      if (q.kind === 'prefix') opts.prefix = true
      if (q.kind === 'typo' || q.kind === 'word') opts.fuzzy = (term) => (term.length >= 5 ? 0.2 : 0)
      if (q.field) {
        const fielded: Query = { queries: [q.field.value], fields: [fieldOf[q.field.name]] }
        query = words ? { combineWith: 'AND', queries: [fielded, words] } : fielded
      }
      return engine!.search(query, opts).slice(0, LIMIT).length
    },
    drop: () => (engine = undefined),
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any -- FlexSearch's typings do not cover its 0.8 options */
function flexSearch(): Candidate {
  const make = () =>
    new (FlexSearch as any).Document({
      document: {
        id: 'id',
        index: [
          { field: 'title', tokenize: 'forward' },
          { field: 'byline', tokenize: 'forward' },
          { field: 'text', tokenize: 'forward', context: { depth: 1, resolution: 3 } },
        ],
        tag: [{ field: 'site' }],
      },
      encoder: (FlexSearch as any).Charset.LatinBalance,
    })
  let engine: any
  return {
    name: 'flexsearch',
    features: {
      prefix: 'yes (forward tokenizer: every prefix indexed)',
      fuzzy: 'partial (phonetic encoders, suggest; no edit distance)',
      fields: 'yes (per field index, tags)',
      boolean: 'resolver and / or / not / xor',
      phrase: 'partial (context search: nearby, not adjacent)',
      serialization: 'export / import in keyed chunks',
    },
    async build(docs) {
      engine = make()
      for (const doc of docs) engine.add(doc)
    },
    async save() {
      const chunks: Record<string, string> = {}
      await engine.export((key: string, data: string) => {
        chunks[key] = data
      })
      return JSON.stringify(chunks)
    },
    async load(data) {
      engine = make()
      for (const [key, chunk] of Object.entries(JSON.parse(data) as Record<string, string>))
        engine.import(key, chunk)
    },
    async query(q) {
      const options: any = {
        limit: LIMIT,
        merge: true,
        suggest: q.kind === 'typo',
        context: q.kind === 'phrase',
      }
      if (q.field?.name === 'site') {
        const site = ['WION', 'Reuters', 'The Korea Herald', 'NK News'].find((s) =>
          s.toLowerCase().endsWith(q.field!.value),
        )
        options.tag = { site }
      }
      if (q.field?.name === 'title')
        return engine.search(q.field.value, { ...options, index: ['title'] }).length
      if (q.field?.name === 'byline') {
        // Both must match: the resolver intersects the two field searches.
        const resolver = new (FlexSearch as any).Resolver({
          index: engine,
          field: 'byline',
          query: q.field.value,
        })
        return resolver.and({ field: 'text', query: q.words.join(' ') }).resolve({ limit: LIMIT }).length
      }
      return engine.search(q.words.join(' '), { ...options, index: ['title', 'byline', 'text'] }).length
    },
    drop: () => (engine = undefined),
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

function orama(): Candidate {
  const schema = { id: 'string', title: 'string', byline: 'string', site: 'enum', text: 'string' } as const
  let engine: AnyOrama | undefined
  const siteOf = (value: string) =>
    ['WION', 'Reuters', 'The Korea Herald', 'NK News'].find((s) => s.toLowerCase().endsWith(value))
  return {
    name: '@orama/orama',
    features: {
      prefix: 'always on (every term matches as a prefix)',
      fuzzy: 'yes (tolerance: edit distance)',
      fields: 'yes (properties, boosts, where filters)',
      boolean: 'no (threshold: all terms or any)',
      phrase: 'no (exact: whole words only)',
      serialization: 'save / load (documents included)',
    },
    async build(docs) {
      engine = create({ schema })
      await insertMultiple(engine, docs, 500)
    },
    save: async () => JSON.stringify(save(engine!)),
    async load(data) {
      engine = create({ schema })
      load(engine, JSON.parse(data))
    },
    async query(q) {
      const params: Record<string, unknown> = {
        term: q.words.join(' '),
        properties: ['title', 'byline', 'text'],
        boost: { title: 3, byline: 2 },
        limit: LIMIT,
        threshold: 0,
      }
      if (q.kind === 'typo') params.tolerance = 1
      if (q.kind === 'phrase') params.exact = true
      if (q.field?.name === 'site') params.where = { site: { eq: siteOf(q.field.value) } }
      if (q.field?.name === 'title') Object.assign(params, { term: q.field.value, properties: ['title'] })
      if (q.field?.name === 'byline') params.where = { ...(params.where as object), byline: q.field.value } // a text filter on the field
      const results = await oramaSearch(engine!, params as never)
      return results.hits.length
    },
    drop: () => (engine = undefined),
  }
}

export const searchLibrariesScenario: Scenario = {
  name: 'search libraries compared (10,000 articles)',
  async run(log) {
    const docs = searchCorpus(ARTICLES)
    const queries = benchQueries()
    const figures: Figure[] = []
    const facts: Record<string, string | number> = {
      articles: ARTICLES,
      'mean text characters': Math.round(docs.reduce((n, d) => n + d.text.length, 0) / ARTICLES),
      queries: `${queries.length} (40 each: word, phrase, prefix, typo, fielded)`,
    }
    for (const candidate of [miniSearch(), flexSearch(), orama()]) {
      const before = heapMb()
      let start = performance.now()
      await candidate.build(docs)
      const build = performance.now() - start
      const heap = heapMb() - before
      log(`${candidate.name}: built in ${(build / 1000).toFixed(1)} s, ${heap.toFixed(0)} MB heap`)
      start = performance.now()
      const data = await candidate.save()
      const saveMs = performance.now() - start
      const bytes = Buffer.byteLength(data)
      candidate.drop()
      start = performance.now()
      await candidate.load(data)
      const loadMs = performance.now() - start
      // Warm once, then time each query.
      for (const q of queries) await candidate.query(q)
      const samples: number[] = []
      const byKind = new Map<string, number[]>()
      let found = 0
      for (const q of queries) {
        const t = performance.now()
        found += (await candidate.query(q)) > 0 ? 1 : 0
        const ms = performance.now() - t
        samples.push(ms)
        byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms])
      }
      const s = summarize(samples)
      const n = candidate.name
      figures.push(
        { name: `${n}: build`, unit: 'ms', values: { once: build } },
        { name: `${n}: serialized`, unit: 'KB/article', values: { size: bytes / 1024 / ARTICLES } },
        { name: `${n}: heap after build`, unit: 'MB', values: { heap } },
        { name: `${n}: save / load`, unit: 'ms', values: { save: saveMs, load: loadMs } },
        { name: `${n}: 200 queries`, unit: 'ms', values: { p50: s.p50, p95: s.p95 }, samples },
      )
      for (const [kind, kindSamples] of byKind) {
        const k = summarize(kindSamples)
        figures.push({ name: `${n}:   ${kind}`, unit: 'ms', values: { p50: k.p50, p95: k.p95 } })
      }
      facts[`${n} queries with a result`] = `${found}/${queries.length}`
      for (const [feature, how] of Object.entries(candidate.features)) facts[`${n} ${feature}`] = how
      candidate.drop()
    }
    return { figures, facts }
  },
}
