// highlights.search lists every highlight of the workspace across articles, filtered as the All
// highlights view asks, and stays current as highlights, tags and articles change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers, MethodInput } from '../../../src/shared/api'
import { HighlightQuery } from '../../../src/shared/highlight-search'
import { Workspace } from '../../../src/main/services/store/workspace'
import { tempDir } from '../../helpers'
import { handlersFor, makeTaggedWorkspace, type TaggedWorkspace } from '../../tagged-workspace'

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let handlers: Handlers
let tagged: TaggedWorkspace
let first: string
let second: string

beforeEach(async () => {
  dir = await tempDir()
  tagged = await makeTaggedWorkspace(dir.path)
  ;[first, second] = tagged.articleIds as [string, string]
  workspace = await Workspace.open(dir.path)
  handlers = handlersFor(workspace)
})

afterEach(async () => {
  await workspace.close()
  await dir.remove()
})

function search(query: MethodInput<'highlights.search'> = {}) {
  return handlers['highlights.search'](HighlightQuery.parse(query))
}

const entityNamed = (name: string) => tagged.entities.find((e) => e.name === name)!.id

/** Highlights `words` (their first occurrence) in an article. */
async function highlight(articleId: string, words: string, fields: { codeId?: string; note?: string } = {}) {
  const { article } = await handlers['articles.get']({ id: articleId })
  const start = article.text.indexOf(words)
  expect(start, `"${words}" is in the article`).toBeGreaterThanOrEqual(0)
  const { highlight } = await handlers['highlights.create']({
    articleId,
    start,
    end: start + words.length,
    ...fields,
  })
  return highlight
}

const quotes = (result: Awaited<ReturnType<typeof search>>) =>
  result.rows.map((r) => r.highlight.target.quote.exact)

describe('highlights.search', () => {
  it('lists the highlights of every article with their article, code and the entities in the passage', async () => {
    await highlight(second, 'White House', { codeId: 'evidence', note: 'who said it' })
    const result = await search()
    expect(result.total).toBe(2)
    const byQuote = Object.fromEntries(result.rows.map((r) => [r.highlight.target.quote.exact, r]))
    expect(byQuote['closer strategic cooperation']).toMatchObject({
      articleId: first,
      title: expect.stringContaining('Kim Jong Un plans to deliver'),
      published: '2023-06-13',
      highlight: { codeId: 'keyjudgement', note: 'the pledge' },
      entityIds: [],
    })
    expect(byQuote['White House']).toMatchObject({
      articleId: second,
      siteName: 'ansarpress.com',
      sourceUrl: 'https://www.ansarpress.com/english/27741',
      highlight: { codeId: 'evidence' },
      entityIds: [entityNamed('White House')],
    })
  })

  it('filters by code, and counts each code under the other filters', async () => {
    await highlight(first, 'Vladimir Putin', { codeId: 'evidence' })
    await highlight(second, 'White House', { codeId: 'question' })
    await highlight(second, 'North Korea', { codeId: 'evidence' })
    const result = await search({ codeIds: ['evidence'] })
    expect(quotes(result).sort()).toEqual(['North Korea', 'Vladimir Putin'])
    expect(result.facets.codes).toEqual([
      { id: 'keyjudgement', count: 1 },
      { id: 'evidence', count: 2 },
      { id: 'question', count: 1 },
    ])
    expect((await search({ codeIds: ['evidence', 'question'] })).total).toBe(3)
    const narrowed = await search({ articleId: second })
    expect(narrowed.facets.codes).toEqual([
      { id: 'evidence', count: 1 },
      { id: 'question', count: 1 },
    ])
  })

  it('filters by article and by site, and counts the sites', async () => {
    await handlers['articles.update']({ id: first, siteName: 'WION' })
    await highlight(second, 'White House')
    expect(quotes(await search({ articleId: second }))).toEqual(['White House'])
    const wion = await search({ site: 'WION' })
    expect(quotes(wion)).toEqual(['closer strategic cooperation'])
    expect(wion.rows[0]!.siteName).toBe('WION')
    expect(wion.facets.sites).toEqual([
      { name: 'ansarpress.com', count: 1 },
      { name: 'WION', count: 1 },
    ])
  })

  it('filters by the published date, leaving out undated articles, and by the day a highlight was made', async () => {
    await handlers['articles.update']({ id: second, published: '2023-06-20T08:00:00+05:30' })
    await highlight(second, 'White House')
    expect(quotes(await search({ publishedFrom: '2023-06-14' }))).toEqual(['White House'])
    expect(quotes(await search({ publishedTo: '2023-06-13' }))).toEqual(['closer strategic cooperation'])
    expect((await search({ publishedFrom: '2023-06-13', publishedTo: '2023-06-20' })).total).toBe(2)
    await handlers['articles.update']({ id: second, published: '' })
    expect((await search({ publishedFrom: '2000-01-01' })).total).toBe(1)

    const today = new Date().toISOString().slice(0, 10)
    expect((await search({ createdFrom: today, createdTo: today })).total).toBe(2)
    expect((await search({ createdTo: '2001-01-01' })).total).toBe(0)
    const soon = new Date(Date.now() + 60_000).toISOString()
    expect((await search({ createdFrom: soon })).total).toBe(0)
  })

  it('filters by an entity whose confirmed tag overlaps the passage', async () => {
    // Covers only part of the tagged "Kim Jong Un": overlapping is enough.
    await highlight(first, 'Jong Un vowed to bolster')
    await highlight(first, 'Vladimir Putin said')
    const kim = await search({ entityId: entityNamed('Kim Jong Un') })
    expect(quotes(kim)).toEqual(['Jong Un vowed to bolster'])
    expect(quotes(await search({ entityId: entityNamed('Vladimir Putin') }))).toEqual(['Vladimir Putin said'])
  })

  it('finds note and quote text whatever its case and accents', async () => {
    await highlight(second, 'White House', { note: 'Étude régionale du Conseil' })
    expect(quotes(await search({ text: 'ETUDE regionale' }))).toEqual(['White House'])
    expect(quotes(await search({ text: 'STRATEGIC coop' }))).toEqual(['closer strategic cooperation'])
    expect((await search({ text: 'pledge' })).total).toBe(1)
    expect((await search({ text: 'nowhere at all' })).total).toBe(0)
    expect((await search({ text: '   ' })).total).toBe(2)
  })

  it('sorts by position in the article, by creation and by publication, and pages', async () => {
    await handlers['articles.update']({ id: second, published: '2023-07-01' })
    // A few milliseconds apart: two highlights made in the same millisecond have no order of creation.
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5))
    const late = await highlight(first, 'North Korea is planning')
    await tick()
    const early = await highlight(first, 'Kin Jong Un')
    await tick()
    const other = await highlight(second, 'White House')
    const position = await search({ sort: 'position' })
    // The newest import first, then reading order.
    expect(quotes(position)).toEqual([
      'White House',
      'Kin Jong Un',
      'North Korea is planning',
      'closer strategic cooperation',
    ])
    const created = await search({ sort: 'created' })
    expect(created.rows.map((r) => r.highlight.id).slice(0, 3)).toEqual([other.id, early.id, late.id])
    expect(quotes(await search({ sort: 'published' }))[0]).toBe('White House')

    const page = await search({ sort: 'position', offset: 1, limit: 2 })
    expect(page.total).toBe(4)
    expect(quotes(page)).toEqual(['Kin Jong Un', 'North Korea is planning'])
  })
})

describe('the highlight index follows every change', () => {
  it('after highlights are made, changed and removed', async () => {
    expect((await search()).total).toBe(1)
    const made = await highlight(second, 'White House', { note: 'first thought' })
    expect((await search({ text: 'first thought' })).total).toBe(1)
    await handlers['highlights.update']({
      articleId: second,
      id: made.id,
      note: 'second thought',
      codeId: 'question',
    })
    expect((await search({ text: 'first thought' })).total).toBe(0)
    expect(quotes(await search({ codeIds: ['question'], text: 'second' }))).toEqual(['White House'])
    await handlers['highlights.remove']({ articleId: second, id: made.id })
    expect((await search()).total).toBe(1)
  })

  it('after tags are added and removed', async () => {
    const made = await highlight(second, 'containers of military equipment')
    const { mention, entity } = await handlers['mentions.create']({
      articleId: second,
      ...(await rangeOf(second, 'military equipment')),
      type: 'Equipment',
      name: 'Military equipment',
    })
    const row = (await search({ entityId: entity.id })).rows[0]!
    expect(row.highlight.id).toBe(made.id)
    await handlers['mentions.remove']({ articleId: second, id: mention.id })
    expect((await search({ entityId: entity.id })).total).toBe(0)
  })

  it('after an article is renamed, removed and restored', async () => {
    await search()
    await handlers['articles.update']({ id: first, title: 'Pledge to Moscow' })
    expect((await search()).rows[0]!.title).toBe('Pledge to Moscow')
    await handlers['articles.remove']({ id: first })
    expect((await search()).total).toBe(0)
    await handlers['articles.restore']({ id: first })
    expect(quotes(await search())).toEqual(['closer strategic cooperation'])
  })

  it('after codes are merged: rows carry the code that took over, and filter by it', async () => {
    await highlight(second, 'White House', { codeId: 'question' })
    await handlers['codes.merge']({ ids: ['question'], into: 'evidence' })
    const result = await search({ codeIds: ['evidence'] })
    expect(result.rows.map((r) => r.highlight.codeId)).toEqual(['evidence'])
    expect(result.facets.codes.map((c) => c.id)).not.toContain('question')
    await handlers['codes.unmerge']({ ids: ['question'] })
    expect((await search({ codeIds: ['question'] })).total).toBe(1)
  })

  it('after an import, and for changes made while it is first being built', async () => {
    const building = search()
    const made = highlight(second, 'White House')
    await Promise.all([building, made])
    expect((await search()).total).toBe(2)
    const imported = await handlers['import.upload']({
      name: 'note.txt',
      data: new TextEncoder().encode('date 2024-01-02 A new story\nNothing highlighted yet.'),
    })
    expect(imported.status).toBe('imported')
    const { article } = await handlers['articles.get']({ id: imported.articleId! })
    await handlers['highlights.create']({ articleId: article.id, start: 0, end: 7 })
    expect(quotes(await search({ articleId: article.id }))).toEqual(['Nothing'])
  })
})

async function rangeOf(articleId: string, words: string) {
  const { article } = await handlers['articles.get']({ id: articleId })
  const start = article.text.indexOf(words)
  return { start, end: start + words.length }
}
