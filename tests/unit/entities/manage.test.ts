// Entity management as the analyst does it: merge (and undo), split an alias off (and merge it back),
// delete and restore, rename, retype, aliases, notes and types of the analyst's own.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ENTITY_INDEX_FILE } from '../../../src/main/services/entities/mention-index'
import { INDEX_FILE } from '../../../src/main/services/store/workspace'
import { WorkspaceIndex } from '../../../src/shared/model'
import { HighlightQuery } from '../../../src/shared/highlight-search'
import { openFixture, type Fixture } from './entity-fixture'

let f: Fixture

beforeEach(async () => {
  f = await openFixture()
})
afterEach(async () => {
  await f.close()
})

/** Kim tagged three ways: "Kim Jong Un" (2×) and the typo "Kin Jong Un" in 000, "Kim Jong-un" in 004. */
async function threeKims() {
  const kim = await f.tagAll(f.a, 'Kim Jong Un', 'Person')
  const typo = (await f.tag(f.a, 'Kin Jong Un', 'Person', { name: 'Kin Jong Un' })).entityId
  const hyphen = (await f.tag(f.b, 'Kim Jong-un', 'Person')).entityId
  return { kim, typo, hyphen }
}

/** The confirmed mentions: the suggesters add suggested ones of their own as the analyst tags. */
const confirmed = async (articleId: string) =>
  (await f.handlers['articles.get']({ id: articleId })).article.mentions.filter(
    (m) => m.status === 'confirmed',
  )
const mentionsOf = async (articleId: string, entityId: string) =>
  (await confirmed(articleId)).filter((m) => m.entityId === entityId)

const rowOf = async (id: string) =>
  (await f.handlers['entities.index']({ limit: 10_000 })).rows.find((r) => r.entity.id === id)

describe('merge', () => {
  it('combines aliases, shows every mention under the entity kept, and sums the counts', async () => {
    const { kim, typo, hyphen } = await threeKims()
    expect(new Set([kim, typo, hyphen]).size).toBe(3)
    const before = (await mentionsOf(f.a, kim)).length
    expect(before).toBe(2)

    const { entity, merged } = await f.handlers['entities.merge']({ ids: [typo, hyphen], into: kim })
    expect(entity.id).toBe(kim)
    expect(entity.aliases).toEqual(expect.arrayContaining(['Kin Jong Un', 'Kim Jong-un']))
    expect(merged.map((e) => e.id).sort()).toEqual([typo, hyphen].sort())

    // articles.get: the typo's and the hyphen's mentions are now Kim's, and only Kim is listed.
    const viewA = await f.handlers['articles.get']({ id: f.a })
    expect((await mentionsOf(f.a, kim)).length).toBe(3)
    expect(viewA.article.mentions.some((m) => m.entityId === typo || m.entityId === hyphen)).toBe(false)
    expect(viewA.entities.map((e) => e.id)).toEqual([kim])
    expect((await mentionsOf(f.b, kim)).length).toBe(1)

    const list = await f.handlers['entities.list']({})
    expect(list.map((e) => e.id)).toEqual([kim])
    expect(list[0]!.aliases).toEqual(expect.arrayContaining(['Kin Jong Un', 'Kim Jong-un']))

    const row = await rowOf(kim)
    expect(row).toMatchObject({ mentions: 4, articles: 2 })
    expect(await rowOf(typo)).toBeUndefined()
  })

  it('is undone by unmerge exactly: names, aliases and mentions as they were', async () => {
    const { kim, typo, hyphen } = await threeKims()
    await f.handlers['entities.update']({ id: kim, aliases: ['Kim'] })
    const listBefore = await f.handlers['entities.list']({})
    await f.handlers['entities.merge']({ ids: [typo, hyphen], into: kim })
    const back = await f.handlers['entities.unmerge']({ ids: [typo, hyphen] })
    expect(back.map((e) => e.id).sort()).toEqual([typo, hyphen].sort())
    const listAfter = await f.handlers['entities.list']({})
    expect(listAfter).toEqual(listBefore)
    expect((await mentionsOf(f.a, kim)).length).toBe(2)
    expect((await mentionsOf(f.a, typo)).length).toBe(1)
    expect((await mentionsOf(f.b, hyphen)).length).toBe(1)
    expect(await rowOf(kim)).toMatchObject({ mentions: 2, articles: 1 })
  })

  it('unmerging the middle of a chain brings back what was merged into it', async () => {
    const { kim, typo, hyphen } = await threeKims()
    await f.handlers['entities.merge']({ ids: [typo], into: hyphen })
    await f.handlers['entities.merge']({ ids: [hyphen], into: kim })
    expect((await mentionsOf(f.a, kim)).length).toBe(3)
    await f.handlers['entities.unmerge']({ ids: [hyphen] })
    expect((await mentionsOf(f.a, hyphen)).length).toBe(1)
    expect((await mentionsOf(f.a, kim)).length).toBe(2)
  })

  it('is one write of the entity list: reopened without any article written since, it is still merged', async () => {
    const { kim, typo, hyphen } = await threeKims()
    // Fold the logs into the files and let every pending write land, so what follows writes only the list.
    await f.reopen()
    const articleFiles = async () =>
      Promise.all([f.a, f.b].map((id) => readFile(join(f.dir.path, 'articles', `${id}.json`), 'utf8')))
    const filesBefore = await articleFiles()
    await f.handlers['entities.merge']({ ids: [typo, hyphen], into: kim })
    // On disk right after the call: the list says merged, no article file changed.
    const index = WorkspaceIndex.parse(JSON.parse(await readFile(join(f.dir.path, INDEX_FILE), 'utf8')))
    expect(index.entities.find((e) => e.id === typo)?.mergedInto).toBe(kim)
    expect(await articleFiles()).toEqual(filesBefore)

    await f.reopen()
    expect((await f.handlers['entities.list']({})).map((e) => e.id)).toEqual([kim])
    expect((await mentionsOf(f.b, kim)).length).toBe(1)
    expect(await rowOf(kim)).toMatchObject({ mentions: 4, articles: 2 })
  })

  it('refuses to merge an entity into itself alone, or into a merged one', async () => {
    const { kim, typo } = await threeKims()
    await expect(f.handlers['entities.merge']({ ids: [kim], into: kim })).rejects.toThrow(
      /at least one other/,
    )
    await f.handlers['entities.merge']({ ids: [typo], into: kim })
    await expect(f.handlers['entities.merge']({ ids: [kim], into: typo })).rejects.toThrow(/no longer exists/)
  })

  it('finds the merged entity’s highlights under the entity kept', async () => {
    const { kim, typo } = await threeKims()
    const text = (await f.handlers['articles.get']({ id: f.a })).article.text
    const start = text.indexOf('North Korean leader Kin Jong Un')
    const { highlight } = await f.handlers['highlights.create']({
      articleId: f.a,
      start,
      end: start + 'North Korean leader Kin Jong Un in message'.length,
      note: '',
    })
    await f.handlers['entities.merge']({ ids: [typo], into: kim })
    const found = await f.handlers['highlights.search'](HighlightQuery.parse({ entityId: kim }))
    expect(found.rows.map((r) => r.highlight.id)).toEqual([highlight.id])
    expect(found.rows[0]!.entityIds).toEqual([kim])
  })

  it('tags new mentions of a merged name as the entity kept', async () => {
    const { kim, typo } = await threeKims()
    await f.handlers['entities.merge']({ ids: [typo], into: kim })
    // Typed as the merged entity's name, and picked by the merged entity's id (a stale picker).
    const byName = await f.tag(f.b, 'Kim Jong-un', 'Person', { name: 'Kin Jong Un' })
    expect(byName.entityId).toBe(kim)
    const byId = await f.tag(f.a, 'Kim', 'Person', { nth: 2, entityId: typo })
    expect(byId.entityId).toBe(kim)
  })
})

describe('split', () => {
  it('moves the mentions written as the alias to a new entity and keeps the others', async () => {
    const kim = await f.tagAll(f.a, 'Kim Jong Un', 'Person')
    await f.tag(f.a, 'Kin Jong Un', 'Person', { entityId: kim })
    await f.tag(f.b, 'Kim Jong-un', 'Person', { entityId: kim })
    const list = await f.handlers['entities.list']({})
    expect(list.find((e) => e.id === kim)!.aliases.sort()).toEqual(['Kim Jong-un', 'Kin Jong Un'])

    const { entity, split, moved } = await f.handlers['entities.split']({ id: kim, alias: 'kin  jong un' })
    expect(moved).toBe(1)
    expect(split).toMatchObject({ name: 'Kin Jong Un', type: 'Person', aliases: [] })
    expect(entity.aliases).toEqual(['Kim Jong-un'])
    expect((await mentionsOf(f.a, kim)).length).toBe(2)
    const moved1 = await mentionsOf(f.a, split.id)
    expect(moved1.map((m) => m.target.quote.exact)).toEqual(['Kin Jong Un'])
    expect((await mentionsOf(f.b, kim)).length).toBe(1)

    // Survives reopening (the re-pointed mentions are in the logs, the entity in the list).
    await f.reopen()
    expect((await mentionsOf(f.a, split.id)).length).toBe(1)
    expect(await rowOf(split.id)).toMatchObject({ mentions: 1, articles: 1 })
    expect(await rowOf(kim)).toMatchObject({ mentions: 3, articles: 2 })
  })

  it('is undone by merging the split entity back', async () => {
    const kim = await f.tagAll(f.a, 'Kim Jong Un', 'Person')
    await f.tag(f.a, 'Kin Jong Un', 'Person', { entityId: kim })
    const { split } = await f.handlers['entities.split']({ id: kim, alias: 'Kin Jong Un', type: 'Other' })
    expect(split.type).toBe('Other')
    await f.handlers['entities.merge']({ ids: [split.id], into: kim })
    expect((await mentionsOf(f.a, kim)).length).toBe(3)
    expect((await f.handlers['entities.list']({})).find((e) => e.id === kim)!.aliases).toEqual([
      'Kin Jong Un',
    ])
    expect(await rowOf(kim)).toMatchObject({ mentions: 3 })
  })

  it('splitting off a merged entity\u2019s name undoes that merge', async () => {
    const kim = await f.tagAll(f.a, 'Kim Jong Un', 'Person')
    const hyphen = (await f.tag(f.b, 'Kim Jong-un', 'Person')).entityId
    await f.handlers['entities.merge']({ ids: [hyphen], into: kim })
    const { split, entity } = await f.handlers['entities.split']({ id: kim, alias: 'Kim Jong-un' })
    expect(split.id).toBe(hyphen)
    expect(entity.aliases).toEqual([])
    expect((await mentionsOf(f.b, hyphen)).length).toBe(1)
  })

  it('refuses the entity\u2019s own name and a form it does not have', async () => {
    const kim = await f.tagAll(f.a, 'Kim Jong Un', 'Person')
    await expect(f.handlers['entities.split']({ id: kim, alias: 'kim jong un' })).rejects.toThrow(/rename/)
    await expect(f.handlers['entities.split']({ id: kim, alias: 'Putin' })).rejects.toThrow(/not an alias/)
  })
})

describe('remove and restore', () => {
  it('hides the entity and its mentions until restored', async () => {
    const kim = await f.tagAll(f.a, 'Kim Jong Un', 'Person')
    const putin = (await f.tag(f.a, 'Vladimir Putin', 'Person')).entityId
    await f.handlers['entities.remove']({ id: kim })
    const view = await f.handlers['articles.get']({ id: f.a })
    expect(view.article.mentions.some((m) => m.entityId === kim)).toBe(false)
    expect((await confirmed(f.a)).map((m) => m.entityId)).toEqual([putin])
    expect(view.entities.map((e) => e.id)).toEqual([putin])
    expect((await f.handlers['entities.list']({})).map((e) => e.id)).toEqual([putin])
    expect(await rowOf(kim)).toBeUndefined()
    // A name of a deleted entity makes a new entity, not a tag on the deleted one.
    const again = await f.tag(f.b, 'Kim Jong-un', 'Person', { name: 'Kim Jong Un' })
    expect(again.entityId).not.toBe(kim)

    await f.reopen()
    expect(await rowOf(kim)).toBeUndefined()
    const restored = await f.handlers['entities.restore']({ id: kim })
    expect(restored.removedAt).toBeUndefined()
    expect((await mentionsOf(f.a, kim)).length).toBe(2)
    expect(await rowOf(kim)).toMatchObject({ mentions: 2 })
  })
})

describe('update and types', () => {
  it('renames, retypes, sets aliases and notes, and refuses a name its type already has', async () => {
    const kim = await f.tagAll(f.a, 'Kim Jong Un', 'Person')
    const putin = (await f.tag(f.a, 'Vladimir Putin', 'Person')).entityId
    const renamed = await f.handlers['entities.update']({
      id: kim,
      name: '  Kim   Jong-un ',
      aliases: ['Kim Jong Un', 'Kim', 'kim', 'Kim Jong-un'],
      notes: 'Chairman of the WPK.',
    })
    expect(renamed).toMatchObject({
      name: 'Kim Jong-un',
      aliases: ['Kim Jong Un', 'Kim'],
      notes: 'Chairman of the WPK.',
    })
    await expect(f.handlers['entities.update']({ id: putin, name: 'kim jong-un' })).rejects.toThrow(
      /already a Person named "Kim Jong-un"/,
    )
    // Nothing changed by the refused update.
    expect((await f.handlers['entities.list']({})).find((e) => e.id === putin)!.name).toBe('Vladimir Putin')
    // Another type may share the name.
    const org = await f.handlers['entities.update']({ id: putin, name: 'Kim Jong-un', type: 'Organization' })
    expect(org.type).toBe('Organization')
    // Undo = update with the previous values.
    const back = await f.handlers['entities.update']({ id: putin, name: 'Vladimir Putin', type: 'Person' })
    expect(back).toMatchObject({ name: 'Vladimir Putin', type: 'Person' })
  })

  it('creates and edits types of the analyst\u2019s own, and gives entities one', async () => {
    const kim = await f.tagAll(f.a, 'Kim Jong Un', 'Person')
    const unit = await f.handlers['entityTypes.create']({ name: 'Military unit', color: '#AA3300' })
    expect(unit).toMatchObject({ name: 'Military unit', color: '#aa3300' })
    await expect(
      f.handlers['entityTypes.create']({ name: 'military  UNIT', color: '#000000' }),
    ).rejects.toThrow(/already a type/)
    await expect(f.handlers['entityTypes.create']({ name: 'person', color: '#000000' })).rejects.toThrow(
      /built-in/,
    )
    const edited = await f.handlers['entityTypes.update']({ id: unit.id, name: 'Unit', color: '#112233' })
    expect(edited).toMatchObject({ id: unit.id, name: 'Unit', color: '#112233' })

    const typed = await f.handlers['entities.update']({ id: kim, customType: unit.id })
    expect(typed).toMatchObject({ type: 'Other', customType: unit.id })
    const index = await f.handlers['entities.index']({ customTypes: [unit.id] })
    expect(index.rows.map((r) => r.entity.id)).toEqual([kim])
    expect(index.rows[0]!.customType).toMatchObject({ name: 'Unit' })
    await expect(f.handlers['entities.update']({ id: kim, customType: 'nosuchtype' })).rejects.toThrow(
      /no longer exists/,
    )
    const plain = await f.handlers['entities.update']({ id: kim, type: 'Person' })
    expect(plain.customType).toBeUndefined()

    await f.reopen()
    expect(await f.handlers['entityTypes.list']({})).toEqual([edited])
  })

  it('writes the mention index beside the workspace index (derived data)', async () => {
    await f.tagAll(f.a, 'Kim Jong Un', 'Person')
    await f.handlers['entities.index']({})
    await f.reopen()
    // Closing never waits for the index file; asking again rebuilds or reuses it, with the same counts.
    const again = await f.handlers['entities.index']({})
    expect(again.rows[0]).toMatchObject({ mentions: 2 })
    expect(ENTITY_INDEX_FILE).toMatch(/^index/)
  })
})
