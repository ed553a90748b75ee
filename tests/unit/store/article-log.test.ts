// The annotation log beside each article: what an append leaves on disk, what a crash leaves, and what
// the next opening makes of it.
import { existsSync } from 'node:fs'
import { appendFile, cp, mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { replay, type AnnotationOp } from '../../../src/main/services/store/annotation-ops'
import { needsCompaction, noLog } from '../../../src/main/services/store/article-log'
import { INDEX_FILE, Workspace, type WorkspaceOptions } from '../../../src/main/services/store/workspace'
import { Importer } from '../../../src/main/services/import/importer'
import type { Article } from '../../../src/shared/model'
import { SEED_000, SEED_004, tempDir } from '../../helpers'
import { handlersFor } from '../../tagged-workspace'

describe('the annotation log', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let ws: string
  let ids: string[]
  beforeEach(async () => {
    dir = await tempDir()
    ws = join(dir.path, 'ws')
    const workspace = await Workspace.open(ws)
    ids = (await new Importer(workspace).importPaths([SEED_000, SEED_004])).map((r) => r.articleId!)
    await workspace.close()
  })
  afterEach(() => dir.remove())

  const articleFile = (id: string, root = ws) => join(root, 'articles', `${id}.json`)
  const logFile = (id: string, root = ws) => join(root, 'articles', `${id}.log`)
  const logLines = async (id: string, root = ws) =>
    (await readFile(logFile(id, root), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AnnotationOp)

  /** The workspace as a crash would leave it now: every file as it is, the lock of a dead process gone. */
  async function crashCopy(name = 'crashed'): Promise<string> {
    const copy = join(dir.path, name)
    await cp(ws, copy, { recursive: true, filter: (src) => !src.endsWith('dossier.lock') })
    return copy
  }

  async function open(path = ws, options: WorkspaceOptions = {}) {
    const workspace = await Workspace.open(path, options)
    return { workspace, handlers: handlersFor(workspace) }
  }

  /** Highlights one word of the article, found by its text. */
  async function highlight(handlers: ReturnType<typeof handlersFor>, id: string, word: string, note = '') {
    const { article } = await handlers['articles.get']({ id })
    const start = article.text.indexOf(word)
    expect(start).toBeGreaterThanOrEqual(0)
    return handlers['highlights.create']({ articleId: id, start, end: start + word.length, note })
  }

  it('appends each change to the log and leaves the article file alone', async () => {
    const before = await readFile(articleFile(ids[0]!), 'utf8')
    const { workspace, handlers } = await open()
    try {
      const { highlight: h, summary } = await highlight(handlers, ids[0]!, 'Moscow', 'first')
      expect(summary.highlightCount).toBe(1)
      await handlers['highlights.update']({ articleId: ids[0]!, id: h.id, note: 'second' })
      const { article } = await handlers['articles.get']({ id: ids[0]! })
      const start = article.text.indexOf('Vladimir Putin')
      const { mention, summary: tagged } = await handlers['mentions.create']({
        articleId: ids[0]!,
        start,
        end: start + 14,
        type: 'Person',
      })
      expect(tagged.entityCount).toBe(1)
      await handlers['mentions.remove']({ articleId: ids[0]!, id: mention.id })
      expect(await readFile(articleFile(ids[0]!), 'utf8')).toBe(before)
      const ops = await logLines(ids[0]!)
      expect(ops.map((op) => op.op)).toEqual([
        'put-highlight',
        'put-highlight',
        'put-mention',
        'remove-mention',
      ])
      // Copies of what they refer to, so the workspace can be rebuilt from the article files alone.
      expect(ops[0]).toMatchObject({ code: { id: h.codeId } })
      expect(ops[2]).toMatchObject({ entity: { name: 'Vladimir Putin', type: 'Person' } })
    } finally {
      await workspace.close()
    }
  })

  it('after a crash, the next opening replays the log and counts it in the library row', async () => {
    const { workspace, handlers } = await open()
    let crashed: string
    try {
      for (const word of ['Moscow', 'Pyongyang', 'Kim Jong Un']) await highlight(handlers, ids[0]!, word)
      const { article } = await handlers['articles.get']({ id: ids[0]! })
      const start = article.text.indexOf('Vladimir Putin')
      await handlers['mentions.create']({ articleId: ids[0]!, start, end: start + 14, type: 'Person' })
      // The index row has not been rewritten yet: only the log is newer than what it says.
      crashed = await crashCopy()
    } finally {
      await workspace.close()
    }
    const reopened = await open(crashed)
    try {
      expect(reopened.workspace.problems).toEqual([])
      expect(reopened.workspace.summary(ids[0]!)).toMatchObject({ highlightCount: 3, entityCount: 1 })
      const article = await reopened.workspace.readArticle(ids[0]!)
      expect(article.highlights.map((h) => h.target.quote.exact)).toEqual(
        [...article.highlights]
          .sort((a, b) => a.target.position.start - b.target.position.start)
          .map((h) => h.target.quote.exact),
      )
      expect(article.highlights).toHaveLength(3)
      expect(article.mentions).toHaveLength(1)
    } finally {
      await reopened.workspace.close()
    }
  })

  it('replaying a log the article file already holds changes nothing (a crash after compaction)', async () => {
    const { workspace, handlers } = await open()
    let crashed: string
    try {
      const { highlight: kept } = await highlight(handlers, ids[0]!, 'Moscow', 'before')
      const { highlight: gone } = await highlight(handlers, ids[0]!, 'Pyongyang')
      await handlers['highlights.update']({ articleId: ids[0]!, id: kept.id, note: 'after' })
      await handlers['highlights.remove']({ articleId: ids[0]!, id: gone.id })
      crashed = await crashCopy()
    } finally {
      await workspace.close()
    }
    // close() folded the log into the article file and removed it; the crash came just before the removal.
    expect(existsSync(logFile(ids[0]!))).toBe(false)
    await cp(articleFile(ids[0]!), articleFile(ids[0]!, crashed))
    expect(existsSync(logFile(ids[0]!, crashed))).toBe(true)
    const reference = await open()
    const expected = await reference.workspace.readArticle(ids[0]!)
    await reference.workspace.close()
    const reopened = await open(crashed)
    try {
      expect(reopened.workspace.problems).toEqual([])
      const article = await reopened.workspace.readArticle(ids[0]!)
      expect(article.highlights).toEqual(expected.highlights)
      expect(article.highlights.map((h) => h.note)).toEqual(['after'])
    } finally {
      await reopened.workspace.close()
    }
  })

  it('replays idempotently: the same ops twice give the same article as once', async () => {
    const { workspace, handlers } = await open()
    try {
      await highlight(handlers, ids[1]!, 'North Korea', 'one')
      await highlight(handlers, ids[1]!, 'White House', 'two')
      const ops = await logLines(ids[1]!)
      const base = JSON.parse(await readFile(articleFile(ids[1]!), 'utf8')) as Article
      const once = structuredClone(base)
      replay(once, ops)
      const twice = structuredClone(once)
      replay(twice, ops)
      expect(twice).toEqual(once)
      expect(once.highlights).toHaveLength(2)
    } finally {
      await workspace.close()
    }
  })

  it('ignores a line cut short by a crash and cuts it off before the next append', async () => {
    const { workspace, handlers } = await open()
    let crashed: string
    try {
      await highlight(handlers, ids[0]!, 'Moscow', 'whole')
      crashed = await crashCopy()
    } finally {
      await workspace.close()
    }
    await appendFile(logFile(ids[0]!, crashed), '{"v":2,"op":"put-highlight","at":"20')
    const reopened = await open(crashed)
    try {
      expect(reopened.workspace.problems).toEqual([])
      expect((await reopened.workspace.readArticle(ids[0]!)).highlights.map((h) => h.note)).toEqual(['whole'])
      await highlight(reopened.handlers, ids[0]!, 'Pyongyang', 'next')
      const text = await readFile(logFile(ids[0]!, crashed), 'utf8')
      expect(text.endsWith('\n')).toBe(true)
      expect(
        text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line).highlight.note),
      ).toEqual(['whole', 'next'])
    } finally {
      await reopened.workspace.close()
    }
  })

  it('quarantines a log with a damaged line, names it, and keeps every change that can be read', async () => {
    const { workspace, handlers } = await open()
    let crashed: string
    try {
      for (const note of ['one', 'two', 'three']) await highlight(handlers, ids[0]!, 'Moscow', note)
      crashed = await crashCopy()
    } finally {
      await workspace.close()
    }
    const lines = (await readFile(logFile(ids[0]!, crashed), 'utf8')).split('\n')
    lines[1] = `${lines[1]!.slice(0, 40)}\u0000garbage`
    const damaged = lines.join('\n')
    await writeFile(logFile(ids[0]!, crashed), damaged)
    const reopened = await open(crashed)
    try {
      const problem = reopened.workspace.problems.find((p) => p.file === `articles/${ids[0]}.log`)
      expect(problem?.message).toMatch(
        /articles\/\w+\.log could not be read because line 2 is not valid JSON\. It was moved to quarantine\/.*untouched, and the article keeps the 2 changes of it that could be read/,
      )
      const article = await reopened.workspace.readArticle(ids[0]!)
      expect(article.highlights.map((h) => h.note).sort()).toEqual(['one', 'three'])
      const [kept] = await readdir(join(crashed, 'quarantine'))
      expect(await readFile(join(crashed, 'quarantine', kept!), 'utf8')).toBe(damaged)
      expect(existsSync(logFile(ids[0]!, crashed))).toBe(false)
    } finally {
      await reopened.workspace.close()
    }
    // What could be read is now in the article file itself: the next opening has nothing to report.
    const again = await open(crashed)
    try {
      expect(again.workspace.problems).toEqual([])
      expect((await again.workspace.readArticle(ids[0]!)).highlights).toHaveLength(2)
    } finally {
      await again.workspace.close()
    }
  })

  it('folds the log into the article file once it passes the threshold, in the background', async () => {
    const { workspace, handlers } = await open(ws, { compaction: { ops: 3 } })
    try {
      for (const note of ['a', 'b']) await highlight(handlers, ids[0]!, 'Moscow', note)
      expect(await logLines(ids[0]!)).toHaveLength(2)
      await highlight(handlers, ids[0]!, 'Moscow', 'c')
      // A read waits behind the compaction queued for the article.
      await workspace.readArticle(ids[0]!)
      expect(existsSync(logFile(ids[0]!))).toBe(false)
      const file = JSON.parse(await readFile(articleFile(ids[0]!), 'utf8')) as Article
      expect(file.highlights.map((h) => h.note).sort()).toEqual(['a', 'b', 'c'])
      expect(file.codeCopies?.length).toBeGreaterThan(0)
      await highlight(handlers, ids[0]!, 'Moscow', 'd')
      expect(await logLines(ids[0]!)).toHaveLength(1)
    } finally {
      await workspace.close()
    }
    expect(existsSync(logFile(ids[0]!))).toBe(false)
  })

  it('compacts by ops, or by log bytes relative to the article file', () => {
    const limits = { ops: 1000, minBytes: 64 * 1024, ratio: 0.5 }
    const log = (ops: number, validBytes: number) => ({ ...noLog(), exists: true, ops, validBytes })
    expect(needsCompaction(noLog(), 0, limits)).toBe(false)
    expect(needsCompaction(log(999, 1000), 10_000, limits)).toBe(false)
    expect(needsCompaction(log(1000, 1000), 10_000, limits)).toBe(true)
    expect(needsCompaction(log(10, 64 * 1024), 10_000, limits)).toBe(true)
    expect(needsCompaction(log(10, 400_000), 1_000_000, limits)).toBe(false)
    expect(needsCompaction(log(10, 500_000), 1_000_000, limits)).toBe(true)
  })

  it('a failed append changes nothing in memory and says what happened', async () => {
    const first = await open()
    await highlight(first.handlers, ids[1]!, 'North Korea', 'kept').finally(() => first.workspace.close())
    const { workspace: again, handlers: h } = await open()
    try {
      const before = await again.readArticle(ids[1]!)
      // A folder where the log goes: the append fails as a broken disk would.
      await mkdir(logFile(ids[1]!))
      const start = before.text.indexOf('White House')
      await expect(h['highlights.create']({ articleId: ids[1]!, start, end: start + 11 })).rejects.toThrow(
        /Could not save ".*".*Nothing was lost: the previous version is intact/,
      )
      expect(await again.readArticle(ids[1]!)).toEqual(before)
      expect(again.summary(ids[1]!)?.highlightCount).toBe(1)
      await rmdir(logFile(ids[1]!))
      await h['highlights.create']({ articleId: ids[1]!, start, end: start + 11 })
      expect((await again.readArticle(ids[1]!)).highlights).toHaveLength(2)
    } finally {
      await again.close()
    }
  })

  it('reads the log of an article first changed after opening, once it is no longer in memory', async () => {
    // More articles than the store keeps parsed, so reading them all pushes the changed one out.
    const file = await readFile(articleFile(ids[1]!), 'utf8')
    const others = Array.from({ length: 70 }, (_, i) => `copy${String(i).padStart(8, '0')}`)
    for (const id of others) await writeFile(articleFile(id), file.replaceAll(ids[1]!, id))
    const { workspace, handlers } = await open()
    try {
      await highlight(handlers, ids[0]!, 'Moscow', 'in the log')
      for (const id of others) await workspace.peekArticle(id)
      expect((await workspace.peekArticle(ids[0]!)).highlights.map((h) => h.note)).toEqual(['in the log'])
    } finally {
      await workspace.close()
    }
  })

  it('moves the changes to trash with the article, and brings them back on restore', async () => {
    const { workspace, handlers } = await open()
    try {
      await highlight(handlers, ids[0]!, 'Moscow', 'in the log')
      expect(existsSync(logFile(ids[0]!))).toBe(true)
      await handlers['articles.remove']({ id: ids[0]! })
      expect(existsSync(logFile(ids[0]!))).toBe(false)
      expect(await readdir(join(ws, 'trash'))).toEqual([`${ids[0]}.json`])
      const restored = await handlers['articles.restore']({ id: ids[0]! })
      expect(restored.highlightCount).toBe(1)
      expect((await workspace.readArticle(ids[0]!)).highlights.map((h) => h.note)).toEqual(['in the log'])
    } finally {
      await workspace.close()
    }
  })

  it('is never swept up as litter', async () => {
    const { workspace, handlers } = await open()
    try {
      await highlight(handlers, ids[0]!, 'Moscow', 'stays')
      const crashed = await crashCopy()
      const reopened = await Workspace.open(crashed)
      expect((await reopened.readArticle(ids[0]!)).highlights).toHaveLength(1)
      await reopened.close()
    } finally {
      await workspace.close()
    }
  })

  it('rebuilds the entities and codes from the copies in the logs when dossier.json is lost', async () => {
    const { workspace, handlers } = await open()
    let crashed: string
    const names = new Map<string, string>()
    try {
      const code = await handlers['codes.create']({ name: 'Sanctions', color: '#123456', description: '' })
      const { article } = await handlers['articles.get']({ id: ids[0]! })
      const start = article.text.indexOf('Moscow')
      await handlers['highlights.create']({ articleId: ids[0]!, start, end: start + 6, codeId: code.id })
      for (const [word, type] of [
        ['Vladimir Putin', 'Person'],
        ['Moscow', 'Location'],
      ] as const) {
        const at = article.text.indexOf(word)
        const { entity } = await handlers['mentions.create']({
          articleId: ids[0]!,
          start: at,
          end: at + word.length,
          type,
        })
        names.set(entity.id, entity.name)
      }
      crashed = await crashCopy()
    } finally {
      await workspace.close()
    }
    await rm(join(crashed, INDEX_FILE))
    await rm(join(crashed, 'backups'), { recursive: true, force: true })
    const reopened = await open(crashed)
    try {
      expect(reopened.workspace.problems[0]?.message).toMatch(
        /2 entities from the copies kept in the article files/,
      )
      expect(new Map(reopened.workspace.entities.map((e) => [e.id, e.name]))).toEqual(names)
      expect(reopened.workspace.codes.map((c) => c.name)).toContain('Sanctions')
      expect((await reopened.workspace.readArticle(ids[0]!)).mentions).toHaveLength(2)
    } finally {
      await reopened.workspace.close()
    }
  })
})
