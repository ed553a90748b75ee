// The recogniser runs in the import workers: the main process only looks its names up. The recogniser
// is made to fail on this thread, so a proposal can only come from the worker's names.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../../../src/main/services/dossier'
import { suggestionEngineOf } from '../../../src/main/services/entities/suggestion-engine'
import { createExtractPool, type ExtractPool } from '../../../src/main/services/import/extract-pool'
import { Workspace } from '../../../src/main/services/store/workspace'
import { SEED_000, tempDir } from '../../helpers'

const tagged = vi.hoisted(() => ({ onMain: 0 }))
vi.mock('../../../src/main/services/ner/recognise', async (original) => ({
  ...(await original<typeof import('../../../src/main/services/ner/recognise')>()),
  recognise: () => {
    tagged.onMain++
    throw new Error('the recogniser ran on the main thread')
  },
}))

const loader = new URL('../import/fixtures/ts-worker.mjs', import.meta.url)
const worker = {
  workerData: { entry: new URL('../../../src/main/services/import/extract-worker.ts', import.meta.url).href },
}

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let pool: ExtractPool
let handlers: ReturnType<typeof createHandlers>

async function open() {
  workspace = await Workspace.open(dir.path)
  const printer = { print: async () => new Uint8Array(), close: async () => {} }
  handlers = createHandlers({
    workspace,
    printer,
    host: 'browser',
    samplesDir: dir.path,
    extractor: pool.extract,
    recognise: (text) => {
      inPool++
      return pool.recognise(text)
    },
  })
}
let inPool = 0

beforeEach(async () => {
  dir = await tempDir()
  pool = createExtractPool(loader, { ...worker, size: 1 })
  await open()
  tagged.onMain = 0
  inPool = 0
})
afterEach(async () => {
  await suggestionEngineOf(workspace)!.settled()
  await workspace.close()
  await pool.close()
  await dir.remove()
})

const upload = async (path: string) =>
  (await handlers['import.upload']({ name: basename(path), data: await readFile(path) })).articleId!

describe('the recogniser in the import workers', () => {
  it('gives each imported article its proposals without tagging it on the main thread', async () => {
    const id = await upload(SEED_000)
    const { article } = await handlers['articles.get']({ id })
    const proposed = article.mentions.filter((m) => m.proposed && !m.entityId)
    expect(proposed.map((m) => m.proposed!.name)).toContain('Kim Jong Un')
    expect(proposed.every((m) => m.source === 'recogniser' && m.status === 'suggested')).toBe(true)
    expect(tagged.onMain).toBe(0)
  }, 30_000)

  it('loses to the dictionary of confirmed names, and a form never to suggest stays unsuggested', async () => {
    const first = await upload(SEED_000)
    const { article } = await handlers['articles.get']({ id: first })
    const start = article.text.indexOf('Kim Jong Un')
    await handlers['mentions.create']({ articleId: first, start, end: start + 11, type: 'Person' })
    await handlers['suggestions.neverSuggest']({ form: 'North Korea' })
    await suggestionEngineOf(workspace)!.settled()
    // The same story again, as another file: its names come from the worker, settled in main.
    const bytes = Buffer.concat([await readFile(SEED_000), Buffer.from('\n\nA second copy.\n')])
    const second = (await handlers['import.upload']({ name: 'copy.txt', data: bytes })).articleId!
    const { article: copy } = await handlers['articles.get']({ id: second })
    const at = (words: string) =>
      copy.mentions.filter((m) => copy.text.slice(m.target.position.start, m.target.position.end) === words)
    const kim = at('Kim Jong Un')
    expect(kim.length).toBeGreaterThan(0)
    expect(kim.every((m) => m.source !== 'recogniser' && m.entityId !== undefined)).toBe(true)
    expect(at('North Korea').filter((m) => m.status === 'suggested')).toEqual([])
    expect(tagged.onMain).toBe(0)
  }, 30_000)

  it('tags the articles of a workspace opened again in the pool for the background pass', async () => {
    const id = await upload(SEED_000)
    const proposals = async () =>
      (await handlers['articles.get']({ id })).article.mentions.filter((m) => m.proposed && !m.entityId)
    const before = (await proposals()).map((m) => m.id)
    expect(before.length).toBeGreaterThan(0)
    await suggestionEngineOf(workspace)!.settled()
    await workspace.close()
    // A new session knows no article's names: its first pass asks the pool for them.
    await open()
    suggestionEngineOf(workspace)!.requestPass()
    await suggestionEngineOf(workspace)!.settled()
    expect(inPool).toBe(1)
    expect((await proposals()).map((m) => m.id)).toEqual(before)
    expect(tagged.onMain).toBe(0)
  }, 30_000)
})
