import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/services/dossier'
import { suggestionEngineOf } from '../../../src/main/services/entities/suggestion-engine'
import { Workspace } from '../../../src/main/services/store/workspace'
import type { Mention } from '../../../src/shared/model'
import { SEED_000, tempDir } from '../../helpers'

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

async function importSeed(): Promise<string> {
  const result = await handlers['import.upload']({ name: basename(SEED_000), data: await readFile(SEED_000) })
  return result.articleId!
}

async function mentions(articleId: string): Promise<(Mention & { text: string })[]> {
  const { article } = await handlers['articles.get']({ id: articleId })
  return article.mentions.map((m) => ({
    ...m,
    text: article.text.slice(m.target.position.start, m.target.position.end),
  }))
}

/** The proposals of the article that read `text`. */
async function proposalsOf(articleId: string, text: string) {
  return (await mentions(articleId)).filter((m) => m.proposed && !m.entityId && m.text === text)
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

describe('suggestions that propose a new entity', () => {
  it('are made at import with nothing confirmed, listed with source and score, and counted nowhere', async () => {
    const a = await importSeed()
    const kim = await proposalsOf(a, 'Kim Jong Un')
    expect(kim.length).toBeGreaterThan(0)
    expect(kim[0]).toMatchObject({ status: 'suggested', source: 'recogniser', proposed: { type: 'Person' } })
    const listed = await handlers['suggestions.list']({ articleId: a })
    const row = listed.find((s) => s.mentionId === kim[0]!.id)!
    expect(row).toMatchObject({ proposed: { name: 'Kim Jong Un', type: 'Person' }, source: 'recogniser' })
    expect(row.entityId).toBeUndefined()
    expect(row.score).toBeGreaterThan(0)
    expect(await handlers['entities.list']({})).toEqual([])
    const index = await handlers['entities.index']({})
    expect(index.rows).toEqual([])
  })

  it('accepted, make the entity and confirm the mention, both on disk when the workspace opens again', async () => {
    const a = await importSeed()
    const [kim] = await proposalsOf(a, 'Kim Jong Un')
    const { accepted, created } = await handlers['suggestions.accept']({
      items: [{ articleId: a, id: kim!.id }],
    })
    expect(accepted).toEqual([{ articleId: a, mentionId: kim!.id }])
    expect(created).toHaveLength(1)
    await settled()
    await workspace.close()
    await open()
    const entities = await handlers['entities.list']({})
    expect(entities.map((e) => [e.id, e.name, e.type])).toEqual([[created[0], 'Kim Jong Un', 'Person']])
    const mention = (await mentions(a)).find((m) => m.id === kim!.id)!
    expect(mention).toMatchObject({ status: 'confirmed', entityId: created[0] })
  })

  it('accepted, reuse the live entity of that name and type made meanwhile', async () => {
    const a = await importSeed()
    const [kim] = await proposalsOf(a, 'Kim Jong Un')
    const made = { id: 'kimjongun01', name: 'Kim Jong-un', type: 'Person' as const, aliases: ['Kim Jong Un'] }
    await workspace.addEntity({ ...made, notes: '', createdAt: new Date().toISOString() })
    const { created } = await handlers['suggestions.accept']({ items: [{ articleId: a, id: kim!.id }] })
    expect(created).toEqual([])
    expect((await mentions(a)).find((m) => m.id === kim!.id)).toMatchObject({ entityId: made.id })
    expect((await handlers['entities.list']({})).map((e) => e.id)).toEqual([made.id])
  })

  it('accepted all at once by name and type, make one entity for them all', async () => {
    const a = await importSeed()
    const all = (await mentions(a)).filter((m) => m.proposed?.name === 'North Korea' && !m.entityId)
    expect(all.length).toBeGreaterThan(1)
    const { accepted, created } = await handlers['suggestions.accept']({
      proposed: { name: 'North Korea', type: all[0]!.proposed!.type },
    })
    expect(accepted).toHaveLength(all.length)
    expect(created).toHaveLength(1)
    const now = await mentions(a)
    for (const m of all) expect(now.find((n) => n.id === m.id)).toMatchObject({ entityId: created[0] })
  })

  it('rejected, stay rejected through the next pass and make no entity', async () => {
    const a = await importSeed()
    const [kim] = await proposalsOf(a, 'Kim Jong Un')
    expect(await handlers['suggestions.reject']({ items: [{ articleId: a, id: kim!.id }] })).toEqual({
      rejected: 1,
    })
    suggestionEngineOf(workspace)!.requestPass()
    await settled()
    const now = (await mentions(a)).filter((m) => m.target.position.start === kim!.target.position.start)
    expect(now.map((m) => m.status)).toEqual(['rejected'])
    expect(await handlers['entities.list']({})).toEqual([])
  })

  it('of a form never to suggest, are all rejected and not proposed again', async () => {
    const a = await importSeed()
    const before = await proposalsOf(a, 'North Korea')
    expect(before.length).toBeGreaterThan(0)
    const { rejected } = await handlers['suggestions.neverSuggest']({ form: 'North Korea' })
    expect(rejected).toBe(before.length)
    suggestionEngineOf(workspace)!.requestPass()
    await settled()
    expect((await mentions(a)).filter((m) => m.text === 'North Korea').map((m) => m.status)).toEqual(
      before.map(() => 'rejected'),
    )
  })

  it('accepted then undone, propose the entity again and the entity made goes', async () => {
    const a = await importSeed()
    const [kim] = await proposalsOf(a, 'Kim Jong Un')
    const items = [{ articleId: a, id: kim!.id }]
    const { created } = await handlers['suggestions.accept']({ items })
    // The undo the app runs (review-suggestions.ts): the mention back to a suggestion, the entity removed.
    await handlers['suggestions.reopen']({ items, from: 'confirmed' })
    await handlers['entities.remove']({ id: created[0]! })
    await settled()
    const [again] = await proposalsOf(a, 'Kim Jong Un')
    expect(again).toMatchObject({ id: kim!.id, status: 'suggested', proposed: { name: 'Kim Jong Un' } })
    expect((await handlers['entities.index']({})).rows).toEqual([])
  })
})
