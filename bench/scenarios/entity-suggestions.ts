// Entities across the corpus: "tag all" of one name over 5,000 articles (find every occurrence, then tag
// them all in one step), through the app's handlers and with the store alone, and the background
// suggestion pass over the same workspace, per article.
import { createHandlers } from '../../src/main/services/dossier'
import { suggestionEngineOf } from '../../src/main/services/entities/suggestion-engine'
import { findOccurrences, tagOccurrences } from '../../src/main/services/entities/tag-all'
import { Workspace } from '../../src/main/services/store/workspace'
import { generateWorkspace } from '../lib/generate-workspace'
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
  try {
    // Rows written by the generator are summarised again in the background after opening: not timed.
    await workspace.rowsRefreshed()
    const printer = { print: async () => new Uint8Array(), close: async () => {} }
    const handlers = createHandlers({ workspace, printer, host: 'browser', samplesDir: dir })
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
    engine.requestPass()
    await engine.settled()
    log(`suggestion pass: ${engine.lastPass.articles} articles in ${engine.lastPass.ms.toFixed(0)} ms`)
    const facts = {
      occurrences: found.occurrences.length,
      'articles with it': found.articles.length,
      tagged,
      entities: workspace.entities.length,
    }
    return { find, tag, again, pass: engine.lastPass, facts }
  } finally {
    await workspace.close()
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
      const figures: Figure[] = [
        {
          name: `tag all "${NAME}": find + tag, 5,000 articles`,
          unit: 'ms',
          values: { total: app.find + app.tag, find: app.find, tag: app.tag },
          target: { stat: 'total', below: TAG_ALL_TARGET_MS, source: 'product issue' },
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
          values: { total: app.pass.ms, 'per article': app.pass.ms / Math.max(1, app.pass.articles) },
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
