import { readFileSync } from 'node:fs'
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../src/main/services/store/atomic-write'
import { tempDir } from '../../helpers'

describe('writeFileAtomic', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => (dir = await tempDir()))
  afterEach(() => dir.remove())

  it('replaces the file with the new content and leaves no temp file behind', async () => {
    const file = join(dir.path, 'dossier.json')
    await writeFile(file, 'old')
    await writeFileAtomic(file, 'new content')
    expect(await readFile(file, 'utf8')).toBe('new content')
    expect(await readdir(dir.path)).toEqual(['dossier.json'])
  })

  it('keeps the previous file intact when the write fails', async () => {
    const file = join(dir.path, 'dossier.json')
    await writeFile(file, 'precious')
    await chmod(dir.path, 0o500)
    try {
      // Root ignores directory permissions; then the failure is provoked with a missing folder instead.
      const target = process.getuid?.() === 0 ? join(dir.path, 'missing', 'x.json') : file
      await expect(writeFileAtomic(target, 'new')).rejects.toThrow()
    } finally {
      await chmod(dir.path, 0o700)
    }
    expect(await readFile(file, 'utf8')).toBe('precious')
    expect((await readdir(dir.path)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('never shows a reader a half-written file under concurrent writes', async () => {
    const file = join(dir.path, 'a.json')
    const big = (n: number) => JSON.stringify({ n, pad: 'x'.repeat(200_000) })
    await Promise.all(Array.from({ length: 8 }, (_, n) => writeFileAtomic(file, big(n))))
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow()
  })
})
