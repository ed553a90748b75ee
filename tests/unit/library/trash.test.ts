import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DossierIndex } from '../../../src/main/services/store/dossier-index'
import { HighlightQuery } from '../../../src/shared/highlight-search'
import { SEED_000, SEED_004 } from '../../helpers'
import { seedFiles, useLibrary } from './library-fixture'

const lib = useLibrary()

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

/** Every file of the workspace outside trash/ and originals/, with its size and mtime. */
async function filesOutsideTrash(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {}
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      const shown = relative(dir, path)
      if (shown === 'trash' || shown === 'originals' || entry.name === 'dossier.lock') continue
      if (entry.isDirectory()) await walk(path)
      else {
        const info = await stat(path)
        found[shown] = `${info.size}@${info.mtimeMs}`
      }
    }
  }
  await walk(dir)
  return found
}

describe('removing and restoring many articles', () => {
  it('moves every article given to the trash with one write of the index, and brings them all back', async () => {
    const ids = []
    for (const file of await seedFiles()) ids.push(await lib.importFile(file))
    await lib.workspace.flush()
    const flush = vi.spyOn(DossierIndex.prototype, 'flush')
    const removed = await lib.handlers['articles.removeMany']({ ids: ids.slice(0, 5) })
    expect(flush).toHaveBeenCalledTimes(1)
    flush.mockRestore()
    expect(removed.map((r) => r.id)).toEqual(ids.slice(0, 5))
    const listed = await lib.handlers['articles.list']({})
    expect(listed.map((r) => r.id).sort()).toEqual(ids.slice(5).sort())
    for (const id of ids.slice(0, 5)) {
      expect(await exists(join(lib.dir, 'trash', `${id}.json`))).toBe(true)
      expect(await exists(join(lib.dir, 'articles', `${id}.json`))).toBe(false)
    }
    // On disk too: the index no longer lists them.
    const index = JSON.parse(await readFile(join(lib.dir, 'dossier.json'), 'utf8'))
    expect(index.articles.map((r: { id: string }) => r.id).sort()).toEqual(ids.slice(5).sort())

    const restored = await lib.handlers['articles.restoreMany']({ ids: ids.slice(0, 5) })
    expect(restored.map((r) => r.id)).toEqual(ids.slice(0, 5))
    expect((await lib.handlers['articles.list']({})).length).toBe(ids.length)
    expect(await lib.handlers['trash.list']({})).toEqual([])
    await lib.reopen()
    expect(lib.workspace.articles.length).toBe(ids.length)
  })

  it('takes their highlights out of All highlights and brings them back, also after a partial failure', async () => {
    const a = await lib.importFile(SEED_000)
    const b = await lib.importFile(SEED_004)
    await lib.highlight(a, 'Kim Jong Un')
    await lib.highlight(b, 'White House')
    const total = async () => (await lib.handlers['highlights.search'](HighlightQuery.parse({}))).total
    expect(await total()).toBe(2)
    await lib.handlers['articles.removeMany']({ ids: [a, b] })
    expect(await total()).toBe(0)
    await rm(join(lib.dir, 'trash', `${b}.json`))
    await expect(lib.handlers['articles.restoreMany']({ ids: [a, b] })).rejects.toThrow(/1 of 2/)
    expect(await total()).toBe(1)
  })

  it('still removes the others when one fails, and names the one that failed', async () => {
    const a = await lib.importFile(SEED_000)
    const b = await lib.importFile(SEED_004)
    const title = lib.workspace.summary(b)!.title
    // Its file vanished behind Dossier's back, so it cannot be moved.
    await rm(join(lib.dir, 'articles', `${b}.json`))
    const removal = lib.handlers['articles.removeMany']({ ids: [a, b] })
    await expect(removal).rejects.toThrow(/1 of 2 articles were moved to the trash/)
    await expect(removal).rejects.toThrow(title)
    expect(lib.workspace.summary(a)).toBeUndefined()
    expect(await exists(join(lib.dir, 'trash', `${a}.json`))).toBe(true)
  })

  it('restores the others when one is not in the trash', async () => {
    const a = await lib.importFile(SEED_000)
    const b = await lib.importFile(SEED_004)
    await lib.handlers['articles.removeMany']({ ids: [a, b] })
    await rm(join(lib.dir, 'trash', `${b}.json`))
    await expect(lib.handlers['articles.restoreMany']({ ids: [a, b] })).rejects.toThrow(
      /1 of 2 articles were restored.*not in the trash/,
    )
    expect(lib.workspace.summary(a)).toBeDefined()
  })
})

describe('the trash', () => {
  it('lists removed articles with their rows, most recently removed first', async () => {
    const a = await lib.importFile(SEED_000)
    const b = await lib.importFile(SEED_004)
    await lib.highlight(a, 'Kim Jong Un', { note: 'who' })
    await lib.handlers['articles.remove']({ id: a })
    await new Promise((resolve) => setTimeout(resolve, 20))
    await lib.handlers['articles.removeMany']({ ids: [b] })
    const trashed = await lib.handlers['trash.list']({})
    expect(trashed.map((r) => r.id)).toEqual([b, a])
    expect(trashed[1]).toMatchObject({ highlightCount: 1, noteCount: 1, originalType: 'text/plain' })
    // The trash survives a restart.
    await lib.reopen()
    expect((await lib.handlers['trash.list']({})).map((r) => r.id)).toEqual([b, a])
  })

  it('empties for good: the files and originals go, nothing outside trash/ and originals/ is touched', async () => {
    const a = await lib.importFile(SEED_000)
    const b = await lib.importFile(SEED_004)
    const keptOriginal = lib.workspace.summary(b)!.sha256
    await lib.handlers['articles.removeMany']({ ids: [a] })
    await lib.workspace.flush()
    const before = await filesOutsideTrash(lib.dir)
    const sha = (await lib.handlers['trash.list']({}))[0]!.sha256

    expect(await lib.handlers['trash.empty']({})).toEqual({ deleted: 1 })
    expect(await exists(join(lib.dir, 'trash', `${a}.json`))).toBe(false)
    expect((await readdir(join(lib.dir, 'originals'))).some((n) => n.startsWith(sha))).toBe(false)
    expect((await readdir(join(lib.dir, 'originals'))).some((n) => n.startsWith(keptOriginal))).toBe(true)
    expect(await filesOutsideTrash(lib.dir)).toEqual(before)
    expect(await lib.handlers['trash.list']({})).toEqual([])
    await expect(lib.handlers['articles.restore']({ id: a })).rejects.toThrow(/not in the trash/)
  })

  it('keeps an original while another article, live or trashed, uses the same file', async () => {
    const first = await lib.importFile(SEED_000)
    await lib.handlers['articles.remove']({ id: first })
    // The same bytes again: a new article, since the first is in the trash.
    const second = await lib.importFile(SEED_000)
    const sha = lib.workspace.summary(second)!.sha256
    const original = async () => (await readdir(join(lib.dir, 'originals'))).filter((n) => n.startsWith(sha))

    expect(await lib.handlers['trash.empty']({ ids: [first] })).toEqual({ deleted: 1 })
    expect(await original()).toHaveLength(1)

    // Both copies in the trash: emptying one keeps the original for the other.
    await lib.handlers['articles.remove']({ id: second })
    const third = await lib.importFile(SEED_000, 'again.txt')
    await lib.handlers['articles.removeMany']({ ids: [third] })
    expect(await lib.handlers['trash.list']({})).toHaveLength(2)
    await lib.handlers['trash.empty']({ ids: [second] })
    expect(await original()).not.toHaveLength(0)
    await lib.handlers['trash.empty']({})
    expect(await original()).toHaveLength(0)
  })

  it('leaves an article restored before the trash was emptied alone', async () => {
    const a = await lib.importFile(SEED_000)
    await lib.handlers['articles.remove']({ id: a })
    await lib.handlers['articles.restore']({ id: a })
    expect(await lib.handlers['trash.empty']({ ids: [a] })).toEqual({ deleted: 0 })
    expect(lib.workspace.summary(a)).toBeDefined()
    expect((await readdir(join(lib.dir, 'originals'))).length).toBe(1)
  })

  it('names a damaged file in the trash instead of listing it, and keeps the original it names', async () => {
    const a = await lib.importFile(SEED_000)
    const b = await lib.importFile(SEED_004)
    await lib.handlers['articles.removeMany']({ ids: [a, b] })
    const path = join(lib.dir, 'trash', `${a}.json`)
    const text = await readFile(path, 'utf8')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(path, text.replace('"highlights":[]', '"highlights":"broken"'))
    expect((await lib.handlers['trash.list']({})).map((r) => r.id)).toEqual([b])
    const info = await lib.handlers['workspace.info']({})
    expect(info.problems.some((p) => p.file === `trash/${a}.json`)).toBe(true)
    expect(await lib.handlers['trash.empty']({})).toEqual({ deleted: 1 })
    expect(await exists(path)).toBe(true)
    expect((await readdir(join(lib.dir, 'originals'))).length).toBe(1)
  })
})
