import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEED_000, SEED_004 } from '../../helpers'
import { useLibrary } from './library-fixture'

const lib = useLibrary()

const NEW_FIELDS = ['byline', 'language', 'originalType', 'originalSize', 'tags', 'cases', 'noteCount']

describe('the library rows', () => {
  it('carry the original, tags, cases and notes, and the note count follows each highlight change', async () => {
    const a = await lib.importFile(SEED_000)
    expect(lib.workspace.summary(a)).toMatchObject({ originalType: 'text/plain', noteCount: 0, tags: [] })
    expect(lib.workspace.summary(a)!.originalSize).toBeGreaterThan(3000)
    const id = await lib.highlight(a, 'Kim Jong Un')
    const { summary } = await lib.handlers['highlights.update']({ articleId: a, id, note: 'the leader' })
    expect(summary.noteCount).toBe(1)
    const cleared = await lib.handlers['highlights.update']({ articleId: a, id, note: '  ' })
    expect(cleared.summary.noteCount).toBe(0)
  })

  it('of a workspace from before these fields opens, and are filled in from the article files', async () => {
    const a = await lib.importFile(SEED_000)
    const b = await lib.importFile(SEED_004)
    await lib.highlight(b, 'White House', { note: 'who said it' })
    await lib.workspace.close()
    // dossier.json as the previous release wrote it: no cases, rows without the new fields.
    const path = join(lib.dir, 'dossier.json')
    const index = JSON.parse(await readFile(path, 'utf8'))
    delete index.cases
    for (const row of index.articles) for (const field of NEW_FIELDS) delete row[field]
    await writeFile(path, JSON.stringify(index))

    await lib.reopen()
    expect(lib.workspace.problems).toEqual([])
    expect(await lib.handlers['cases.list']({})).toEqual([])
    await lib.workspace.rowsRefreshed()
    expect(lib.workspace.summary(a)).toMatchObject({ originalType: 'text/plain', noteCount: 0 })
    expect(lib.workspace.summary(b)).toMatchObject({ originalType: 'text/plain', noteCount: 1 })
    await lib.workspace.close()
    const written = JSON.parse(await readFile(path, 'utf8'))
    for (const row of written.articles) expect(row.originalType).toBe('text/plain')
  })
})
