// A whole file read with one stat and one read: every byte, also of an empty file, and its mtime.
import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readWhole } from '../../../src/main/services/store/read-whole'
import { tempDir } from '../../helpers'

describe('readWhole', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => (dir = await tempDir()))
  afterEach(() => dir.remove())

  async function readBack(content: string) {
    const path = join(dir.path, 'file.json')
    await writeFile(path, content)
    return { read: await readWhole(path), mtimeMs: (await stat(path)).mtimeMs }
  }

  it('reads every byte of the file and gives its modification time', async () => {
    const text = `{"text":"Pyŏngyang ${'x'.repeat(70_000)}"}`
    const { read, mtimeMs } = await readBack(text)
    expect(read.data.toString('utf8')).toBe(text)
    expect(read.mtimeMs).toBe(mtimeMs)
  })

  it('says a missing file is missing', async () => {
    await expect(readWhole(join(dir.path, 'none.log'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('reads an empty file as no bytes', async () => {
    expect((await readBack('')).read.data.length).toBe(0)
  })
})
