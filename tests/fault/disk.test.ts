// A full disk and a read-only one: every failed write says what happened, and nothing is lost.
import { existsSync } from 'node:fs'
import { chmod, open, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Workspace } from '../../src/main/services/store/workspace'
import { SEED_004, tempDir } from '../helpers'
import { entityFacts, handlersFor, makeTaggedWorkspace, type TaggedWorkspace } from '../tagged-workspace'
import { isRoot, mountable, smallDisk, type SmallDisk } from './lib/small-disk'

/** Fills the disk with one file until the next write fails. */
async function fill(dir: string) {
  const chunk = Buffer.alloc(64 * 1024, 1)
  const handle = await open(join(dir, 'filler'), 'w')
  try {
    for (;;) await handle.write(chunk)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
  } finally {
    await handle.close().catch(() => {})
  }
}

async function listAll(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort()
}

describe.skipIf(!mountable)('a full disk (a 3 MB tmpfs)', () => {
  let disk: SmallDisk
  let tagged: TaggedWorkspace
  let ws: string
  beforeEach(async () => {
    disk = await smallDisk('3m')
    ws = join(disk.path, 'ws')
    tagged = await makeTaggedWorkspace(ws)
  })
  afterEach(() => disk.remove())

  it('refuses each change with a sentence, keeps every earlier write, and leaves no litter', async () => {
    const workspace = await Workspace.open(ws)
    const handlers = handlersFor(workspace)
    const id = tagged.articleIds[0]!
    const before = await readFile(join(ws, 'articles', `${id}.json`), 'utf8')
    const files = await listAll(ws)
    await fill(disk.path)
    const { article } = await handlers['articles.get']({ id })
    const start = article.text.indexOf('Moscow')
    const full =
      /the disk holding the workspace .* is full\. Nothing was lost: the previous version is intact\. Free some space and try again\./
    await expect(handlers['highlights.create']({ articleId: id, start, end: start + 6 })).rejects.toThrow(
      full,
    )
    await expect(
      handlers['mentions.create']({ articleId: id, start, end: start + 6, type: 'Location' }),
    ).rejects.toThrow(full)
    expect(entityFacts(workspace.entities)).toEqual(entityFacts(tagged.entities))
    expect(await readFile(join(ws, 'articles', `${id}.json`), 'utf8')).toBe(before)
    expect(await listAll(ws)).toEqual(files)
    await writeFile(join(disk.path, 'filler'), '')
    await workspace.close()

    const reopened = await Workspace.open(ws)
    try {
      expect(reopened.problems).toEqual([])
      expect(entityFacts(reopened.entities)).toEqual(entityFacts(tagged.entities))
      expect((await reopened.readArticle(id)).highlights).toHaveLength(1)
    } finally {
      await reopened.close()
    }
  })

  it('an import that does not fit is refused with the reason, and the batch goes on', async () => {
    const workspace = await Workspace.open(ws)
    try {
      await fill(disk.path)
      const handlers = handlersFor(workspace)
      const results = await handlers['import.upload']({
        name: 'big.txt',
        data: new TextEncoder().encode(`A title\n\n${'Body of a long article. '.repeat(2000)}`),
      })
      expect(results.status).toBe('failed')
      expect(results.error?.message).toMatch(
        /Could not save big\.txt \(its original copy\): the disk .* is full/,
      )
      expect(workspace.articles).toHaveLength(2)
    } finally {
      await workspace.close().catch(() => {})
    }
  })
})

describe('a read-only workspace', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let disk: SmallDisk | undefined
  let ws: string
  let tagged: TaggedWorkspace
  beforeEach(async () => {
    if (mountable) {
      disk = await smallDisk('8m')
      ws = join(disk.path, 'ws')
    } else {
      dir = await tempDir()
      ws = join(dir.path, 'ws')
    }
    tagged = await makeTaggedWorkspace(ws)
    await (await Workspace.open(ws)).close()
    if (disk) disk.readOnly()
    else for (const path of [ws, ...(await listAll(ws)).map((p) => join(ws, p))]) await chmod(path, 0o555)
  })
  afterEach(async () => {
    if (disk) await disk.remove()
    else {
      for (const path of [ws, ...(await listAll(ws)).map((p) => join(ws, p))]) await chmod(path, 0o755)
      await dir.remove()
    }
  })

  it.skipIf(!mountable && isRoot)(
    'opens read-only: everything reads, every change is refused with a sentence',
    async () => {
      const files = await listAll(ws)
      const workspace = await Workspace.open(ws)
      try {
        expect(workspace.readOnly).toBe(true)
        expect(workspace.articles).toHaveLength(2)
        expect(entityFacts(workspace.entities)).toEqual(entityFacts(tagged.entities))
        const handlers = handlersFor(workspace)
        expect((await handlers['workspace.info']({})).readOnly).toBe(true)
        const id = tagged.articleIds[0]!
        const { article } = await handlers['articles.get']({ id })
        expect(article.highlights).toHaveLength(1)
        const readOnly = /open read-only: you can read and export, but not import, highlight or tag/
        await expect(handlers['highlights.create']({ articleId: id, start: 0, end: 5 })).rejects.toThrow(
          readOnly,
        )
        await expect(handlers['articles.remove']({ id })).rejects.toThrow(readOnly)
        const data = await readFile(SEED_004)
        const imported = await handlers['import.upload']({ name: 'seed.txt', data })
        expect(imported.error?.message).toMatch(readOnly)
        expect((await handlers['brief.markdown']({ articleId: id })).data.length).toBeGreaterThan(100)
      } finally {
        await workspace.close()
      }
      expect(await listAll(ws)).toEqual(files)
      expect(existsSync(join(ws, 'dossier.lock'))).toBe(false)
    },
  )
})
