// The entity index, an entity's page, the co-occurrence network and its passages, and the exports, as
// the analyst sees them across the two seed articles.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keywordInContext } from '../../../src/main/services/entities/entity-page'
import { MentionIndex } from '../../../src/main/services/entities/mention-index'
import { openFixture, type Fixture } from './entity-fixture'

let f: Fixture
let kim: string
let putin: string
let korea: string
let pyongyang: string

beforeEach(async () => {
  f = await openFixture()
  // 000 is dated 2023-06-13; 004 has no date line, so it gets one.
  await f.handlers['articles.update']({ id: f.b, published: '2024-02-01' })
  kim = await f.tagAll(f.a, 'Kim Jong Un', 'Person')
  await f.tag(f.b, 'Kim Jong-un', 'Person', { entityId: kim })
  putin = await f.tagAll(f.a, 'Vladimir Putin', 'Person')
  await f.tag(f.b, 'Vladimir Putin', 'Person', { entityId: putin })
  korea = await f.tagAll(f.a, 'North Korea', 'Location')
  await f.tagAll(f.b, 'North Korea', 'Location')
  pyongyang = await f.tagAll(f.b, 'Pyongyang', 'Location')
})
afterEach(async () => {
  await f.close()
})

const text = async (id: string) => (await f.handlers['articles.get']({ id })).article.text
const count = async (id: string, words: string) => (await text(id)).split(words).length - 1

describe('entity index', () => {
  it('lists every entity with its counts and first and last seen', async () => {
    const index = await f.handlers['entities.index']({})
    expect(index.total).toBe(4)
    const row = (id: string) => index.rows.find((r) => r.entity.id === id)!
    const koreaMentions = (await count(f.a, 'North Korea')) + (await count(f.b, 'North Korea'))
    expect(row(korea)).toMatchObject({
      mentions: koreaMentions,
      articles: 2,
      firstSeen: '2023-06-13',
      lastSeen: '2024-02-01',
    })
    expect(row(kim)).toMatchObject({ mentions: 3, articles: 2 })
    expect(row(pyongyang)).toMatchObject({ articles: 1, firstSeen: '2024-02-01', lastSeen: '2024-02-01' })
    // Most mentioned first by default.
    expect(index.rows[0]!.entity.id).toBe(korea)
  })

  it('sorts, filters and pages', async () => {
    const names = async (query: Parameters<Fixture['handlers']['entities.index']>[0]) =>
      (await f.handlers['entities.index'](query)).rows.map((r) => r.entity.name)
    expect(await names({ sort: 'name' })).toEqual([
      'Kim Jong Un',
      'North Korea',
      'Pyongyang',
      'Vladimir Putin',
    ])
    expect(await names({ sort: 'name', order: 'desc', limit: 2 })).toEqual(['Vladimir Putin', 'Pyongyang'])
    expect(await names({ sort: 'name', offset: 3 })).toEqual(['Vladimir Putin'])
    expect(await names({ types: ['Location'], sort: 'name' })).toEqual(['North Korea', 'Pyongyang'])
    // Text matches names and aliases, case and accents aside.
    expect(await names({ text: 'jong-UN' })).toEqual(['Kim Jong Un'])
    expect((await names({ sort: 'firstSeen', order: 'asc' }))[3]).toBe('Pyongyang')
    expect((await names({ sort: 'firstSeen', order: 'desc' }))[0]).toBe('Pyongyang')
  })

  it('follows tags, removals and restores without being told', async () => {
    const before = (await f.handlers['entities.index']({ types: ['Location'] })).rows
    expect(before.find((r) => r.entity.id === pyongyang)!.mentions).toBe(await count(f.b, 'Pyongyang'))
    const { article } = await f.handlers['articles.get']({ id: f.b })
    const one = article.mentions.find((m) => m.entityId === pyongyang)!
    await f.handlers['mentions.remove']({ articleId: f.b, id: one.id })
    const after = (await f.handlers['entities.index']({ types: ['Location'] })).rows
    expect(after.find((r) => r.entity.id === pyongyang)!.mentions).toBe((await count(f.b, 'Pyongyang')) - 1)
    await f.handlers['articles.remove']({ id: f.b })
    const gone = (await f.handlers['entities.index']({})).rows
    expect(gone.find((r) => r.entity.id === pyongyang)!.mentions).toBe(0)
    expect(gone.find((r) => r.entity.id === kim)).toMatchObject({ articles: 1, lastSeen: '2023-06-13' })
    await f.handlers['articles.restore']({ id: f.b })
    expect((await f.handlers['entities.index']({})).rows.find((r) => r.entity.id === kim)).toMatchObject({
      articles: 2,
    })
  })

  it('is kept in index/entities.json and reused on the next opening', async () => {
    // The app's index is written as the workspace closes, after the logs are folded into the files.
    const built = (await f.handlers['entities.index']({})).rows.map((r) => [r.entity.id, r.mentions])
    await f.reopen()
    let reads = 0
    const source = {
      articles: f.workspace.articles,
      summary: (id: string) => f.workspace.summary(id),
      peekArticle: (id: string) => {
        reads++
        return f.workspace.peekArticle(id)
      },
      dir: f.workspace.dir,
      assertWritable: () => f.workspace.assertWritable(),
    }
    Object.defineProperty(source, 'articles', { get: () => f.workspace.articles })
    const second = new MentionIndex(source)
    const loaded = await second.current()
    expect(reads).toBe(0)
    expect(loaded.size).toBe(2)
    expect((await f.handlers['entities.index']({})).rows.map((r) => [r.entity.id, r.mentions])).toEqual(built)
    // A tag since makes only that article be read again.
    await f.tag(f.a, 'Pyongyang', 'Location', { entityId: pyongyang })
    await second.current()
    expect(reads).toBe(1)
  })
})

describe('entity page', () => {
  it('shows each mention in context, newest article first, with its highlights, briefs and timeline', async () => {
    const a = await text(f.a)
    const quoteStart = a.indexOf('Kim Jong Un made the pledge')
    const { highlight } = await f.handlers['highlights.create']({
      articleId: f.a,
      start: quoteStart,
      end: quoteStart + 'Kim Jong Un made the pledge in a message'.length,
      note: '',
    })
    // A highlight without Kim in it is not listed.
    const other = a.indexOf('The spokesperson further said')
    await f.handlers['highlights.create']({ articleId: f.a, start: other, end: other + 30, note: '' })
    const brief = await f.handlers['briefs.create']({ title: 'Arms for Russia' })
    await f.handlers['briefs.create']({ title: 'Unrelated' })
    await f.handlers['briefs.addExcerpts']({
      id: brief.id,
      excerpts: [{ articleId: f.a, highlightId: highlight.id }],
    })

    const page = await f.handlers['entities.page']({ id: kim })
    expect(page.row).toMatchObject({ mentions: 3, articles: 2 })
    expect(page.articles.map((r) => r.id)).toEqual([f.b, f.a])
    // The suggesters may add suggestions of Kim ("Kim said"): they are listed too, marked so.
    expect(page.mentions.filter((m) => m.status === 'suggested')).toHaveLength(page.row.suggested)
    const mentions = page.mentions.filter((m) => m.status === 'confirmed')
    expect(mentions.map((m) => m.articleId)).toEqual([f.b, f.a, f.a])
    for (const m of mentions) {
      expect(m.text).toMatch(/Kim Jong.un/i)
      expect(m.before.length).toBeLessThanOrEqual(60)
      expect(m.after.length).toBeLessThanOrEqual(60)
    }
    expect(mentions[2]!.after.startsWith(' made the pledge')).toBe(true)
    expect(page.highlights).toEqual([
      { articleId: f.a, highlightId: highlight.id, quote: 'Kim Jong Un made the pledge in a message' },
    ])
    expect(page.briefs).toEqual([{ id: brief.id, title: 'Arms for Russia' }])
    expect(page.timeline).toEqual([
      { month: '2023-06', mentions: 2 },
      { month: '2024-02', mentions: 1 },
    ])
  })

  it('opens the page of the entity kept for a merged entity\u2019s id', async () => {
    await f.handlers['entities.merge']({ ids: [pyongyang], into: korea })
    const page = await f.handlers['entities.page']({ id: pyongyang })
    expect(page.row.entity.id).toBe(korea)
    expect(page.row.entity.aliases).toContain('Pyongyang')
  })

  it('cuts the context at word boundaries', () => {
    const line = 'alpha beta gamma delta epsilon NAME zeta eta theta iota kappa'
    const at = line.indexOf('NAME')
    expect(keywordInContext(line, at, at + 4, 14)).toEqual({
      before: 'delta epsilon ',
      text: 'NAME',
      after: ' zeta eta',
    })
  })
})

describe('network', () => {
  it('links entities that share paragraphs, at the threshold asked for', async () => {
    const all = await f.handlers['entities.network']({ scope: 'article', threshold: 1 })
    expect(all.nodes.map((n) => n.id)).toContain(kim)
    const pair = (net: typeof all, x: string, y: string) =>
      net.edges.find((e) => (e.source === x && e.target === y) || (e.source === y && e.target === x))
    // Kim and Putin appear together in both articles.
    expect(pair(all, kim, putin)?.weight).toBe(2)
    expect(pair(all, kim, pyongyang)?.weight).toBe(1)
    const two = await f.handlers['entities.network']({ scope: 'article', threshold: 2 })
    expect(pair(two, kim, pyongyang)).toBeUndefined()
    expect(pair(two, kim, putin)?.weight).toBe(2)

    const paragraphs = await f.handlers['entities.network']({ scope: 'paragraph', threshold: 1 })
    // One paragraph of each names both ("Kim Jong Un made the pledge … Putin", "… Putin and … Kim Jong-un").
    expect(pair(paragraphs, kim, putin)?.weight).toBe(2)
    // Pyongyang is in 004, but never in a paragraph with Kim.
    expect(pair(paragraphs, kim, pyongyang)).toBeUndefined()

    const located = await f.handlers['entities.network']({
      scope: 'article',
      threshold: 1,
      types: ['Location'],
    })
    expect(located.nodes.map((n) => n.id).sort()).toEqual([korea, pyongyang].sort())
    const limited = await f.handlers['entities.network']({ scope: 'article', threshold: 1, limit: 1 })
    expect(limited.nodes.map((n) => n.id)).toEqual([korea])
    expect(limited.edges).toEqual([])
    const dated = await f.handlers['entities.network']({
      scope: 'article',
      threshold: 1,
      published: { from: '2024-01-01' },
    })
    expect(dated.nodes.find((n) => n.id === kim)?.mentions).toBe(1)
  })

  it('filters by case', async () => {
    const theCase = await f.handlers['cases.create']({ name: 'Arms deals' })
    await f.handlers['articles.label']({ ids: [f.b], addCases: [theCase.id] })
    const net = await f.handlers['entities.network']({ scope: 'article', threshold: 1, caseId: theCase.id })
    expect(net.nodes.find((n) => n.id === kim)?.mentions).toBe(1)
    expect(net.nodes.map((n) => n.id)).toContain(pyongyang)
    // The passages behind an edge follow the same filters as the edge.
    const everywhere = await f.handlers['entities.passages']({ a: kim, b: putin, scope: 'article' })
    expect(everywhere.map((p) => p.articleId).sort()).toEqual([f.a, f.b].sort())
    const inCase = await f.handlers['entities.passages']({
      a: kim,
      b: putin,
      scope: 'article',
      caseId: theCase.id,
    })
    expect(inCase.map((p) => p.articleId)).toEqual([f.b])
    const dated = await f.handlers['entities.passages']({
      a: kim,
      b: putin,
      scope: 'article',
      published: { to: '2023-12-31' },
    })
    expect(dated.map((p) => p.articleId)).toEqual([f.a])
  })

  it("names the analyst's own type of a node, for its colour", async () => {
    const envoy = await f.handlers['entityTypes.create']({ name: 'Head of state', color: '#aa3300' })
    await f.handlers['entities.update']({ id: putin, customType: envoy.id })
    const net = await f.handlers['entities.network']({ scope: 'article', threshold: 1 })
    expect(net.nodes.find((n) => n.id === putin)?.customType).toMatchObject({ color: '#aa3300' })
    expect(net.nodes.find((n) => n.id === kim)?.customType).toBeUndefined()
    await f.handlers['entities.update']({ id: putin, customType: '' })
  })

  it('lists the passages where both appear', async () => {
    const paragraphs = await f.handlers['entities.passages']({ a: kim, b: putin, scope: 'paragraph' })
    expect(paragraphs.length).toBeGreaterThanOrEqual(1)
    for (const p of paragraphs) {
      expect(p.text).toMatch(/Kim Jong.un/i)
      expect(p.text).toContain('Vladimir Putin')
      const t = await text(p.articleId)
      expect(t.slice(p.start, p.end)).toBe(p.text)
    }
    expect(paragraphs[0]!.articleId).toBe(f.b)
    // Each passage marks where both are named, at offsets of its own text.
    for (const p of paragraphs) {
      const marked = (id: string) =>
        p.marks.filter((m) => m.entityId === id).map((m) => p.text.slice(m.start, m.end))
      expect(marked(kim).every((t) => /^Kim Jong.un/i.test(t))).toBe(true)
      expect(marked(kim).length).toBeGreaterThan(0)
      expect(marked(putin)).toContain('Vladimir Putin')
    }
    const dated = paragraphs.find((p) => p.articleId === f.a)
    expect(dated?.published).toMatch(/^2023-06/)
    const articles = await f.handlers['entities.passages']({ a: kim, b: pyongyang, scope: 'article' })
    expect(articles.map((p) => p.articleId)).toEqual([f.b])
    // Far apart in one article: the passage is cut, and the marks still land on the names.
    for (const p of articles) {
      const marked = p.marks.map((m) => [m.entityId, p.text.slice(m.start, m.end)])
      expect(marked).toContainEqual([pyongyang, 'Pyongyang'])
      expect(marked.some(([id, t]) => id === kim && /^Kim Jong.un/i.test(t!))).toBe(true)
    }
    expect(await f.handlers['entities.passages']({ a: kim, b: kim, scope: 'article' })).toEqual([])
  })
})

describe('export', () => {
  const decode = (data: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(data)
  /** A minimal RFC 4180 reader for the test: every field is quoted. */
  const parseCsv = (csv: string) =>
    csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean)
      .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')))

  it('writes the entities as CSV and JSON', async () => {
    await f.handlers['entities.update']({ id: kim, aliases: ['Kim Jong-un', '=Marshal'] })
    const csv = await f.handlers['entities.export']({ what: 'entities', format: 'csv' })
    expect(csv.fileName).toMatch(/^dossier-entities-.*\.csv$/)
    const text = decode(csv.data)
    expect(text.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsv(text)
    expect(rows[0]).toEqual([
      'name',
      'type',
      'aliases',
      'mentions',
      'suggested',
      'articles',
      'first seen',
      'last seen',
      'notes',
    ])
    const kimRow = rows.find((r) => r[0] === 'Kim Jong Un')!
    expect(kimRow.slice(1, 4)).toEqual(['Person', 'Kim Jong-un; =Marshal', '3'])
    expect(kimRow.slice(5, 8)).toEqual(['2', '2023-06-13', '2024-02-01'])
    expect(rows).toHaveLength(5)

    const json = JSON.parse(
      decode((await f.handlers['entities.export']({ what: 'entities', format: 'json' })).data),
    )
    expect(json.find((e: { id: string }) => e.id === kim)).toMatchObject({
      name: 'Kim Jong Un',
      type: 'Person',
      aliases: ['Kim Jong-un', '=Marshal'],
      mentions: 3,
      articles: 2,
      firstSeen: '2023-06-13',
      lastSeen: '2024-02-01',
    })
  })

  it('writes the mentions with citation and context, as CSV and JSON', async () => {
    const csv = parseCsv(
      decode((await f.handlers['entities.export']({ what: 'mentions', format: 'csv' })).data),
    )
    expect(csv[0]).toEqual(['entity', 'type', 'article', 'citation', 'mention', 'context'])
    const kims = csv.filter((r) => r[0] === 'Kim Jong Un')
    expect(kims).toHaveLength(3)
    expect(kims[0]![4]).toBe('Kim Jong-un')
    expect(kims[1]![3]).toMatch(/2023-06-13, ¶ \d+$/)
    expect(kims[1]![5]).toContain(kims[1]![4])

    const json = JSON.parse(
      decode((await f.handlers['entities.export']({ what: 'mentions', format: 'json' })).data),
    )
    const total = csv.length - 1
    expect(json).toHaveLength(total)
    const first = json.find((m: { entityId: string }) => m.entityId === pyongyang)
    expect(first).toMatchObject({ entity: 'Pyongyang', type: 'Location', articleId: f.b, text: 'Pyongyang' })
    expect(typeof first.paragraph).toBe('number')
  })

  it('leaves deleted entities out and counts merged ones as the entity kept', async () => {
    await f.handlers['entities.merge']({ ids: [pyongyang], into: korea })
    await f.handlers['entities.remove']({ id: putin })
    const json = JSON.parse(
      decode((await f.handlers['entities.export']({ what: 'entities', format: 'json' })).data),
    )
    expect(json.map((e: { name: string }) => e.name)).toEqual(['Kim Jong Un', 'North Korea'])
    const mentions = JSON.parse(
      decode((await f.handlers['entities.export']({ what: 'mentions', format: 'json' })).data),
    )
    expect(mentions.some((m: { entityId: string }) => m.entityId === pyongyang || m.entityId === putin)).toBe(
      false,
    )
  })
})
