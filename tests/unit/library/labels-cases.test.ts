import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEED_000, SEED_004 } from '../../helpers'
import { useLibrary } from './library-fixture'

const lib = useLibrary()

async function articleFile(id: string) {
  return JSON.parse(await readFile(join(lib.dir, 'articles', `${id}.json`), 'utf8'))
}

describe('labelling articles with cases and tags', () => {
  it('adds and removes cases and tags on many articles, and the rows show them', async () => {
    const a = await lib.importFile(SEED_000)
    const b = await lib.importFile(SEED_004)
    const korea = await lib.handlers['cases.create']({ name: 'Korea arms' })
    const rows = await lib.handlers['articles.label']({
      ids: [a, b],
      addCases: [korea.id],
      addTags: ['  Shipments ', 'shipments', 'DPRK'],
    })
    expect(rows.map((r) => r.id)).toEqual([a, b])
    for (const row of rows) {
      expect(row.cases).toEqual([korea.id])
      expect(row.tags).toEqual(expect.arrayContaining(['Shipments', 'DPRK']))
      expect(row.tags!.filter((t) => t.toLowerCase() === 'shipments')).toHaveLength(1)
    }
    // Compared without regard to case, kept as first written.
    const again = await lib.handlers['articles.label']({ ids: [a], addTags: ['SHIPMENTS'] })
    expect(again[0]!.tags!.filter((t) => t.toLowerCase() === 'shipments')).toEqual(['Shipments'])

    const after = await lib.handlers['articles.label']({
      ids: [a],
      removeTags: ['dprk'],
      removeCases: [korea.id],
    })
    expect(after[0]!.tags).not.toContain('DPRK')
    expect(after[0]!.cases ?? []).toEqual([])
    expect(lib.workspace.summary(b)!.cases).toEqual([korea.id])

    // In the article files, and so after a restart.
    expect((await articleFile(b)).cases).toEqual([korea.id])
    await lib.reopen()
    expect(lib.workspace.summary(b)!.tags).toEqual(expect.arrayContaining(['Shipments', 'DPRK']))
    expect(lib.workspace.summary(a)!.cases ?? []).toEqual([])
  })

  it('refuses a case that does not exist, and changes nothing', async () => {
    const a = await lib.importFile(SEED_000)
    const before = await articleFile(a)
    await expect(
      lib.handlers['articles.label']({ ids: [a], addCases: ['nosuchcase'], addTags: ['x'] }),
    ).rejects.toMatchObject({ code: 'not-found' })
    expect(await articleFile(a)).toEqual(before)
  })

  it('does not rewrite an article whose labels are already as asked', async () => {
    const a = await lib.importFile(SEED_000)
    await lib.handlers['articles.label']({ ids: [a], addTags: ['Korea'] })
    const savedAt = lib.workspace.summary(a)!.savedAt
    await lib.handlers['articles.label']({ ids: [a], addTags: ['korea'] })
    expect(lib.workspace.summary(a)!.savedAt).toBe(savedAt)
  })
})

describe('cases', () => {
  it('creates, lists and renames cases, names unique without regard to case', async () => {
    const one = await lib.handlers['cases.create']({ name: 'Korea arms' })
    await lib.handlers['cases.create']({ name: 'Black Sea' })
    await expect(lib.handlers['cases.create']({ name: 'korea ARMS ' })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('already a case named "Korea arms"'),
    })
    await expect(lib.handlers['cases.rename']({ id: one.id, name: 'black sea' })).rejects.toMatchObject({
      code: 'invalid-argument',
    })
    // A change of case of its own name is a rename.
    expect(await lib.handlers['cases.rename']({ id: one.id, name: 'Korea Arms' })).toMatchObject({
      id: one.id,
      name: 'Korea Arms',
    })
    await expect(lib.handlers['cases.rename']({ id: 'nosuchcase', name: 'x' })).rejects.toMatchObject({
      code: 'not-found',
    })
    expect((await lib.handlers['cases.list']({})).map((c) => c.name)).toEqual(['Black Sea', 'Korea Arms'])
    await lib.reopen()
    expect((await lib.handlers['cases.list']({})).map((c) => c.name)).toEqual(['Black Sea', 'Korea Arms'])
  })

  it('removes a case: its articles stay in the library, out of the case', async () => {
    const a = await lib.importFile(SEED_000)
    const b = await lib.importFile(SEED_004)
    const korea = await lib.handlers['cases.create']({ name: 'Korea arms' })
    const other = await lib.handlers['cases.create']({ name: 'Other' })
    await lib.handlers['articles.label']({ ids: [a, b], addCases: [korea.id] })
    await lib.handlers['articles.label']({ ids: [b], addCases: [other.id] })
    const { articles } = await lib.handlers['cases.remove']({ id: korea.id })
    expect(articles.map((r) => r.id).sort()).toEqual([a, b].sort())
    expect(lib.workspace.summary(a)!.cases ?? []).toEqual([])
    expect(lib.workspace.summary(b)!.cases).toEqual([other.id])
    expect((await lib.handlers['cases.list']({})).map((c) => c.id)).toEqual([other.id])
    await lib.reopen()
    expect((await lib.handlers['cases.list']({})).map((c) => c.id)).toEqual([other.id])
    expect((await articleFile(a)).cases).toBeUndefined()
  })

  it('keeps the cases when dossier.json is lost and rebuilt', async () => {
    const a = await lib.importFile(SEED_000)
    const korea = await lib.handlers['cases.create']({ name: 'Korea arms' })
    const other = await lib.handlers['cases.create']({ name: 'Made after the backup' })
    await lib.handlers['articles.label']({ ids: [a], addCases: [korea.id] })
    // Opening backs up the index as it read it, with the first two cases.
    await lib.reopen()
    await lib.handlers['articles.label']({ ids: [a], addCases: [other.id] })
    await lib.handlers['cases.rename']({ id: other.id, name: 'Renamed after the backup' })
    await lib.workspace.close()
    const { rm } = await import('node:fs/promises')
    await rm(join(lib.dir, 'dossier.json'))
    await lib.reopen()
    expect(lib.workspace.summary(a)!.cases).toEqual([korea.id, other.id])
    const cases = await lib.handlers['cases.list']({})
    expect(cases.map((c) => c.name).sort()).toEqual(['Korea arms', 'Made after the backup'])
  })
})
