import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useLibrary } from './library-fixture'

const lib = useLibrary()

describe('saved searches', () => {
  it('saves, replaces by name, removes, and keeps them across a restart', async () => {
    const korea = await lib.handlers['searches.save']({
      name: 'Korea shipments',
      query: { text: '"North Korea" AND shipment*', filters: { hasHighlights: true }, sort: 'published' },
    })
    await lib.handlers['searches.save']({ name: 'Drones', query: { text: 'drone*' } })
    // The same name (in any case) replaces the search, keeping its id.
    const replaced = await lib.handlers['searches.save']({ name: 'korea shipments', query: { text: 'DPRK' } })
    expect(replaced.id).toBe(korea.id)
    expect((await lib.handlers['searches.list']({})).map((s) => [s.name, s.query.text])).toEqual([
      ['Drones', 'drone*'],
      ['korea shipments', 'DPRK'],
    ])
    await lib.reopen()
    const listed = await lib.handlers['searches.list']({})
    expect(listed).toHaveLength(2)
    const drones = listed.find((s) => s.name === 'Drones')!
    expect(await lib.handlers['searches.remove']({ id: drones.id })).toEqual({ id: drones.id })
    await expect(lib.handlers['searches.remove']({ id: drones.id })).rejects.toMatchObject({
      code: 'not-found',
    })
    await lib.reopen()
    expect((await lib.handlers['searches.list']({})).map((s) => s.name)).toEqual(['korea shipments'])
  })

  it('quarantines a damaged searches.json, names it, and starts with no saved searches', async () => {
    await lib.handlers['searches.save']({ name: 'Korea', query: { text: 'Korea' } })
    await lib.workspace.close()
    await writeFile(join(lib.dir, 'searches.json'), '{"searches": [{"name": 1')
    await lib.reopen()
    expect(await lib.handlers['searches.list']({})).toEqual([])
    const { problems } = await lib.handlers['workspace.info']({})
    const problem = problems.find((p) => p.file === 'searches.json')
    expect(problem?.message).toMatch(
      /searches\.json could not be read.*moved to quarantine\/.*saved searches start empty/,
    )
    const quarantined = await readdir(join(lib.dir, 'quarantine'))
    expect(quarantined.some((n) => n.endsWith('searches.json'))).toBe(true)
    // Saving again writes a good file; the damaged one stays in quarantine/.
    await lib.handlers['searches.save']({ name: 'Again', query: {} })
    expect(JSON.parse(await readFile(join(lib.dir, 'searches.json'), 'utf8')).searches).toHaveLength(1)
  })
})
