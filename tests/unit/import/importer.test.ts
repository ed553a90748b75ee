import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Importer } from '../../../src/main/services/import/importer'
import { Workspace } from '../../../src/main/services/store/workspace'
import { SEED_000, SEED_004, hostileDir, seedsDir, tempDir } from '../../helpers'

describe('Importer', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let workspace: Workspace
  beforeEach(async () => {
    dir = await tempDir()
    workspace = await Workspace.open(join(dir.path, 'ws'))
  })
  afterEach(async () => {
    await workspace.close()
    await dir.remove()
  })

  it('recognises the same file dropped twice, even in one batch', async () => {
    const importer = new Importer(workspace)
    const results = await Promise.all([importer.importPaths([SEED_000]), importer.importPaths([SEED_000])])
    expect(
      results
        .flat()
        .map((r) => r.status)
        .sort(),
    ).toEqual(['duplicate', 'imported'])
    const again = await importer.importPaths([SEED_000])
    expect(again[0]).toMatchObject({ status: 'duplicate', title: results.flat().find((r) => r.title)!.title })
    expect(workspace.articles).toHaveLength(1)
  })

  it('flags the same story in another file as a likely duplicate of the article it matches', async () => {
    const importer = new Importer(workspace)
    const [first] = await importer.importPaths([SEED_000])
    const [md] = await importer.importPaths([join(seedsDir, '000_us-concerned-north-korea.md')])
    expect(md).toMatchObject({ status: 'imported', similarTo: { articleId: first!.articleId } })
    expect(md!.similarTo!.similarity).toBeGreaterThan(0.8)
    const [other] = await importer.importPaths([SEED_004])
    expect(other!.similarTo).toBeUndefined()
  })

  it('sees two copies of one story imported at the same time', async () => {
    const importer = new Importer(workspace)
    const results = await Promise.all(
      ['004_us-accuses-north-korea.pdf', '004_us-accuses-north-korea.docx'].map((n) =>
        importer.importPaths([join(seedsDir, n)]),
      ),
    )
    expect(results.flat().filter((r) => r.similarTo)).toHaveLength(1)
  })

  it('refuses a file over the size limit before reading it, and goes on with the batch', async () => {
    const big = join(dir.path, 'big.txt')
    await writeFile(big, 'x'.repeat(8192))
    const importer = new Importer(workspace, { maxFileBytes: 4096 })
    const results = await importer.importPaths([big, SEED_004])
    expect(results[0]).toMatchObject({ status: 'failed', error: { code: 'too-large' } })
    expect(results[0]!.error!.message).toMatch(
      /^big\.txt is 8 KB, over the 4 KB limit for one file; it was not read\./,
    )
    expect(results[1]!.status).toBe('imported')
  })

  it('walks a dropped folder, taking only article files and naming what it passed over', async () => {
    const folder = join(dir.path, 'case')
    await mkdir(join(folder, 'nested'), { recursive: true })
    await writeFile(join(folder, 'notes.json'), '{}')
    await writeFile(join(folder, '.hidden.txt'), 'hidden words here')
    await writeFile(join(folder, 'nested', 'a.txt'), 'A short note about Pyongyang and Moscow.')
    const importer = new Importer(workspace)
    const { files, ignored } = await importer.expand([folder])
    expect(files.map((f) => f.split('/').pop())).toEqual(['a.txt'])
    expect(ignored.map((f) => f.split('/').pop())).toEqual(['notes.json'])
  })

  it('keeps each bad file to its own sentence and imports the rest', async () => {
    const names = [
      'empty.txt',
      'whitespace-only.txt',
      'binary-garbage.txt',
      'renamed-png.html',
      'markdown-injection.txt',
    ]
    const results = await new Importer(workspace).importPaths(names.map((n) => join(hostileDir, n)))
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'imported'])
    for (const r of results.slice(0, 4)) expect(r.error!.message.startsWith(r.file)).toBe(true)
  })

  it('keeps a long non-ASCII file name for display and stores the original under its hash', async () => {
    const name = (await readdir(hostileDir)).find((n) => n.startsWith('Rapport'))!
    const [result] = await new Importer(workspace).importPaths([join(hostileDir, name)])
    expect(result).toMatchObject({ status: 'imported', file: name })
    const article = await workspace.readArticle(result!.articleId!)
    expect(article.original.name).toBe(name)
    expect(await readdir(join(workspace.dir, 'originals'))).toEqual([`${article.original.sha256}.txt`])
  })
})
