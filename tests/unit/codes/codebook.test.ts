import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_CODES,
  createCode,
  liveCodes,
  mergeCodes,
  moveCode,
  resolveCode,
  seedCodes,
  unmergeCodes,
} from '../../../src/main/services/codes/codebook'
import { migrate } from '../../../src/main/services/store/migrations'
import { INDEX_FILE, Workspace } from '../../../src/main/services/store/workspace'
import type { Code } from '../../../src/shared/model'
import { tempDir } from '../../helpers'
import { handlersFor } from '../../tagged-workspace'

const fresh = (): Code[] => seedCodes(DEFAULT_CODES, '2026-01-01T00:00:00.000Z')

describe('the codebook', () => {
  it('starts with the codes analysts recognise, in the order keys 1–5 apply them', () => {
    expect(liveCodes(fresh()).map((c) => c.name)).toEqual([
      'Key judgement',
      'Evidence',
      'Contradiction',
      'Question',
      'Follow-up',
    ])
  })

  it('refuses a second code with the same name, whatever its case and spacing', () => {
    const codes = fresh()
    expect(() => createCode(codes, { name: '  key   JUDGEMENT ', color: '#123456' })).toThrow(
      /already a code/,
    )
    expect(createCode(codes, { name: 'Motive', color: '#ABCDEF' }).color).toBe('#abcdef')
  })

  it('moves a code among the live ones and keeps tombstones at the end', () => {
    const codes = fresh()
    mergeCodes(codes, ['question'], 'followup')
    moveCode(codes, 'followup', 0)
    expect(liveCodes(codes).map((c) => c.id)).toEqual([
      'followup',
      'keyjudgement',
      'evidence',
      'contradiction',
    ])
    expect(codes.at(-1)?.id).toBe('question')
  })

  it('resolves a merged code to the end of its chain, and an undo brings it back', () => {
    const codes = fresh()
    mergeCodes(codes, ['question'], 'followup')
    mergeCodes(codes, ['followup'], 'evidence')
    expect(resolveCode(codes, 'question')?.id).toBe('evidence')
    expect(resolveCode(codes, 'followup')?.id).toBe('evidence')
    unmergeCodes(codes, ['followup'])
    expect(resolveCode(codes, 'followup')?.id).toBe('followup')
    expect(resolveCode(codes, 'nosuchcode')).toBeUndefined()
  })

  it('will not merge a code into itself or into a merged one', () => {
    const codes = fresh()
    expect(() => mergeCodes(codes, ['evidence'], 'evidence')).toThrow(/at least one other/)
    mergeCodes(codes, ['question'], 'evidence')
    expect(() => mergeCodes(codes, ['evidence'], 'question')).toThrow(/no longer exists/)
  })
})

describe('colour highlights from before codes', () => {
  it('become the code of their colour, and an index that had highlights gains those codes', () => {
    const article = migrate(
      {
        schemaVersion: 1,
        highlights: [
          { id: 'aaaaaa', color: 'pink', note: 'kept' },
          { id: 'bbbbbb', color: 'green', note: '' },
        ],
      },
      'a.json',
    ) as { schemaVersion: number; highlights: Array<Record<string, unknown>> }
    expect(article.schemaVersion).toBe(2)
    expect(article.highlights).toEqual([
      { id: 'aaaaaa', codeId: 'legacypink', note: 'kept' },
      { id: 'bbbbbb', codeId: 'legacygreen', note: '' },
    ])
    const index = migrate(
      { schemaVersion: 1, createdAt: 'x', articles: [{ highlightCount: 2 }], entities: [] },
      INDEX_FILE,
    ) as { codes: Code[] }
    expect(index.codes.map((c) => c.name)).toEqual([
      ...DEFAULT_CODES.map((c) => c.name),
      'Yellow',
      'Green',
      'Blue',
      'Pink',
    ])
    const empty = migrate({ schemaVersion: 1, createdAt: 'x', articles: [], entities: [] }, INDEX_FILE) as {
      codes: Code[]
    }
    expect(empty.codes).toHaveLength(DEFAULT_CODES.length)
  })
})

describe('codes through the handlers', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => (dir = await tempDir()))
  afterEach(() => dir.remove())

  it('shows a merged code’s highlights as the code it went into, and exactly as before after an undo', async () => {
    let workspace = await Workspace.open(dir.path)
    let handlers = handlersFor(workspace)
    const data = new TextEncoder().encode('Troops moved north at dawn. Officials denied it later.')
    const { articleId } = await handlers['import.upload']({ name: 'note.txt', data })
    const { highlight } = await handlers['highlights.create']({
      articleId: articleId!,
      start: 0,
      end: 27,
      codeId: 'question',
    })
    expect(highlight.codeId).toBe('question')

    await handlers['codes.merge']({ ids: ['question'], into: 'evidence' })
    let view = await handlers['articles.get']({ id: articleId! })
    expect(view.article.highlights[0]?.codeId).toBe('evidence')
    expect((await handlers['codes.list']({})).map((c) => c.id)).not.toContain('question')
    await expect(
      handlers['highlights.create']({ articleId: articleId!, start: 28, end: 40, codeId: 'nosuchcode' }),
    ).rejects.toThrow(/no longer exists/)
    await workspace.close()

    workspace = await Workspace.open(dir.path)
    handlers = handlersFor(workspace)
    await handlers['codes.unmerge']({ ids: ['question'] })
    view = await handlers['articles.get']({ id: articleId! })
    expect(view.article.highlights[0]?.codeId).toBe('question')
    await workspace.close()
  })

  it('rebuilds the codebook from the articles’ copies when dossier.json is lost', async () => {
    let workspace = await Workspace.open(dir.path)
    let handlers = handlersFor(workspace)
    const motive = await handlers['codes.create']({ name: 'Motive', color: '#0ca678' })
    const data = new TextEncoder().encode('The convoy left before the talks began, sources said.')
    const { articleId } = await handlers['import.upload']({ name: 'convoy.txt', data })
    await handlers['highlights.create']({ articleId: articleId!, start: 4, end: 10, codeId: motive.id })
    await workspace.close()
    await writeFile(join(dir.path, INDEX_FILE), '{"schemaVersion": 2, "articles": [')

    workspace = await Workspace.open(dir.path)
    handlers = handlersFor(workspace)
    const codes = await handlers['codes.list']({})
    expect(codes.find((c) => c.id === motive.id)?.name).toBe('Motive')
    const view = await handlers['articles.get']({ id: articleId! })
    expect(view.article.highlights[0]?.codeId).toBe(motive.id)
    expect(JSON.parse(await readFile(join(dir.path, INDEX_FILE), 'utf8')).codes.length).toBeGreaterThan(0)
    await workspace.close()
  })
})
