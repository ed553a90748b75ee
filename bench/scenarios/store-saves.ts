// Part of the store scenario: timing one-highlight saves through the real Workspace, each next to the
// disk's floor for the same bytes, measured in the same loop so drift in a noisy disk hits both alike;
// and the scenario of one highlight on a 1 MB article, saved through the handler into the article's log.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createHandlers } from '../../src/main/services/dossier'
import { addHighlight, newHighlight } from '../../src/main/services/annotate/highlights'
import { ARTICLES_DIR } from '../../src/main/services/store/article-file'
import { logPath } from '../../src/main/services/store/article-log'
import { Workspace } from '../../src/main/services/store/workspace'
import type { Article, Highlight } from '../../src/shared/model'
import { generateLargeArticle } from '../lib/generate-workspace'
import { seededRandom, type Random } from '../lib/random'
import type { Figure, Scenario } from '../lib/scenario'
import { summarize, timeMs } from '../lib/stats'
import { scratchLogPath, timeAtomicWrite, timeBareAppend, timeBareWrite } from '../lib/write-floor'

export interface SaveSamples {
  save: number[]
  floor: number[]
  atomic: number[]
}

/** A selection of 20–200 characters inside one block, as an analyst would drag. */
function randomRange(r: Random, article: Article): { start: number; end: number } {
  const block = r.pick(article.blocks.filter((b) => b.end - b.start > 20))
  const start = r.int(block.start, block.end - 20)
  return { start, end: Math.min(block.end, start + r.int(20, 200)) }
}

/** One highlight on a random article, into its log; returns the line appended, for the floor to write. */
async function saveOne(
  workspace: Workspace,
  ids: readonly string[],
  r: Random,
): Promise<{ ms: number; bytes: Buffer }> {
  const id = r.pick(ids)
  const ms = await timeMs(() =>
    workspace.annotate(id, (a) => {
      const highlight = newHighlight(a, randomRange(r, a))
      return { change: { op: 'put-highlight', highlight }, result: highlight }
    }),
  )
  const log = await readFile(logPath(workspace.dir, id))
  return { ms, bytes: log.subarray(log.lastIndexOf(0x0a, log.length - 2) + 1) }
}

/**
 * Back to back, as the product issue measures: save, then the bare write and the store's atomic write
 * of the same bytes. Index writes (one per 250 ms of saving) fall on about 1% of samples, below p95.
 */
export async function measureSavesBackToBack(
  workspace: Workspace,
  ids: readonly string[],
  r: Random,
  warmup: number,
  samples: number,
): Promise<SaveSamples> {
  const dir = join(workspace.dir, ARTICLES_DIR)
  const out: SaveSamples = { save: [], floor: [], atomic: [] }
  for (let i = 0; i < warmup + samples; i++) {
    const { ms, bytes } = await saveOne(workspace, ids, r)
    const floor = await timeBareWrite(dir, bytes)
    const atomic = await timeAtomicWrite(dir, bytes)
    if (i < warmup) continue
    out.save.push(ms)
    out.floor.push(floor)
    out.atomic.push(atomic)
  }
  await workspace.flush()
  return out
}

/** Just past the store's INDEX_WRITE_DELAY_MS (250, not exported): each save arrives as the previous one's index write starts. */
export const PACE_MS = 251

async function sleepUntil(time: number): Promise<void> {
  await sleep(Math.max(0, time - performance.now()))
}

/**
 * At an analyst's pace, every save is followed by its own rewrite of dossier.json, and the next save
 * meets it. Times run from when the save was due, so a main thread blocked by JSON.stringify of the index
 * counts, as it would for an IPC call. The floor runs halfway between saves, timed the same way.
 */
export async function measureSavesPaced(
  workspace: Workspace,
  ids: readonly string[],
  r: Random,
  samples: number,
): Promise<Pick<SaveSamples, 'save' | 'floor'>> {
  const dir = join(workspace.dir, ARTICLES_DIR)
  const out = { save: [] as number[], floor: [] as number[] }
  let saveDue = performance.now()
  // Two unmeasured rounds, so the first measured save already meets an index write.
  for (let i = 0; i < samples + 2; i++) {
    await sleepUntil(saveDue)
    const saveLate = performance.now() - saveDue
    const { ms, bytes } = await saveOne(workspace, ids, r)
    const saved = saveDue + saveLate + ms
    const floorDue = saved + PACE_MS / 2
    await sleepUntil(floorDue)
    const floor = performance.now() - floorDue + (await timeBareWrite(dir, bytes))
    saveDue = saved + PACE_MS
    if (i < 2) continue
    out.save.push(saveLate + ms)
    out.floor.push(floor)
  }
  await workspace.flush()
  return out
}

const LARGE_TEXT_CHARS = 1_000_000
const LARGE_MENTIONS = 1_000
const LARGE_WARMUP = 20
/** Past the store's default compaction threshold (1,000 ops), so one compaction falls among the samples. */
const LARGE_SAMPLES = 1_100
const REWRITE_SAMPLES = 30

interface LargeSamples {
  save: number[]
  floor: number[]
  rewrite: number[]
  fileBytes: number
}

/**
 * One highlight at a time through the handler, as the reader adds them, each followed by the floor: a
 * bare append and fsync of a line of the same op. Then, for comparison, the whole-file rewrite every
 * save used to be (copy, change, JSON.stringify, atomic write).
 */
async function measureLargeArticle(highlights: number, r: Random): Promise<LargeSamples> {
  const fixture = await generateLargeArticle(LARGE_TEXT_CHARS, highlights, LARGE_MENTIONS, highlights)
  const workspace = await Workspace.open(fixture.dir)
  const scratch = scratchLogPath(join(fixture.dir, ARTICLES_DIR))
  try {
    const printer = { print: async () => new Uint8Array(), close: async () => {} }
    const handlers = createHandlers({ workspace, printer, host: 'browser', samplesDir: fixture.dir })
    const id = fixture.ids[0]!
    const article = await workspace.readArticle(id)
    const out: LargeSamples = { save: [], floor: [], rewrite: [], fileBytes: fixture.fileBytes }
    await writeFile(scratch, '')
    for (let i = 0; i < LARGE_WARMUP + LARGE_SAMPLES; i++) {
      const range = randomRange(r, article)
      let highlight: Highlight | undefined
      const ms = await timeMs(async () => {
        highlight = (await handlers['highlights.create']({ articleId: id, ...range })).highlight
      })
      const code = workspace.codes.find((c) => c.id === highlight!.codeId)
      const op = { v: 2, at: highlight!.updatedAt, op: 'put-highlight', highlight, code }
      const floor = await timeBareAppend(scratch, Buffer.from(`${JSON.stringify(op)}\n`))
      if (i < LARGE_WARMUP) continue
      out.save.push(ms)
      out.floor.push(floor)
    }
    for (let i = 0; i < REWRITE_SAMPLES; i++) {
      const range = randomRange(r, article)
      out.rewrite.push(await timeMs(() => workspace.updateArticle(id, (a) => addHighlight(a, range))))
    }
    return out
  } finally {
    await workspace.close()
    await rm(scratch, { force: true })
    await fixture.remove()
  }
}

function largeFigures(highlights: number, s: LargeSamples): Figure[] {
  const save = summarize(s.save)
  const floor = summarize(s.floor)
  const rewrite = summarize(s.rewrite)
  const label = `${highlights.toLocaleString('en')} highlights`
  return [
    {
      name: `add highlight, ${label}`,
      unit: 'ms',
      values: { p50: save.p50, p95: save.p95, max: save.max },
      target: { stat: 'p95', below: 20, source: 'product issue' },
      samples: s.save,
    },
    {
      name: `  floor: append+fsync same line`,
      unit: 'ms',
      values: { p50: floor.p50, p95: floor.p95 },
      samples: s.floor,
    },
    {
      name: `  add / floor`,
      unit: '×',
      values: { p50: save.p50 / floor.p50, p95: save.p95 / floor.p95 },
      target: { stat: 'p95', below: 3, source: 'product issue' },
    },
    {
      name: `  whole-file rewrite (before the log)`,
      unit: 'ms',
      values: { p50: rewrite.p50, p95: rewrite.p95 },
      samples: s.rewrite,
    },
  ]
}

/** Saving one highlight on a 1 MB article, at 100, 1,000 and 5,000 highlights plus 1,000 tags. */
export const largeArticleScenario: Scenario = {
  name: 'store: one highlight on a 1 MB article',
  async run(log) {
    const figures: Figure[] = []
    const facts: Record<string, string | number> = {}
    const r = seededRandom(1_000_001)
    for (const highlights of [100, 1_000, 5_000]) {
      log(`${highlights} highlights: generating and timing…`)
      const samples = await measureLargeArticle(highlights, r)
      figures.push(...largeFigures(highlights, samples))
      facts[`article file, ${highlights} highlights`] = `${(samples.fileBytes / 2 ** 20).toFixed(2)} MB`
    }
    facts.samples = `${LARGE_SAMPLES} adds each after ${LARGE_WARMUP} warm-up, each with a floor append; ${REWRITE_SAMPLES} whole-file rewrites`
    return { figures, facts }
  },
}
