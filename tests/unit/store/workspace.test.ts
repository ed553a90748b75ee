import { spawn } from 'node:child_process'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addHighlight } from '../../../src/main/services/annotate/highlights'
import { Importer } from '../../../src/main/services/import/importer'
import { LOCK_FILE } from '../../../src/main/services/store/lock'
import { INDEX_FILE, Workspace } from '../../../src/main/services/store/workspace'
import { SEED_000, SEED_004, tempDir } from '../../helpers'

describe('Workspace', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => (dir = await tempDir()))
  afterEach(() => dir.remove())

  async function withTwoSeeds(): Promise<{ ids: string[] }> {
    const workspace = await Workspace.open(dir.path)
    const results = await new Importer(workspace).importPaths([SEED_000, SEED_004])
    await workspace.close()
    return { ids: results.map((r) => r.articleId!) }
  }

  it('creates the folder layout and keeps originals byte for byte under their hash', async () => {
    await withTwoSeeds()
    expect((await readdir(dir.path)).sort()).toEqual(
      ['articles', 'backups', 'dossier.json', 'originals'].sort(),
    )
    const originals = await readdir(join(dir.path, 'originals'))
    expect(originals).toHaveLength(2)
    const seed = await readFile(SEED_000)
    const kept = await Promise.all(originals.map((n) => readFile(join(dir.path, 'originals', n))))
    expect(kept.some((bytes) => bytes.equals(seed))).toBe(true)
  })

  it('reopens with the same articles and highlights', async () => {
    const { ids } = await withTwoSeeds()
    let workspace = await Workspace.open(dir.path)
    const article = await workspace.readArticle(ids[0]!)
    const start = article.text.indexOf('closer strategic cooperation')
    await workspace.updateArticle(ids[0]!, (a) =>
      addHighlight(a, { start, end: start + 28, note: 'key pledge' }),
    )
    await workspace.close()

    workspace = await Workspace.open(dir.path)
    expect(workspace.articles.map((a) => a.id).sort()).toEqual([...ids].sort())
    expect(workspace.summary(ids[0]!)?.highlightCount).toBe(1)
    const reread = await workspace.readArticle(ids[0]!)
    expect(reread.highlights[0]?.target.quote.exact).toBe('closer strategic cooperation')
    expect(reread.highlights[0]?.note).toBe('key pledge')
    expect(workspace.problems).toEqual([])
    await workspace.close()
  })

  it('quarantines a damaged article file, names it, and opens the rest', async () => {
    const { ids } = await withTwoSeeds()
    const damaged = join(dir.path, 'articles', `${ids[1]}.json`)
    const text = await readFile(damaged, 'utf8')
    await writeFile(damaged, text.slice(0, text.length / 2))

    const workspace = await Workspace.open(dir.path)
    expect(workspace.articles.map((a) => a.id)).toEqual([ids[0]])
    expect(workspace.problems).toHaveLength(1)
    expect(workspace.problems[0]!.file).toBe(`articles/${ids[1]}.json`)
    expect(workspace.problems[0]!.message).toMatch(/not valid JSON.*moved to quarantine/)
    const quarantined = await readdir(join(dir.path, 'quarantine'))
    expect(quarantined).toHaveLength(1)
    expect(await readFile(join(dir.path, 'quarantine', quarantined[0]!), 'utf8')).toBe(
      text.slice(0, text.length / 2),
    )
    await workspace.close()
  })

  it('quarantines a damaged dossier.json and rebuilds the library from the article files', async () => {
    const { ids } = await withTwoSeeds()
    await writeFile(join(dir.path, INDEX_FILE), '{"schemaVersion": 1, "articles": [')
    const workspace = await Workspace.open(dir.path)
    expect(workspace.articles.map((a) => a.id).sort()).toEqual([...ids].sort())
    expect(workspace.problems[0]!.file).toBe(INDEX_FILE)
    expect(await readdir(join(dir.path, 'quarantine'))).toHaveLength(1)
    await workspace.close()
  })

  it('refuses a workspace written by a newer Dossier without changing it', async () => {
    await withTwoSeeds()
    const index = JSON.parse(await readFile(join(dir.path, INDEX_FILE), 'utf8'))
    index.schemaVersion = 99
    const written = JSON.stringify(index)
    await writeFile(join(dir.path, INDEX_FILE), written)
    await expect(Workspace.open(dir.path)).rejects.toThrow(/newer version of Dossier/)
    expect(await readFile(join(dir.path, INDEX_FILE), 'utf8')).toBe(written)
  })

  it('lets only one running instance write a workspace and names the one holding it', async () => {
    const first = await Workspace.open(dir.path)
    await expect(Workspace.open(dir.path)).rejects.toThrow(new RegExp(`process ${process.pid}`))
    await first.close()
    const second = await Workspace.open(dir.path)
    await second.close()
  })

  it('takes over a lock left by a process that is no longer running', async () => {
    const child = spawn(process.execPath, ['-e', ''])
    const pid = await new Promise<number>((done) => child.on('exit', () => done(child.pid!)))
    await writeFile(join(dir.path, LOCK_FILE), JSON.stringify({ pid, host: hostname(), since: '' }))
    const workspace = await Workspace.open(dir.path)
    await workspace.close()
  })

  it('serialises concurrent changes to one article so none is lost', async () => {
    const { ids } = await withTwoSeeds()
    const workspace = await Workspace.open(dir.path)
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        workspace.updateArticle(ids[0]!, (a) => addHighlight(a, { start: i * 5, end: i * 5 + 4 })),
      ),
    )
    await workspace.close()
    const reopened = await Workspace.open(dir.path)
    expect((await reopened.readArticle(ids[0]!)).highlights).toHaveLength(10)
    await reopened.close()
  })

  it('reports an article file that went missing instead of failing to open', async () => {
    const { ids } = await withTwoSeeds()
    await rm(join(dir.path, 'articles', `${ids[0]}.json`))
    const workspace = await Workspace.open(dir.path)
    expect(workspace.articles.map((a) => a.id)).toEqual([ids[1]])
    expect(workspace.problems[0]!.message).toMatch(/is missing/)
    await workspace.close()
  })
})
