import { readdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/services/dossier'
import { searchIndexPath } from '../../../src/main/services/search/index-file'
import { LibraryIndex } from '../../../src/main/services/search/library-index'
import { searchHandlers } from '../../../src/main/services/search/search-handlers'
import { Workspace } from '../../../src/main/services/store/workspace'
import type { LibraryQuery, LibraryResult } from '../../../src/shared/library'
import { SEED_000, SEED_004, tempDir } from '../../helpers'

type Handlers = ReturnType<typeof createHandlers>

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let handlers: Handlers
/** Seed 000 (Kim Jong Un's message to Putin) and seed 004 (Kirby on the arms shipment). */
let a000: string
let a004: string

const printer = { print: async () => new Uint8Array(), close: async () => {} }

async function open() {
  workspace = await Workspace.open(dir.path)
  handlers = createHandlers({ workspace, printer, host: 'browser', samplesDir: dir.path })
}

async function importFile(path: string): Promise<string> {
  const result = await handlers['import.upload']({ name: basename(path), data: await readFile(path) })
  return result.articleId!
}

async function search(text: string, more: Omit<LibraryQuery, 'text'> = {}): Promise<LibraryResult> {
  return handlers['library.search']({ text, ...more })
}

const ids = (result: LibraryResult) => result.rows.map((r) => r.article.id).sort()

async function highlight(articleId: string, words: string, note = '') {
  const { article } = await handlers['articles.get']({ id: articleId })
  const start = article.text.indexOf(words)
  if (start < 0) throw new Error(`"${words}" is not in the article`)
  await handlers['highlights.create']({ articleId, start, end: start + words.length, note })
}

beforeEach(async () => {
  dir = await tempDir()
  await open()
  a000 = await importFile(SEED_000)
  a004 = await importFile(SEED_004)
})
afterEach(async () => {
  await workspace.close()
  await dir.remove()
})

describe('library.search', () => {
  it('finds a word of the text in both seeds, ranked, with the number of hits and a marked snippet', async () => {
    const result = await search('Pyongyang')
    expect(result.total).toBe(2)
    expect(ids(result)).toEqual([a000, a004].sort())
    // Seed 004 names Pyongyang twice, seed 000 once.
    expect(result.rows[0]!.article.id).toBe(a004)
    expect(result.rows.map((r) => r.hits)).toEqual([2, 1])
    const snippet = result.rows[0]!.snippet!
    expect(snippet.field).toBe('text')
    const [s, e] = snippet.marks[0]!
    expect(snippet.text.slice(s, e)).toBe('Pyongyang')
    expect(result.warning).toBeUndefined()
  })

  it('finds the byline and the site, also by their field', async () => {
    await handlers['articles.update']({ id: a000, byline: 'Jane Doe', siteName: 'WION' })
    expect(ids(await search('by:doe'))).toEqual([a000])
    expect(ids(await search('site:wion'))).toEqual([a000])
    expect(ids(await search('doe'))).toEqual([a000])
    // The field holds: "doe" is not a site.
    expect((await search('site:doe')).total).toBe(0)
  })

  it('finds a highlight note as soon as it is created, with the note as the snippet', async () => {
    await highlight(a004, 'John Kirby', 'Cross-check with the zebrafinch channel')
    const result = await search('zebrafinch')
    expect(ids(result)).toEqual([a004])
    expect(result.rows[0]!.snippet).toMatchObject({
      field: 'note',
      text: 'Cross-check with the zebrafinch channel',
    })
    expect(result.rows[0]!.hits).toBe(0)
  })

  it('finds a tagged entity by its name and alias, in its field and as a plain word', async () => {
    const { article } = await handlers['articles.get']({ id: a000 })
    const start = article.text.indexOf('Wagner')
    await handlers['mentions.create']({
      articleId: a000,
      start,
      end: start + 'Wagner'.length,
      type: 'Organization',
      name: 'PMC Wagner',
    })
    expect(ids(await search('entity:wagner'))).toEqual([a000])
    expect(ids(await search('entity:"PMC Wagner"'))).toEqual([a000])
    expect(ids(await search('pmc'))).toEqual([a000])
    expect((await search('entity:kirby')).total).toBe(0)
  })

  it('follows renames, merges and deletions of entities, codes and cases into search and facets', async () => {
    async function tag(articleId: string, words: string, name: string) {
      const { article } = await handlers['articles.get']({ id: articleId })
      const start = article.text.indexOf(words)
      const { mention } = await handlers['mentions.create']({
        articleId,
        start,
        end: start + words.length,
        type: 'Location',
        name,
      })
      return mention.entityId!
    }
    const korea = await tag(a000, 'North Korea', 'North Korea')
    const dprk = await tag(a004, 'Pyongyang', 'DPRK capital')
    expect(ids(await search('entity:"DPRK capital"'))).toEqual([a004])

    await handlers['entities.update']({ id: korea, name: 'Democratic Korea' })
    expect(ids(await search('entity:democratic'))).toEqual([a000])
    expect((await search('entity:"North Korea"')).total).toBe(0)

    // Merged: both articles are found by the name kept and by the merged one, counted as one entity.
    await handlers['entities.merge']({ ids: [dprk], into: korea })
    expect(ids(await search('entity:democratic'))).toEqual([a000, a004].sort())
    expect(ids(await search('entity:"DPRK capital"'))).toEqual([a000, a004].sort())
    const merged = await search('', { filters: { entities: [korea] } })
    expect(ids(merged)).toEqual([a000, a004].sort())
    expect(merged.facets.entities).toEqual([{ value: korea, label: 'Democratic Korea', count: 2 }])
    expect(ids(await search('', { filters: { entities: [dprk] } }))).toEqual([a000, a004].sort())
    expect(merged.rows.find((r) => r.article.id === a004)!.article.entityCount).toBe(1)

    await handlers['entities.unmerge']({ ids: [dprk] })
    expect(ids(await search('entity:democratic'))).toEqual([a000])
    await handlers['entities.remove']({ id: korea })
    expect((await search('entity:democratic')).total).toBe(0)
    expect((await search('', { filters: { entities: [korea] } })).total).toBe(0)
    expect((await search('')).rows.find((r) => r.article.id === a000)!.article.entityCount).toBe(0)
    await handlers['entities.restore']({ id: korea })
    expect(ids(await search('entity:democratic'))).toEqual([a000])

    await highlight(a000, 'Kim Jong Un', 'Leader')
    const [code] = await handlers['codes.list']({})
    await handlers['codes.update']({ id: code!.id, name: 'Zyzzyva evidence' })
    expect(ids(await search('code:zyzzyva'))).toEqual([a000])
    const { id: caseId } = await handlers['cases.create']({ name: 'Arms flows' })
    await handlers['articles.label']({ ids: [a004], addCases: [caseId] })
    expect(ids(await search('case:arms'))).toEqual([a004])
    await handlers['cases.rename']({ id: caseId, name: 'Munitions' })
    expect(ids(await search('case:munitions'))).toEqual([a004])
    expect((await search('case:arms')).total).toBe(0)
  })

  it('indexes only the analyst’s fields again when only they changed, phrases kept in both', async () => {
    await highlight(a004, 'military equipment', 'Shipped by rail')
    expect(ids(await search('"shipped by rail"'))).toEqual([a004])
    const phrase = ids(await search('"military equipment"'))
    expect(phrase).toContain(a004)
    await highlight(a004, 'Kirby', 'Spokesman')
    expect(ids(await search('"shipped by rail"'))).toEqual([a004])
    expect(ids(await search('"military equipment"'))).toEqual(phrase)
    expect(ids(await search('spokesman'))).toEqual([a004])
    await handlers['articles.update']({ id: a004, title: 'Zyzzyva shipment' })
    expect(ids(await search('zyzzyva'))).toEqual([a004])
    expect(ids(await search('"shipped by rail"'))).toEqual([a004])
  })

  it('takes a quoted phrase as adjacent words, unquoted as words anywhere', async () => {
    // Both seeds have "military" and "weapons"; only seed 000 has them side by side.
    expect(ids(await search('military weapons'))).toEqual([a000, a004].sort())
    const phrase = await search('"military weapons"')
    expect(ids(phrase)).toEqual([a000])
    const [s, e] = phrase.rows[0]!.snippet!.marks[0]!
    expect(phrase.rows[0]!.snippet!.text.slice(s, e)).toBe('military weapons')
  })

  it('finds a phrase in one field, never made of the end of one field and the start of another', async () => {
    await handlers['articles.update']({ id: a000, title: 'Quokka military' })
    expect(ids(await search('"quokka military"'))).toEqual([a000])
    // "quokka military" is in the title and "military weapons" in the text: no field holds all three.
    expect(ids(await search('"quokka military weapons"'))).toEqual([])
    expect(ids(await search('title:"quokka military"'))).toEqual([a000])
    expect(ids(await search('title:"military weapons"'))).toEqual([])
  })

  it('leaves out what NOT or a minus excludes, and takes OR', async () => {
    expect(ids(await search('pyongyang -kirby'))).toEqual([a000])
    expect(ids(await search('pyongyang NOT kirby'))).toEqual([a000])
    expect(ids(await search('-kirby'))).toEqual([a000])
    expect(ids(await search('kirby OR wagner'))).toEqual([a000, a004].sort())
    expect(ids(await search('kirby AND wagner'))).toEqual([])
  })

  it('completes a prefix', async () => {
    expect(ids(await search('pyong*'))).toEqual([a000, a004].sort())
    expect(ids(await search('kirb*'))).toEqual([a004])
  })

  it('forgives a typo in a long word, ranking it below the word spelt right', async () => {
    const typo = await search('Pyongyng')
    expect(ids(typo)).toEqual([a000, a004].sort())
    const right = await search('Pyongyang')
    const score = (r: LibraryResult, id: string) => r.rows.find((row) => row.article.id === id)!.score!
    expect(score(typo, a004)).toBeLessThan(score(right, a004))
    // Short words are taken as typed.
    expect((await search('Kirbi')).total).toBe(1)
    expect((await search('Kim Jong Uj')).total).toBe(0)
  })

  it('leaves trimmed furniture out unless asked, in results and in hits', async () => {
    expect((await search('bollywood')).total).toBe(0)
    expect(ids(await search('bollywood', { includeTrimmed: true }))).toEqual([a000])
    const { article } = await handlers['articles.get']({ id: a000 })
    expect((await handlers['library.hits']({ articleId: a000, text: 'bollywood' })).ranges).toEqual([])
    const { ranges } = await handlers['library.hits']({
      articleId: a000,
      text: 'bollywood',
      includeTrimmed: true,
    })
    expect(ranges.map(([s, e]) => article.text.slice(s, e))).toEqual(['Bollywood'])
  })

  it('lists every hit of the words in the canonical text for the reader', async () => {
    const { article } = await handlers['articles.get']({ id: a004 })
    const { ranges } = await handlers['library.hits']({
      articleId: a004,
      text: 'pyongyang OR "military equipment" -russia kirb*',
    })
    const words = ranges.map(([s, e]) => article.text.slice(s, e))
    expect(words).toContain('Pyongyang')
    expect(words).toContain('military equipment')
    expect(words).toContain('Kirby')
    expect(words).not.toContain('Russia')
    // In order, whole words.
    expect(ranges).toEqual([...ranges].sort((a, b) => a[0] - b[0]))
    expect(words.every((w) => /^(pyongyang|military equipment|kirby)$/i.test(w))).toBe(true)
  })

  it('drops a removed article from the results and brings a restored one back', async () => {
    await handlers['articles.remove']({ id: a004 })
    expect(ids(await search('Pyongyang'))).toEqual([a000])
    expect((await search('kirby')).total).toBe(0)
    await handlers['articles.restore']({ id: a004 })
    expect(ids(await search('Pyongyang'))).toEqual([a000, a004].sort())
  })

  it('filters, and counts each facet with its own filter left out', async () => {
    await handlers['articles.update']({ id: a000, siteName: 'WION' })
    await handlers['articles.update']({ id: a004, siteName: 'Ansar Press' })
    await highlight(a000, 'Kim Jong Un', 'A note')
    const all = await search('pyongyang')
    expect(all.facets.sites).toEqual([
      { value: 'Ansar Press', label: 'Ansar Press', count: 1 },
      { value: 'WION', label: 'WION', count: 1 },
    ])
    expect(all.facets.hasHighlights).toBe(1)
    expect(all.facets.hasNotes).toBe(1)
    expect(all.facets.codes).toHaveLength(1)
    const code = all.facets.codes[0]!
    // With a filter every article passes, each facet counts the same as with none.
    const everySite = await search('pyongyang', { filters: { sites: ['WION', 'Ansar Press'] } })
    expect(everySite.facets).toEqual(all.facets)
    expect(ids(everySite)).toEqual(ids(all))
    const onlyWion = await search('pyongyang', { filters: { sites: ['WION'] } })
    expect(ids(onlyWion)).toEqual([a000])
    // The site facet still offers the other site; the others count only what passes.
    expect(onlyWion.facets.sites.map((s) => s.count)).toEqual([1, 1])
    expect(ids(await search('', { filters: { codes: [code.value] } }))).toEqual([a000])
    expect(ids(await search('', { filters: { hasHighlights: false } }))).toEqual([a004])
    expect(ids(await search('', { filters: { hasNotes: true } }))).toEqual([a000])
    expect(
      ids(await search('', { filters: { published: { from: '2023-06-13', to: '2023-06-13' } } })),
    ).toEqual([a000])
  })

  it('leaves the facets out when not asked for them, with the same rows and total', async () => {
    await highlight(a000, 'Kim Jong Un', 'A note')
    const faceted = await search('pyongyang')
    const bare = await search('pyongyang', { facets: false })
    expect(bare.rows).toEqual(faceted.rows)
    expect(bare.total).toBe(2)
    expect(bare.facets).toEqual({
      sites: [],
      codes: [],
      entities: [],
      languages: [],
      cases: [],
      tags: [],
      hasHighlights: 0,
      hasNotes: 0,
    })
    // Filters still apply.
    expect(ids(await search('pyongyang', { facets: false, filters: { hasNotes: true } }))).toEqual([a000])
  })

  it('sorts by relevance, or else by import, title, site, highlights, either way', async () => {
    await highlight(a000, 'Kim Jong Un')
    const titles = (r: LibraryResult) => r.rows.map((row) => row.article.id)
    expect(titles(await search(''))).toEqual([a004, a000])
    expect(titles(await search('', { sort: 'imported', order: 'asc' }))).toEqual([a000, a004])
    expect(titles(await search('', { sort: 'title' }))).toEqual([a004, a000])
    expect(titles(await search('', { sort: 'highlights' }))).toEqual([a000, a004])
    expect(titles(await search('', { sort: 'highlights', order: 'asc' }))).toEqual([a004, a000])
    expect(titles(await search('Pyongyang', { order: 'asc' }))).toEqual([a000, a004])
    const paged = await search('', { offset: 1, limit: 1 })
    expect(paged.total).toBe(2)
    expect(titles(paged)).toEqual([a000])
  })

  it('still searches a malformed query, saying what it ignored', async () => {
    const result = await search('"military weapons')
    expect(ids(result)).toEqual([a000, a004].sort())
    expect(result.warning).toMatch(/not closed/)
  })
})

describe('the index on disk', () => {
  /** Opens the workspace with an index the test can see. */
  async function reopen(): Promise<LibraryIndex> {
    await workspace.close()
    workspace = await Workspace.open(dir.path)
    const index = new LibraryIndex(workspace)
    handlers = { ...handlers, ...searchHandlers(index, workspace) }
    await index.settled()
    return index
  }

  it('is written on close and used at the next opening, re-reading only the articles changed since', async () => {
    await search('pyongyang')
    let index = await reopen()
    expect(index.lastOpening).toEqual({ loaded: true, indexed: 0, dropped: 0 })
    expect(ids(await search('kirby'))).toEqual([a004])
    // A change the index does not hear of: no index is open on the workspace.
    await workspace.close()
    workspace = await Workspace.open(dir.path)
    await workspace.updateArticle(a000, (article) => {
      article.title = 'Zyzzyva message'
    })
    index = await reopen()
    expect(index.lastOpening).toEqual({ loaded: true, indexed: 1, dropped: 0 })
    expect(ids(await search('zyzzyva'))).toEqual([a000])
  })

  it('answers phrases from the lists of pairs built at opening, and from the article for one changed since', async () => {
    await search('pyongyang')
    const index = await reopen()
    await index.phrasesReady()
    expect(ids(await search('"military weapons"'))).toEqual([a000])
    expect(ids(await search('"weapons military"'))).toEqual([])
    expect(ids(await search('"zyzzyva message"'))).toEqual([])
    await workspace.updateArticle(a000, (article) => {
      article.title = 'Zyzzyva message'
    })
    expect(ids(await search('"zyzzyva message"'))).toEqual([a000])
    expect(ids(await search('"zyzzyva message military"'))).toEqual([])
    expect(ids(await search('"military weapons"'))).toEqual([a000])
  })

  it('is quarantined when damaged, named in the problems, and built again from the articles', async () => {
    await search('pyongyang')
    await workspace.close()
    const path = searchIndexPath(dir.path)
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.slice(0, text.length / 2))
    workspace = await Workspace.open(dir.path)
    const index = new LibraryIndex(workspace)
    handlers = { ...handlers, ...searchHandlers(index, workspace) }
    await index.settled()
    expect(index.lastOpening).toMatchObject({ loaded: false, indexed: 2 })
    const problem = workspace.problems.find((p) => p.file === 'index/search.jsonl')!
    expect(problem.message).toMatch(/could not be read because .*built again from the articles/)
    expect((await readdir(join(dir.path, 'quarantine'))).some((f) => f.endsWith('search.jsonl'))).toBe(true)
    expect(ids(await search('Pyongyang'))).toEqual([a000, a004].sort())
    expect(ids(await search('kirby'))).toEqual([a004])
  })
})
