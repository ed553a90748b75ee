// Every kind of damage to every file of a workspace: it still opens, names what it set aside, and keeps
// everything that was not in the damaged file.
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INDEX_FILE, Workspace } from '../../src/main/services/store/workspace'
import { entityFacts, handlersFor, useTaggedWorkspace } from '../tagged-workspace'

const DAMAGE: Record<string, (text: Buffer) => Buffer | undefined> = {
  truncated: (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)),
  'cut to one byte': (bytes) => bytes.subarray(0, 1),
  garbage: () => Buffer.from([0, 0xff, 0xfe, 0x13, 0x37, 0x0a]),
  empty: () => Buffer.alloc(0),
  null: () => Buffer.from('null'),
  'wrong-shaped': () => Buffer.from(JSON.stringify({ schemaVersion: 1, id: 7, highlights: 'none' })),
  'bit flip': (bytes) => {
    const copy = Buffer.from(bytes)
    copy[Math.floor(copy.length / 3)]! ^= 0x20
    return copy
  },
  deleted: () => undefined,
}

async function damage(path: string, kind: string) {
  const after = DAMAGE[kind]!(await readFile(path))
  if (after === undefined) await rm(path)
  else await writeFile(path, after)
}

describe('a damaged workspace file', () => {
  const ws = useTaggedWorkspace({ openedAgain: true })

  for (const kind of Object.keys(DAMAGE)) {
    it(`an article file (${kind}): the rest opens, and the file is named and kept`, async () => {
      const [damaged, intact] = ws.tagged.articleIds as [string, string]
      const path = join(ws.path, 'articles', `${damaged}.json`)
      const before = await readFile(path, 'utf8')
      await damage(path, kind)
      const workspace = await Workspace.open(ws.path)
      try {
        // A bit flip can land in a string and leave valid JSON: then the article simply opens.
        const survived = workspace.articles.some((a) => a.id === damaged)
        expect(workspace.articles.map((a) => a.id)).toContain(intact)
        expect(entityFacts(workspace.entities)).toEqual(entityFacts(ws.tagged.entities))
        expect((await workspace.readArticle(intact)).mentions.length).toBeGreaterThan(0)
        if (!survived) {
          const problem = workspace.problems.find((p) => p.file === `articles/${damaged}.json`)
          expect(problem?.message).toMatch(kind === 'deleted' ? /is missing/ : /moved to quarantine\//)
        }
        if (!survived && kind !== 'deleted') {
          const [kept] = await readdir(join(ws.path, 'quarantine'))
          expect(await readFile(join(ws.path, 'quarantine', kept!), 'utf8')).not.toBe(before)
        }
      } finally {
        await workspace.close()
      }
    })

    it(`dossier.json and the newest backup (${kind}): rebuilt from an older backup and the articles`, async () => {
      const backups = (await readdir(join(ws.path, 'backups'))).sort()
      await damage(join(ws.path, 'backups', backups.at(-1)!), kind)
      await damage(join(ws.path, INDEX_FILE), kind)
      const workspace = await Workspace.open(ws.path)
      try {
        expect(entityFacts(workspace.entities)).toEqual(entityFacts(ws.tagged.entities))
        expect(workspace.articles).toHaveLength(2)
      } finally {
        await workspace.close()
      }
    })

    it(`a trashed article (${kind}): restoring it says it cannot, and nothing else changes`, async () => {
      const workspace = await Workspace.open(ws.path)
      try {
        const handlers = handlersFor(workspace)
        const id = ws.tagged.articleIds[0]!
        await handlers['articles.remove']({ id })
        await damage(join(ws.path, 'trash', `${id}.json`), kind)
        const restored = await handlers['articles.restore']({ id }).then(
          () => undefined,
          (error: Error) => error.message,
        )
        // A bit flip inside a string leaves a readable article, which then simply comes back.
        if (restored === undefined) expect(kind).toBe('bit flip')
        else
          expect(restored).toMatch(
            kind === 'deleted'
              ? /not in the trash any more/
              : /its copy in trash\/.* is damaged .* left there/,
          )
        expect(workspace.articles.map((a) => a.id)).toContain(ws.tagged.articleIds[1])
      } finally {
        await workspace.close()
      }
    })
  }

  it('a damaged original: the article it came from still opens and reads', async () => {
    for (const name of await readdir(join(ws.path, 'originals')))
      await writeFile(join(ws.path, 'originals', name), 'x')
    const workspace = await Workspace.open(ws.path)
    try {
      expect(workspace.problems).toEqual([])
      for (const id of ws.tagged.articleIds)
        expect((await workspace.readArticle(id)).text.length).toBeGreaterThan(100)
    } finally {
      await workspace.close()
    }
  })

  it('a lock file that is a folder: refused with a sentence, nothing changed', async () => {
    await mkdir(join(ws.path, 'dossier.lock'))
    await expect(Workspace.open(ws.path)).rejects.toThrow(
      /lock file .*dossier\.lock cannot be read because it is a folder/,
    )
    expect(existsSync(join(ws.path, INDEX_FILE))).toBe(true)
  })
})
