import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/services/dossier'
import { suggestionEngineOf } from '../../../src/main/services/entities/suggestion-engine'
import { Workspace } from '../../../src/main/services/store/workspace'
import type { EntityType } from '../../../src/shared/model'
import { SEED_000, SEED_004, seedsDir, tempDir } from '../../helpers'

type Handlers = ReturnType<typeof createHandlers>

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let handlers: Handlers

async function open() {
  workspace = await Workspace.open(dir.path)
  const printer = { print: async () => new Uint8Array(), close: async () => {} }
  handlers = createHandlers({ workspace, printer, host: 'browser', samplesDir: dir.path })
}

const settled = () => suggestionEngineOf(workspace)!.settled()

async function importFile(path: string): Promise<string> {
  const result = await handlers['import.upload']({ name: basename(path), data: await readFile(path) })
  return result.articleId!
}

async function importText(name: string, text: string): Promise<string> {
  const result = await handlers['import.upload']({ name, data: new TextEncoder().encode(text) })
  return result.articleId!
}

/** Where `words` stand as whole words in the article (the nth time). */
async function find(articleId: string, words: string, nth = 0) {
  const { article } = await handlers['articles.get']({ id: articleId })
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const all = [...article.text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))]
  const match = all[nth]
  if (!match) throw new Error(`"${words}" is not in the article`)
  return { start: match.index, end: match.index + words.length }
}

async function tag(articleId: string, words: string, type: EntityType, nth = 0) {
  const range = await find(articleId, words, nth)
  return handlers['mentions.create']({ articleId, ...range, type })
}

/** The article's mentions but the recogniser's (recogniser-suggestions.test.ts, proposals.test.ts). */
async function mentionsOf(articleId: string) {
  const { article } = await handlers['articles.get']({ id: articleId })
  return article.mentions
    .filter((m) => m.source !== 'recogniser')
    .map((m) => ({
      ...m,
      text: article.text.slice(m.target.position.start, m.target.position.end),
    }))
}

beforeEach(async () => {
  dir = await tempDir()
  await open()
})
afterEach(async () => {
  await settled()
  await workspace.close()
  await dir.remove()
})

describe('suggestions from what the analyst confirmed, on the seed articles', () => {
  it('find at least 90% of the forms of three confirmed entities, with no false suggestion', async () => {
    const truth = JSON.parse(await readFile(join(seedsDir, 'expected-entities.json'), 'utf8')) as {
      entities: { name: string; type: EntityType; forms: string[] }[]
    }
    const a = await importFile(SEED_000)
    const b = await importFile(SEED_004)
    const confirmed = new Map<string, string>()
    for (const name of ['Kim Jong Un', 'North Korea', 'Russia']) {
      const { type } = truth.entities.find((e) => e.name === name)!
      const { entity } = await tag(a, name, type)
      confirmed.set(entity.id, name)
    }
    await settled()

    const found = new Map<string, Set<string>>()
    const wrong: string[] = []
    let suggestions = 0
    for (const id of [a, b]) {
      for (const m of await mentionsOf(id)) {
        // Proposals of new entities are the recogniser's (recogniser-suggestions.test.ts).
        if (m.entityId === undefined) continue
        const name = confirmed.get(m.entityId)
        if (!name) throw new Error(`a mention of an entity no one confirmed: "${m.text}"`)
        const forms = truth.entities.find((e) => e.name === name)!.forms
        if (m.status === 'suggested') {
          suggestions++
          if (!forms.includes(m.text)) wrong.push(`"${m.text}" as ${name}`)
        }
        found.set(name, (found.get(name) ?? new Set()).add(m.text))
      }
    }
    const listed = [...confirmed.values()].flatMap((name) =>
      truth.entities.find((e) => e.name === name)!.forms.map((form) => ({ name, form })),
    )
    const covered = listed.filter(({ name, form }) => found.get(name)?.has(form))
    const missed = listed.filter((l) => !covered.includes(l)).map((l) => `${l.form} (${l.name})`)
    console.log(
      `seed suggestions: ${covered.length}/${listed.length} forms covered (${Math.round((100 * covered.length) / listed.length)}%), ${suggestions} suggestions, ${wrong.length} false${missed.length ? `; missed: ${missed.join(', ')}` : ''}${wrong.length ? `; false: ${wrong.join(', ')}` : ''}`,
    )
    expect(wrong).toEqual([])
    expect(covered.length / listed.length).toBeGreaterThanOrEqual(0.9)
  })
})

describe('tag all occurrences', () => {
  it('lists every occurrence of the name with its context, tags the chosen ones, and undoes it', async () => {
    const a = await importFile(SEED_000)
    const b = await importFile(SEED_004)
    const { entity } = await tag(a, 'Kim Jong Un', 'Person')
    const { occurrences, articles, truncated } = await handlers['entities.occurrences']({ id: entity.id })
    expect(truncated).toBe(false)
    // The first line of the seed is its title, outside the text.
    expect(occurrences.map((o) => o.text)).toEqual(['Kim Jong Un', 'Kim Jong Un'])
    expect(articles.map((r) => r.id)).toEqual([a])
    expect(occurrences.map((o) => o.taggedAs)).toEqual([entity.id, undefined])
    expect(occurrences[0]!.before).toMatch(/spokesperson after $/)
    expect(occurrences[0]!.after).toMatch(/^ vowed to bolster/)
    expect(occurrences[1]!.after).toMatch(/^ made the pledge/)

    const untagged = occurrences.filter((o) => !o.taggedAs)
    const { mentions } = await handlers['entities.tagOccurrences']({
      id: entity.id,
      occurrences: [...untagged, occurrences[0]!].map(({ articleId, start, end }) => ({
        articleId,
        start,
        end,
      })),
    })
    expect(mentions).toHaveLength(1)
    const confirmed = (await mentionsOf(a)).filter((m) => m.status === 'confirmed')
    expect(confirmed.map((m) => m.text)).toEqual(['Kim Jong Un', 'Kim Jong Un'])
    const again = await handlers['entities.occurrences']({ id: entity.id, articleId: a })
    expect(again.occurrences.every((o) => o.taggedAs === entity.id)).toBe(true)

    const { removed } = await handlers['mentions.removeMany']({
      items: mentions.map((m) => ({ articleId: m.articleId, id: m.mentionId })),
    })
    expect(removed).toBe(1)
    expect((await mentionsOf(a)).filter((m) => m.status === 'confirmed')).toHaveLength(1)
    expect(b).toBeTruthy()
  })

  it('tags a spot that holds a suggestion as confirmed, and the suggestion makes way', async () => {
    const a = await importFile(SEED_000)
    const { entity } = await tag(a, 'Kim Jong Un', 'Person')
    await settled()
    expect(
      (await mentionsOf(a)).filter((m) => m.status === 'suggested' && m.text === 'Kim Jong Un'),
    ).toHaveLength(1)
    const { occurrences } = await handlers['entities.occurrences']({ id: entity.id })
    const { mentions } = await handlers['entities.tagOccurrences']({
      id: entity.id,
      occurrences: occurrences
        .filter((o) => !o.taggedAs)
        .map(({ articleId, start, end }) => ({ articleId, start, end })),
    })
    const full = () => mentionsOf(a).then((list) => list.filter((m) => m.text === 'Kim Jong Un'))
    expect((await full()).map((m) => m.status)).toEqual(['confirmed', 'confirmed'])

    // Undone, the spot is suggested again, as it was before.
    await handlers['mentions.removeMany']({
      items: mentions.map((m) => ({ articleId: m.articleId, id: m.mentionId })),
    })
    await settled()
    expect((await full()).map((m) => m.status)).toEqual(['confirmed', 'suggested'])
  })
})

describe('suggested mentions', () => {
  it('are made for the end-to-end story: tag once, tag all, accept the typo', async () => {
    const a = await importFile(SEED_000)
    const { entity } = await tag(a, 'Kim Jong Un', 'Person')
    await settled()
    const list = await handlers['suggestions.list']({ articleId: a })
    expect(list[0]!.score).toBeGreaterThanOrEqual(list.at(-1)!.score)
    const typo = list.find((s) => s.text === 'Kin Jong Un')!
    expect(typo).toMatchObject({ entityId: entity.id, source: 'dictionary' })
    expect(typo.after).toMatch(/^ in message to Russian/)
    const { accepted } = await handlers['suggestions.accept']({
      items: [{ articleId: a, id: typo.mentionId }],
    })
    expect(accepted).toEqual([{ articleId: a, mentionId: typo.mentionId }])
    const kin = (await mentionsOf(a)).find((m) => m.text === 'Kin Jong Un')!
    expect(kin.status).toBe('confirmed')
    expect((await handlers['suggestions.list']({ articleId: a })).some((s) => s.text === 'Kin Jong Un')).toBe(
      false,
    )
  })

  it('are rejected for good at that spot, and a pass does not suggest them again', async () => {
    const a = await importFile(SEED_000)
    const { entity } = await tag(a, 'Kim Jong Un', 'Person')
    await settled()
    const kim = (await handlers['suggestions.list']({ articleId: a })).find((s) => s.text === 'Kim')!
    expect(await handlers['suggestions.reject']({ items: [{ articleId: a, id: kim.mentionId }] })).toEqual({
      rejected: 1,
    })
    await handlers['entities.update']({ id: entity.id, aliases: ['Kim Jong-un'] })
    await settled()
    const atKim = (await mentionsOf(a)).filter((m) => m.text === 'Kim')
    expect(atKim.map((m) => m.status)).toEqual(['rejected'])
  })

  it('are accepted all at once for one entity', async () => {
    const a = await importFile(SEED_000)
    const b = await importFile(SEED_004)
    const { entity } = await tag(a, 'North Korea', 'Location')
    await settled()
    const before = await handlers['suggestions.list']({ entityId: entity.id })
    expect(new Set(before.map((s) => s.articleId))).toEqual(new Set([a, b]))
    const { accepted } = await handlers['suggestions.accept']({ entityId: entity.id })
    expect(accepted).toHaveLength(before.length)
    expect(await handlers['suggestions.list']({ entityId: entity.id })).toEqual([])
    const forms = new Set((await mentionsOf(b)).filter((m) => m.status === 'confirmed').map((m) => m.text))
    expect(forms).toEqual(new Set(['North Korea', 'DPRK', 'Pyongyang']))
  })

  it('accepted or rejected become suggestions again on undo, and a tag made by hand never does', async () => {
    const a = await importFile(SEED_000)
    const b = await importFile(SEED_004)
    const { entity, mention: byHand } = await tag(a, 'North Korea', 'Location')
    await settled()
    const before = await handlers['suggestions.list']({ entityId: entity.id })
    const { accepted } = await handlers['suggestions.accept']({ entityId: entity.id })
    const items = [
      ...accepted.map((r) => ({ articleId: r.articleId, id: r.mentionId })),
      { articleId: a, id: byHand.id },
    ]
    expect(await handlers['suggestions.reopen']({ items, from: 'confirmed' })).toEqual({
      reopened: before.length,
    })
    expect(await handlers['suggestions.list']({ entityId: entity.id })).toHaveLength(before.length)
    expect((await mentionsOf(a)).find((m) => m.id === byHand.id)!.status).toBe('confirmed')

    const one = before.find((s) => s.articleId === b)!
    await handlers['suggestions.reject']({ items: [{ articleId: b, id: one.mentionId }] })
    expect(
      await handlers['suggestions.reopen']({
        items: [{ articleId: b, id: one.mentionId }],
        from: 'rejected',
      }),
    ).toEqual({ reopened: 1 })
    expect((await mentionsOf(b)).find((m) => m.id === one.mentionId)!.status).toBe('suggested')
  })

  it('of a form never to suggest are rejected now and not made again', async () => {
    const a = await importFile(SEED_000)
    const { entity } = await tag(a, 'Russia', 'Location')
    await settled()
    expect((await handlers['suggestions.list']({})).some((s) => s.text === 'Moscow')).toBe(true)
    const { rejected } = await handlers['suggestions.neverSuggest']({ form: 'moscow', entityId: entity.id })
    expect(rejected).toBe(2)
    expect((await handlers['suggestions.list']({})).some((s) => s.text === 'Moscow')).toBe(false)
    expect(workspace.neverSuggest).toEqual([{ form: 'moscow', entityId: entity.id }])
    const b = await importFile(SEED_004)
    expect((await mentionsOf(b)).filter((m) => m.text === 'Moscow')).toEqual([])
    expect((await mentionsOf(b)).some((m) => m.text === 'Russia' && m.status === 'suggested')).toBe(true)
  })

  it('of a form never to suggest are listed with their entity, and suggested again when allowed', async () => {
    const a = await importFile(SEED_000)
    const b = await importFile(SEED_004)
    const { entity } = await tag(a, 'Kim Jong Un', 'Person')
    await tag(a, 'Russia', 'Location')
    await settled()
    const typo = () =>
      mentionsOf(a).then((list) => list.filter((m) => m.text === 'Kin Jong Un').map((m) => m.status))
    expect(await typo()).toEqual(['suggested'])
    await handlers['suggestions.neverSuggest']({ form: 'Kin Jong Un', entityId: entity.id })
    await handlers['suggestions.neverSuggest']({ form: 'moscow' })
    expect(await handlers['suggestions.neverList']({})).toEqual([
      { form: 'kin jong un', written: 'Kin Jong Un', entityId: entity.id, entityName: 'Kim Jong Un' },
      { form: 'moscow', written: 'moscow' },
    ])
    expect(await typo()).toEqual(['rejected'])
    await settled()
    expect(await typo()).toEqual(['rejected'])

    // The list names the entity as it is now.
    await handlers['entities.update']({ id: entity.id, name: 'Kim Jong-un' })
    expect((await handlers['suggestions.neverList']({}))[0]!.entityName).toBe('Kim Jong-un')

    expect(await handlers['suggestions.allowAgain']({ form: 'Kin Jong Un', entityId: entity.id })).toEqual({
      restored: 1,
    })
    expect(await typo()).toEqual(['suggested'])
    expect(await handlers['suggestions.neverList']({})).toEqual([{ form: 'moscow', written: 'moscow' }])
    await settled()
    // The background pass keeps it, and Moscow, still on the list for any entity, stays unsuggested.
    expect(await typo()).toEqual(['suggested'])
    const moscow = [...(await mentionsOf(a)), ...(await mentionsOf(b))].filter((m) => m.text === 'Moscow')
    expect(moscow.every((m) => m.status === 'rejected')).toBe(true)

    await handlers['suggestions.allowAgain']({ form: 'Moscow' })
    await settled()
    const again = [...(await mentionsOf(a)), ...(await mentionsOf(b))].filter((m) => m.text === 'Moscow')
    expect(again.length).toBeGreaterThan(0)
    expect(again.every((m) => m.status === 'suggested')).toBe(true)
    expect(await handlers['suggestions.neverList']({})).toEqual([])
  })

  it('allowed again after a never-suggest made before the article came are found by the pass', async () => {
    const a = await importFile(SEED_000)
    const { entity } = await tag(a, 'Russia', 'Location')
    await handlers['suggestions.neverSuggest']({ form: 'Moscow', entityId: entity.id })
    await settled()
    const b = await importFile(SEED_004)
    expect((await mentionsOf(b)).filter((m) => m.text === 'Moscow')).toEqual([])
    await handlers['suggestions.allowAgain']({ form: 'Moscow', entityId: entity.id })
    await settled()
    const moscow = (await mentionsOf(b)).filter((m) => m.text === 'Moscow')
    expect(moscow.length).toBeGreaterThan(0)
    expect(moscow.map((m) => [m.status, m.entityId])).toEqual(moscow.map(() => ['suggested', entity.id]))
  })

  it('cannot be allowed again when the form is not on the list', async () => {
    await expect(handlers['suggestions.allowAgain']({ form: 'Pyongyang' })).rejects.toThrow(
      '"Pyongyang" is not on the list of forms never suggested.',
    )
  })

  it('are made as a new article is imported, once an entity is confirmed', async () => {
    const a = await importFile(SEED_000)
    const { entity } = await tag(a, 'Kim Jong Un', 'Person')
    await settled()
    const b = await importText(
      'later.txt',
      'Kim Jong-un visits Vladivostok\n\nKim Jong-un arrived by train. Kim met officials; Kim Yo Jong stayed home.\n',
    )
    const suggested = (await mentionsOf(b)).filter((m) => m.status === 'suggested')
    expect(suggested.map((m) => [m.text, m.entityId, m.source])).toEqual([
      ['Kim Jong-un', entity.id, 'dictionary'],
      ['Kim Jong-un', entity.id, 'dictionary'],
      ['Kim', entity.id, 'dictionary'],
    ])
  })

  it('follow a rename: those of the old name go, those of the new one come', async () => {
    const a = await importFile(SEED_000)
    const { entity } = await tag(a, 'Russia', 'Location')
    await settled()
    await handlers['entities.update']({ id: entity.id, name: 'Russian Federation', aliases: [] })
    await settled()
    const suggested = (await mentionsOf(a)).filter((m) => m.status === 'suggested')
    // "Russia" is still the country's name in the table of countries; Moscow still its capital.
    expect(new Set(suggested.map((m) => m.text))).toEqual(new Set(['Russia', 'Moscow']))
    expect(suggested.find((m) => m.text === 'Russia')!.score).toBe(0.8)
  })
})

describe('the type offered for a new tag', () => {
  it('comes from what the name is known as', async () => {
    const a = await importFile(SEED_000)
    const { entity: kim } = await tag(a, 'Kim Jong Un', 'Person')
    const { entity: korea } = await tag(a, 'North Korea', 'Location')
    expect(await handlers['entities.typeFor']({ name: 'kim jong un' })).toEqual({
      type: 'Person',
      entityId: kim.id,
    })
    expect(await handlers['entities.typeFor']({ name: 'Kin Jong Un' })).toEqual({
      type: 'Person',
      entityId: kim.id,
    })
    expect(await handlers['entities.typeFor']({ name: 'DPRK' })).toEqual({
      type: 'Location',
      entityId: korea.id,
    })
    expect(await handlers['entities.typeFor']({ name: "North Korea's" })).toEqual({
      type: 'Location',
      entityId: korea.id,
    })
    expect(await handlers['entities.typeFor']({ name: 'Kim' })).toEqual({ type: 'Person' })
    expect(await handlers['entities.typeFor']({ name: 'Vladivostok' })).toEqual({})
  })
})
