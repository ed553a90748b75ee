import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INDEX_FILE, Workspace } from '../../../src/main/services/store/workspace'
import { entityFacts, useTaggedWorkspace, type TaggedWorkspace } from '../../tagged-workspace'

/** Every way dossier.json was seen damaged, and what a damaged file holds after each. */
const DAMAGE: Record<string, (text: string) => string | undefined> = {
  truncated: (text) => text.slice(0, Math.floor(text.length / 2)),
  garbage: () => '\u0000\u00ff\u0013 not json at all',
  empty: () => '',
  null: () => 'null',
  'wrong-shaped': () => JSON.stringify({ schemaVersion: 1, articles: 'none', entities: {} }),
  'an array': () => '[]',
  deleted: () => undefined,
}

async function damage(dir: string, kind: string) {
  const path = join(dir, INDEX_FILE)
  const after = DAMAGE[kind]!(await readFile(path, 'utf8'))
  if (after === undefined) await rm(path)
  else await writeFile(path, after)
}

async function expectComplete(workspace: Workspace, tagged: TaggedWorkspace) {
  expect(entityFacts(workspace.entities)).toEqual(entityFacts(tagged.entities))
  expect(workspace.articles.map((a) => a.id).sort()).toEqual([...tagged.articleIds].sort())
  const ids = new Set(workspace.entities.map((e) => e.id))
  for (const id of tagged.articleIds) {
    const article = await workspace.readArticle(id)
    for (const mention of article.mentions.filter((m) => m.entityId !== undefined))
      expect(ids.has(mention.entityId!)).toBe(true)
    expect(article.mentions.length).toBeGreaterThan(0)
  }
}

describe('a damaged dossier.json', () => {
  const ws = useTaggedWorkspace()

  for (const kind of Object.keys(DAMAGE)) {
    it(`(${kind}) is rebuilt with every entity, and the analyst is told what was restored`, async () => {
      // One more opening, so that a backup exists as it would after any day's work.
      await (await Workspace.open(ws.path)).close()
      await damage(ws.path, kind)
      const workspace = await Workspace.open(ws.path)
      try {
        await expectComplete(workspace, ws.tagged)
        const problem = workspace.problems.find((p) => p.file === INDEX_FILE)!
        expect(problem.message).toMatch(
          /Dossier rebuilt it: 2 articles from their files; 4 entities from the backup of/,
        )
        if (kind !== 'deleted') expect(problem.message).toMatch(/moved to quarantine\//)
      } finally {
        await workspace.close()
      }
      if (kind !== 'deleted') expect(await readdir(join(ws.path, 'quarantine'))).toHaveLength(1)
    })
  }

  it('is rebuilt from the copies in the article files when no backup is left', async () => {
    await rm(join(ws.path, 'backups'), { recursive: true })
    await damage(ws.path, 'truncated')
    const workspace = await Workspace.open(ws.path)
    try {
      await expectComplete(workspace, ws.tagged)
      expect(workspace.problems[0]!.message).toMatch(
        /there was no backup yet; 4 entities from the copies kept in the article files/,
      )
    } finally {
      await workspace.close()
    }
  })

  it('keeps every tag pointing at an entity even when nothing describes the entities any more', async () => {
    await rm(join(ws.path, 'backups'), { recursive: true })
    for (const id of ws.tagged.articleIds) {
      const path = join(ws.path, 'articles', `${id}.json`)
      const article = JSON.parse(await readFile(path, 'utf8'))
      delete article.entityCopies
      await writeFile(path, JSON.stringify(article))
    }
    await damage(ws.path, 'garbage')
    const workspace = await Workspace.open(ws.path)
    try {
      expect(workspace.entities.map((e) => e.id).sort()).toEqual(ws.tagged.entities.map((e) => e.id).sort())
      const kim = workspace.entities.find((e) => e.aliases.includes('Kin Jong Un'))!
      expect(kim.type).toBe('Other')
      expect(workspace.problems[0]!.message).toMatch(/4 entities from the tagged text alone/)
    } finally {
      await workspace.close()
    }
  })

  it('never costs the last good backup, however often the workspace is opened afterwards', async () => {
    await (await Workspace.open(ws.path)).close()
    await damage(ws.path, 'empty')
    for (let i = 0; i < 6; i++) await (await Workspace.open(ws.path)).close()
    const backups = await readdir(join(ws.path, 'backups'))
    const complete = await Promise.all(
      backups.map(async (name) => JSON.parse(await readFile(join(ws.path, 'backups', name), 'utf8'))),
    )
    expect(complete.some((index) => index.entities.length === ws.tagged.entities.length)).toBe(true)
    // Openings that change nothing add no copies.
    expect(backups.length).toBeLessThanOrEqual(2)
    await damage(ws.path, 'null')
    const workspace = await Workspace.open(ws.path)
    await expectComplete(workspace, ws.tagged)
    await workspace.close()
  })
})
