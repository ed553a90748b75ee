// Highlight search scenario: 50,000 highlights over 2,500 articles held in memory, searched the ways the
// All highlights view asks (no filter, a code, a text, an entity, all at once, another sort, a deep page),
// plus the cost of patching the index after one highlight changes.
import { targetFor } from '../../src/main/services/annotate/target'
import { HighlightIndex, type ArticleSource } from '../../src/main/services/annotate/highlight-index'
import { DEFAULT_CODES, seedCodes } from '../../src/main/services/codes/codebook'
import { assembleText } from '../../src/main/services/import/text-blocks'
import { summarize as summarizeRow } from '../../src/main/services/store/workspace'
import { HighlightQuery } from '../../src/shared/highlight-search'
import { SCHEMA_VERSION, type Article, type Entity } from '../../src/shared/model'
import { EQUIPMENT, PEOPLE, PLACES, newsBlocks, newsTitle } from '../lib/news-text'
import { seededRandom, type Random } from '../lib/random'
import type { Figure, Scenario } from '../lib/scenario'
import { summarize, timeMs } from '../lib/stats'

const ARTICLES = 2_500
const PER_ARTICLE = 20
const RUNS = 100
const TARGET_MS = 5
const NOTES = [
  'Check against KCNA',
  'Second source needed',
  'Étude régionale',
  'Contradicts the ministry',
  '',
]

function id(r: Random): string {
  let out = ''
  for (let i = 0; i < 16; i++) out += r.int(0, 35).toString(36)
  return out
}

function makeArticle(r: Random, entities: Entity[]): Article {
  const { text, blocks } = assembleText(newsBlocks(r, r.int(3_800, 6_000)))
  const at = new Date(Date.parse('2024-03-01T08:00:00Z') - r.int(0, 400 * 86_400_000)).toISOString()
  const mentions = entities.flatMap((entity) => {
    const start = text.indexOf(entity.name)
    if (start < 0) return []
    const target = targetFor(text, start, start + entity.name.length)
    return [{ id: id(r), entityId: entity.id, target, status: 'confirmed' as const, createdAt: at }]
  })
  const highlights = Array.from({ length: PER_ARTICLE }, () => {
    const start = r.int(0, text.length - 200)
    return {
      id: id(r),
      target: targetFor(text, start, start + r.int(20, 180)),
      codeId: r.pick(DEFAULT_CODES).id,
      note: `${r.pick(NOTES)} ${r.pick(PEOPLE)}`,
      createdAt: at,
      updatedAt: at,
    }
  }).sort((a, b) => a.target.position.start - b.target.position.start)
  return {
    schemaVersion: SCHEMA_VERSION,
    id: id(r),
    title: newsTitle(r),
    published: at.slice(0, 10),
    siteName: r.pick(['WION', 'Reuters', 'The Korea Herald', 'NK News']),
    sourceUrl: `https://news.example.com/${id(r)}`,
    tags: [],
    text,
    blocks,
    warnings: [],
    original: { name: 'a.html', sha256: '0'.repeat(64), type: 'text/html', size: text.length },
    highlights,
    mentions,
    importedAt: at,
    updatedAt: at,
  }
}

/** The workspace's side as the index sees it: rows in a map, articles handed out as copies. */
function memorySource(articles: Map<string, Article>): ArticleSource {
  const rows = new Map([...articles.values()].map((a) => [a.id, summarizeRow(a, 0)]))
  return {
    get articles() {
      return [...rows.values()]
    },
    summary: (articleId) => rows.get(articleId),
    readArticle: async (articleId) => structuredClone(articles.get(articleId)!),
  }
}

export const highlightSearchScenario: Scenario = {
  name: 'highlight search (50,000 highlights)',
  async run(log) {
    const r = seededRandom(7)
    const entities: Entity[] = [...PEOPLE, ...PLACES, ...EQUIPMENT].map((name) => ({
      id: id(r),
      name,
      type: 'Other',
      aliases: [],
      notes: '',
      createdAt: '2024-01-01T00:00:00Z',
    }))
    const articles = new Map<string, Article>()
    for (let i = 0; i < ARTICLES; i++) {
      const article = makeArticle(r, entities)
      articles.set(article.id, article)
    }
    const index = new HighlightIndex(memorySource(articles))
    const codes = seedCodes(DEFAULT_CODES, '2024-01-01T00:00:00Z')
    const build = await timeMs(() => index.size())
    log(`built over ${await index.size()} highlights in ${build.toFixed(0)} ms`)

    const someArticle = [...articles.keys()][17]!
    const queries: [string, (run: number) => unknown][] = [
      ['no filter, first page', () => ({})],
      ['one code', () => ({ codeIds: ['evidence'] })],
      // Two texts in turn, so each search scans the texts afresh instead of reusing the last answer.
      ['a new text each time', (run) => ({ text: run % 2 ? 'etude regionale' : 'second source' })],
      ['the same text, next page', (run) => ({ text: 'kcna', offset: (run % 10) * 100 })],
      ['entity', () => ({ entityId: entities[3]!.id })],
      [
        'code + site + dates + text',
        () => ({
          codeIds: ['question', 'evidence'],
          site: 'Reuters',
          publishedFrom: '2023-06-01',
          text: 'kcna',
        }),
      ],
      ['sort by created, page 200', () => ({ sort: 'created', offset: 20_000, limit: 100 })],
      ['one article', () => ({ articleId: someArticle })],
    ]
    const figures: Figure[] = [{ name: 'build (first search)', unit: 'ms', values: { once: build } }]
    for (const [name, make] of queries) {
      const samples: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const query = HighlightQuery.parse(make(run))
        samples.push(await timeMs(() => index.search(query, codes)))
      }
      const s = summarize(samples)
      figures.push({
        name: `search: ${name}`,
        unit: 'ms',
        values: { p50: s.p50, p95: s.p95 },
        target: { stat: 'p95', below: TARGET_MS, source: 'feature brief' },
        samples,
      })
    }

    const patches: number[] = []
    for (let run = 0; run < 50; run++) {
      const article = articles.get(someArticle)!
      article.highlights[0]!.note = `patched ${run}`
      patches.push(await timeMs(() => index.articleChanged(someArticle)))
    }
    const p = summarize(patches)
    figures.push({
      name: 'patch after one change',
      unit: 'ms',
      values: { p50: p.p50, p95: p.p95 },
      samples: patches,
    })
    return { figures, facts: { articles: ARTICLES, highlights: ARTICLES * PER_ARTICLE } }
  },
}
