// An analyst at work, to be killed at a random moment: imports a batch while highlighting, noting,
// removing and tagging, through the same handlers the app calls, with the article logs compacted often. Before each change it prints what it
// attempts, and after the change is acknowledged (the call returned) it prints the acknowledgement,
// one JSON line each, so the parent knows exactly which writes were promised.
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { createHandlers } from '../../../src/main/services/dossier'
import { createExtractPool } from '../../../src/main/services/import/extract-pool'
import { Workspace } from '../../../src/main/services/store/workspace'
import type { Handlers } from '../../../src/shared/api'
import type { EntityType } from '../../../src/shared/model'
import { corpusDir } from '../../helpers'
import type { LogLine } from './acknowledged'
import { seeded } from './random'

const [dir, seedArg] = process.argv.slice(2)
const random = seeded(Number(seedArg) || 1)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const token = () => Math.floor(random() * 36 ** 6).toString(36)

// process.stdout is synchronous for pipes on Linux: a line written is a line the parent will read.
const log = (line: LogLine) => process.stdout.write(`${JSON.stringify(line)}\n`)

const batch = [
  ...readdirSync(join(corpusDir, 'seeds'))
    .filter((n) => !n.endsWith('.json'))
    .map((n) => join(corpusDir, 'seeds', n)),
  ...readdirSync(join(corpusDir, 'readability')).map((n) => join(corpusDir, 'readability', n, 'source.html')),
].filter((path) => !path.endsWith('LICENSE.md/source.html'))

async function importLane(handlers: Handlers) {
  // The plain-text seeds first, so there is soon something to highlight; then the rest in any order.
  const first = batch.filter((path) => path.endsWith('.txt'))
  const rest = batch.filter((path) => !first.includes(path)).sort(() => random() - 0.5)
  for (const path of [...first, ...rest]) {
    log({ op: 'import', stage: 'attempt', file: path })
    const result = await handlers['import.upload']({ name: basename(path), data: readFileSync(path) })
    if (result?.articleId) log({ op: 'import', stage: 'ack', file: path, articleId: result.articleId })
  }
}

/** What the lane knows of an article: its words (the text never changes) and its highlights. */
interface Known {
  words: RegExpExecArray[]
  highlights: string[]
}

async function annotateLane(workspace: Workspace, handlers: Handlers) {
  // Kept here rather than read back after every change, so the lane spends its time in the writes,
  // where the kills matter. This process is the only writer, so what it knows stays true.
  const known = new Map<string, Known>()
  const learn = async (id: string): Promise<Known> => {
    const seen = known.get(id)
    if (seen) return seen
    const article = await workspace.peekArticle(id)
    const learnt = {
      words: [...article.text.matchAll(/\p{L}{3,}/gu)],
      highlights: article.highlights.map((h) => h.id),
    }
    known.set(id, learnt)
    return learnt
  }
  for (;;) {
    const rows = workspace.articles
    if (rows.length === 0) {
      await new Promise((done) => setTimeout(done, 5))
      continue
    }
    const articleId = pick(rows).id
    const article = await learn(articleId)
    if (article.words.length === 0) {
      await new Promise((done) => setTimeout(done, 1))
      continue
    }
    const word = pick(article.words)
    const start = word.index
    const end = start + word[0].length
    const roll = random()
    if (roll < 0.4) {
      const note = `note ${token()}`
      log({ op: 'highlight', stage: 'attempt', articleId, note })
      const { highlight } = await handlers['highlights.create']({ articleId, start, end, note })
      article.highlights.push(highlight.id)
      log({ op: 'highlight', stage: 'ack', articleId, id: highlight.id, note })
    } else if (roll < 0.55 && article.highlights.length > 0) {
      const id = pick(article.highlights)
      const note = `edited ${token()}`
      log({ op: 'note', stage: 'attempt', articleId, id, note })
      await handlers['highlights.update']({ articleId, id, note })
      log({ op: 'note', stage: 'ack', articleId, id, note })
    } else if (roll < 0.7 && article.highlights.length > 0) {
      const id = pick(article.highlights)
      log({ op: 'remove', stage: 'attempt', articleId, id })
      await handlers['highlights.remove']({ articleId, id })
      article.highlights.splice(article.highlights.indexOf(id), 1)
      log({ op: 'remove', stage: 'ack', articleId, id })
    } else {
      // Half the tags name a new entity, half an existing one (which may gain an alias).
      const entities = workspace.entities
      const reuse = entities.length > 0 && random() < 0.5 ? pick(entities) : undefined
      const type: EntityType = reuse?.type ?? pick(['Person', 'Organization', 'Location', 'Equipment'])
      const name = reuse?.name ?? `Entity ${token()}`
      log({ op: 'tag', stage: 'attempt', articleId, name })
      const { mention, entity } = await handlers['mentions.create']({ articleId, start, end, type, name })
      log({ op: 'tag', stage: 'ack', articleId, id: mention.id, entityId: entity.id, name: entity.name })
    }
  }
}

// Logs are folded into their article files after a few ops, so kills land in compactions as well as appends.
const compactOps = Number(process.env.DOSSIER_KILL_COMPACT_OPS) || 1 + (Number(seedArg) % 4)
const workspace = await Workspace.open(dir!, { compaction: { ops: compactOps } })
const printer = { print: async () => new Uint8Array(), close: async () => {} }
// Extraction in a worker thread, as in the app, so imports never hold up the highlights.
const pool = createExtractPool(new URL('../../unit/import/fixtures/ts-worker.mjs', import.meta.url), {
  size: 1,
  workerData: { entry: new URL('../../../src/main/services/import/extract-worker.ts', import.meta.url).href },
})
const handlers = createHandlers({
  workspace,
  printer,
  host: 'browser',
  samplesDir: dir!,
  extractor: pool.extract,
})
log({ op: 'ready' })
await Promise.all([importLane(handlers), annotateLane(workspace, handlers)])
