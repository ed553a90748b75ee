import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCK_FILE } from '../../../src/main/services/store/lock'
import { INDEX_FILE, Workspace } from '../../../src/main/services/store/workspace'
import { handlersFor, useTaggedWorkspace } from '../../tagged-workspace'

describe('opening a workspace with odd things in it', () => {
  const ws = useTaggedWorkspace()
  const articles = () => join(ws.path, 'articles')

  it('skips a dangling link, a folder and a foreign file in articles/, names each, and opens the rest', async () => {
    await symlink(join(ws.path, 'nowhere.json'), join(articles(), 'abcdefabcdef.json'))
    await mkdir(join(articles(), 'x0000000.json'))
    await writeFile(join(articles(), 'My notes.json'), '{}')
    const workspace = await Workspace.open(ws.path)
    try {
      expect(workspace.articles.map((a) => a.id).sort()).toEqual([...ws.tagged.articleIds].sort())
      const messages = workspace.problems.map((p) => `${p.file}: ${p.message}`).sort()
      expect(messages).toEqual([
        expect.stringMatching(/^articles\/My notes\.json: .*its name is not one Dossier gives article files/),
        expect.stringMatching(/^articles\/abcdefabcdef\.json: .*it is a link, not a file Dossier wrote/),
        expect.stringMatching(/^articles\/x0000000\.json: .*it is a folder, not a file/),
      ])
      for (const message of messages) expect(message).toMatch(/left where it is/)
    } finally {
      await workspace.close()
    }
    expect(existsSync(join(articles(), 'x0000000.json'))).toBe(true)
  })

  it('leaves an article written by a newer Dossier in place and says so', async () => {
    const id = ws.tagged.articleIds[1]!
    const path = join(articles(), `${id}.json`)
    const newer = JSON.parse(await readFile(path, 'utf8'))
    newer.schemaVersion = 7
    await writeFile(path, JSON.stringify(newer))
    // The index must re-read it, as it would after a newer Dossier wrote it.
    await rm(join(ws.path, INDEX_FILE))
    const workspace = await Workspace.open(ws.path)
    try {
      expect(workspace.articles.map((a) => a.id)).toEqual([ws.tagged.articleIds[0]])
      const problem = workspace.problems.find((p) => p.file === `articles/${id}.json`)!
      expect(problem.message).toMatch(/written by a newer version of Dossier.*left where it is/)
    } finally {
      await workspace.close()
    }
    expect(JSON.parse(await readFile(path, 'utf8')).schemaVersion).toBe(7)
    expect(existsSync(join(ws.path, 'quarantine'))).toBe(false)
  })

  it('sweeps up the temp files of writes a crash interrupted, and nothing else', async () => {
    const litter = [
      join(ws.path, '.dossier.json.0123456789ab.tmp'),
      join(articles(), `.${ws.tagged.articleIds[0]}.json.0123456789ab.tmp`),
      join(ws.path, 'originals', '.abc.txt.0123456789ab.tmp'),
      join(ws.path, 'backups', '.dossier-1.json.0123456789ab.tmp'),
    ]
    for (const file of litter) await writeFile(file, 'half')
    await writeFile(join(ws.path, 'originals', 'notes.tmp'), 'mine')
    await (await Workspace.open(ws.path)).close()
    for (const file of litter) expect(existsSync(file)).toBe(false)
    expect(existsSync(join(ws.path, 'originals', 'notes.tmp'))).toBe(true)
  })

  it('says so in one sentence when an open article’s file was deleted underneath', async () => {
    const workspace = await Workspace.open(ws.path)
    try {
      const id = ws.tagged.articleIds[0]!
      await rm(join(articles(), `${id}.json`))
      await expect(workspace.readArticle(id)).rejects.toThrow(
        /was deleted outside Dossier, so it was taken out of the library.*import it again/,
      )
      expect(workspace.summary(id)).toBeUndefined()
    } finally {
      await workspace.close()
    }
  })
})

describe('when a write fails', () => {
  const ws = useTaggedWorkspace()

  /** dossier.json turned into a folder: renaming a file over it fails, as a failing disk would. */
  async function breakIndexWrites() {
    await rm(join(ws.path, INDEX_FILE))
    await mkdir(join(ws.path, INDEX_FILE))
  }

  it('an entity whose creation failed is not kept in memory', async () => {
    const workspace = await Workspace.open(ws.path)
    const before = workspace.entities.length
    await breakIndexWrites()
    const handlers = handlersFor(workspace)
    const { article } = await handlers['articles.get']({ id: ws.tagged.articleIds[1]! })
    const start = article.text.indexOf('John Kirby')
    await expect(
      handlers['mentions.create']({ articleId: article.id, start, end: start + 10, type: 'Person' }),
    ).rejects.toThrow(/Could not save the workspace index/)
    expect(workspace.entities).toHaveLength(before)
    expect(
      (await workspace.readArticle(article.id)).mentions.some(
        (m) => m.target.quote.exact === 'John Kirby' && m.entityId !== undefined,
      ),
    ).toBe(false)
    await expect(workspace.close()).rejects.toThrow()
    // The failed close still let go of the workspace.
    expect(existsSync(join(ws.path, LOCK_FILE))).toBe(false)
  })

  it('close releases the lock even when the last save fails', async () => {
    const workspace = await Workspace.open(ws.path)
    const id = ws.tagged.articleIds[0]!
    await workspace.updateArticle(id, (a) => (a.title = 'Renamed'))
    await breakIndexWrites()
    await expect(workspace.close()).rejects.toThrow(/Could not save the workspace index \(dossier\.json\)/)
    expect(existsSync(join(ws.path, LOCK_FILE))).toBe(false)
    expect(await readdir(ws.path)).not.toContain(LOCK_FILE)
  })
})
