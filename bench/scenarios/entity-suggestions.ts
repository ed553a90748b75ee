// Entities across the corpus: "tag all" of one name over 5,000 articles (find every occurrence, then tag
// them all in one step), through the app's handlers and with the store alone, and the background
// suggestion pass over the same workspace, per article (its tagging in the import worker pool, as the
// app does, with how long the main thread was busy meanwhile).
import { performance as perfHooks } from 'node:perf_hooks'
import { createHandlers } from '../../src/main/services/dossier'
import { createExtractPool } from '../../src/main/services/import/extract-pool'
import { benchExtractWorker } from '../lib/extract-worker'
import { suggestionEngineOf } from '../../src/main/services/entities/suggestion-engine'
import { findOccurrences, tagOccurrences } from '../../src/main/services/entities/tag-all'
import { Workspace } from '../../src/main/services/store/workspace'
import { open, readFile, rm } from 'node:fs/promises'
import { articlePath } from '../../src/main/services/store/article-file'
import { generateWorkspace } from '../lib/generate-workspace'
import { scratchLogPath, timeBareAppend } from '../lib/write-floor'
import type { Figure, Scenario } from '../lib/scenario'
import { timeMs } from '../lib/stats'

const ARTICLES = 5_000
const TAG_ALL_TARGET_MS = 2_000
const NAME = 'Pyongyang'
const OTHER_NAME = 'Seoul'

type Log = (line: string) => void

/** Through the handlers, as the app runs: tag all of NAME, then a whole suggestion pass. */
async function throughHandlers(dir: string, log: Log) {
  const workspace = await Workspace.open(dir)
  // The import worker pool, as the app has it: the pass's tagging runs there.
  const worker = benchExtractWorker()
  const pool = createExtractPool(worker.url, worker.options)
  try {
    // Rows written by the generator are summarised again in the background after opening: not timed.
    await workspace.rowsRefreshed()
    const printer = { print: async () => new Uint8Array(), close: async () => {} }
    const handlers = createHandlers({
      workspace,
      printer,
      host: 'browser',
      samplesDir: dir,
      extractor: pool.extract,
      recognise: pool.recognise,
    })
    // The library's search index reads every article once after opening: not timed either.
    await handlers['library.search']({})
    const entity = workspace.entities.find((e) => e.name === NAME)!
    let found!: Awaited<ReturnType<(typeof handlers)['entities.occurrences']>>
    const find = await timeMs(async () => {
      found = await handlers['entities.occurrences']({ id: entity.id, limit: 50_000 })
    })
    const chosen = found.occurrences
      .filter((o) => !o.taggedAs)
      .map(({ articleId, start, end }) => ({ articleId, start, end }))
    log(
      `${found.occurrences.length} of "${NAME}" in ${found.articles.length} articles found in ${find.toFixed(0)} ms`,
    )
    let tagged = 0
    const tag = await timeMs(async () => {
      tagged = (await handlers['entities.tagOccurrences']({ id: entity.id, occurrences: chosen })).mentions
        .length
    })
    log(`tagged ${tagged} in ${tag.toFixed(0)} ms`)
    const again = await timeMs(() => handlers['entities.occurrences']({ id: entity.id, limit: 50_000 }))
    const engine = suggestionEngineOf(workspace)!
    const loopBefore = perfHooks.eventLoopUtilization()
    engine.requestPass()
    await engine.settled()
    const passMainMs = perfHooks.eventLoopUtilization(loopBefore).active
    log(
      `suggestion pass: ${engine.lastPass.articles} articles in ${engine.lastPass.ms.toFixed(0)} ms (${worker.label})`,
    )
    const facts = {
      occurrences: found.occurrences.length,
      'articles with it': found.articles.length,
      tagged,
      entities: workspace.entities.length,
    }
    return { find, tag, again, pass: { ...engine.lastPass, mainMs: passMainMs }, facts }
  } finally {
    await workspace.close()
    await pool.close()
  }
}

/**
 * The same pass in a session opened again without the pool: the recogniser tags every article on the
 * main thread, as before it ran in the pool. It follows the pool's pass, so it has nothing left to
 * write: the comparison favours it.
 */
async function passOnMainThread(dir: string, log: Log) {
  const workspace = await Workspace.open(dir)
  try {
    await workspace.rowsRefreshed()
    const printer = { print: async () => new Uint8Array(), close: async () => {} }
    createHandlers({ workspace, printer, host: 'browser', samplesDir: dir })
    const engine = suggestionEngineOf(workspace)!
    const loopBefore = perfHooks.eventLoopUtilization()
    engine.requestPass()
    await engine.settled()
    const mainMs = perfHooks.eventLoopUtilization(loopBefore).active
    log(`suggestion pass, recogniser on the main thread: ${engine.lastPass.ms.toFixed(0)} ms`)
    return { ...engine.lastPass, mainMs }
  } finally {
    await workspace.close()
  }
}

/** Runs `each` over the items, 16 at a time (as tag-all reads and writes). */
async function sixteenAtOnce<T>(items: readonly T[], each: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < items.length) await each(items[next++]!)
  }
  await Promise.all(Array.from({ length: 16 }, lane))
}

/**
 * The floor under tag-all: every article file read and parsed once (to find the name), and one line
 * appended and fsynced per article tagged, each to a file of its own, with no store around it.
 */
async function bareFloor(dir: string, all: readonly string[], tagged: number) {
  const logs = Array.from({ length: tagged }, () => scratchLogPath(dir))
  await sixteenAtOnce(logs, async (path) => (await open(path, 'w')).close())
  const line = new TextEncoder().encode(
    `${JSON.stringify({ op: 'put-mention', at: new Date().toISOString() })}\n`,
  )
  try {
    const read = await timeMs(() =>
      sixteenAtOnce(all, async (id) => JSON.parse(await readFile(articlePath(dir, id), 'utf8'))),
    )
    const write = await timeMs(() => sixteenAtOnce(logs, (path) => timeBareAppend(path, line)))
    return { read, write }
  } finally {
    await sixteenAtOnce(logs, (path) => rm(path, { force: true }))
  }
}

/** The store alone, without the app's other listeners (the search index re-reads each changed article). */
async function storeAlone(dir: string, log: Log) {
  const workspace = await Workspace.open(dir)
  try {
    await workspace.rowsRefreshed()
    const entity = workspace.entities.find((e) => e.name === OTHER_NAME)!
    let listed!: Awaited<ReturnType<typeof findOccurrences>>
    const find = await timeMs(async () => {
      listed = await findOccurrences(workspace, entity, { limit: 50_000 })
    })
    const untagged = listed.occurrences.filter((o) => !o.taggedAs)
    const tag = await timeMs(() => tagOccurrences(workspace, entity, untagged))
    log(
      `store alone: ${listed.occurrences.length} of "${OTHER_NAME}" found in ${find.toFixed(0)} ms, tagged in ${tag.toFixed(0)} ms`,
    )
    return { find, tag }
  } finally {
    await workspace.close()
  }
}

export const entitySuggestionsScenario: Scenario = {
  name: 'entity-suggestions',
  async run(log) {
    log(`generating ${ARTICLES} articles`)
    const fixture = await generateWorkspace(ARTICLES, 31)
    try {
      // The store alone first, on the workspace as generated (no logs yet), like the app's first tag all.
      const bare = await storeAlone(fixture.dir, log)
      const app = await throughHandlers(fixture.dir, log)
      const onMain = await passOnMainThread(fixture.dir, log)
      const floor = await bareFloor(fixture.dir, fixture.ids, app.facts['articles with it'])
      const figures: Figure[] = [
        {
          name: `tag all "${NAME}": find + tag, 5,000 articles`,
          unit: 'ms',
          values: { total: app.find + app.tag, find: app.find, tag: app.tag },
          target: { stat: 'total', below: TAG_ALL_TARGET_MS, source: 'product issue' },
        },
        {
          name: 'floor: read every article once, append + fsync one line per article tagged',
          unit: 'ms',
          values: { total: floor.read + floor.write, read: floor.read, write: floor.write },
        },
        { name: 'find occurrences again (articles not in memory)', unit: 'ms', values: { total: app.again } },
        {
          name: `tag all "${OTHER_NAME}", the store alone`,
          unit: 'ms',
          values: { total: bare.find + bare.tag, find: bare.find, tag: bare.tag },
        },
        {
          name: 'background suggestion pass',
          unit: 'ms',
          values: {
            total: app.pass.ms,
            'per article': app.pass.ms / Math.max(1, app.pass.articles),
            'main thread busy': app.pass.mainMs,
          },
        },
        {
          name: '  before: the recogniser on the main thread (nothing left to write)',
          unit: 'ms',
          values: {
            total: onMain.ms,
            'per article': onMain.ms / Math.max(1, onMain.articles),
            'main thread busy': onMain.mainMs,
          },
        },
      ]
      return {
        figures,
        facts: {
          articles: ARTICLES,
          'mean article file (KB)': +(fixture.meanFileBytes / 1024).toFixed(1),
          name: NAME,
          ...app.facts,
        },
      }
    } finally {
      await fixture.remove()
    }
  },
}
