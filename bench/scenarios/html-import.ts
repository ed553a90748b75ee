// HTML import scenario: the whole import (extract(): sniff, decode, inert DOM, metadata, Readability,
// blocks, boilerplate) of each of the 32 Readability corpus pages, next to two floors measured in the
// same run, in turns with it, each in a worker thread of its own: bare `new Readability(doc).parse()` on
// the same decoded HTML parsed by
// plain linkedom (the DOM import uses) and by jsdom (the DOM it used before). Target: each page's
// import p95 within 1.3× of Readability on linkedom.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { decodeHtml } from '../../src/main/services/import/html/decode-html'
import type { ExtractJob } from '../lib/extract-timing-worker'
import type { FloorJob } from '../lib/readability-floor-worker'
import type { Figure, Scenario } from '../lib/scenario'
import { summarize, type Summary } from '../lib/stats'

const WARMUP = 2
const RUNS = Number(process.env.BENCH_HTML_RUNS ?? 15)
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/readability', import.meta.url))
const LOADER = new URL('../../tests/unit/import/fixtures/ts-worker.mjs', import.meta.url)
const FLOOR_WORKER = new URL('../lib/readability-floor-worker.ts', import.meta.url).href
const EXTRACT_WORKER = new URL('../lib/extract-timing-worker.ts', import.meta.url).href
const SOURCE = 'HTML import issue'
const PAGE_TARGET = { stat: 'p95', below: 1.3, source: SOURCE }

interface Page {
  name: string
  bytes: Uint8Array
  html: string
}

/** A worker thread that times one kind of job and answers with the milliseconds it took. */
interface Timer<Job> {
  time(job: Job): Promise<number>
  close(): Promise<number>
}

function startTimer<Job extends object>(entry: string): Timer<Job> {
  const worker = new Worker(LOADER, { workerData: { entry } })
  const waiting = new Map<number, (ms: number) => void>()
  let nextId = 1
  worker.on('message', ({ id, ms }: { id: number; ms: number }) => waiting.get(id)?.(ms))
  worker.on('error', (error) => {
    throw error
  })
  return {
    time(job) {
      const id = nextId++
      return new Promise((resolve) => {
        waiting.set(id, (ms) => {
          waiting.delete(id)
          resolve(ms)
        })
        worker.postMessage({ ...job, id })
      })
    },
    close: () => worker.terminate(),
  }
}

/** The import and each floor in a thread of its own, so none runs on another's heap or JIT state. */
interface Timers {
  imports: Timer<Omit<ExtractJob, 'id'>>
  linkedom: Timer<Omit<FloorJob, 'id'>>
  jsdom: Timer<Omit<FloorJob, 'id'>>
}

const startTimers = (): Timers => ({
  imports: startTimer(EXTRACT_WORKER),
  linkedom: startTimer(FLOOR_WORKER),
  jsdom: startTimer(FLOOR_WORKER),
})

interface Samples {
  importMs: number[]
  linkedomMs: number[]
  jsdomMs: number[]
}

/**
 * Import and both floors in turns on each page, in rounds over every page: a slow spell of the machine
 * weighs on all three alike and is spread over the pages, not spent on one. The warm-up rounds run
 * every page through all three first, so each thread's code is compiled for the whole corpus before a
 * sample is kept, as an import worker is a few files into a batch.
 */
async function sampleInRounds(
  pages: readonly Page[],
  timers: Timers,
  log: (line: string) => void,
): Promise<Samples[]> {
  const samples = pages.map((): Samples => ({ importMs: [], linkedomMs: [], jsdomMs: [] }))
  for (let round = 0; round < WARMUP + RUNS; round++) {
    log(
      round < WARMUP ? `warm-up round ${round + 1} of ${WARMUP}…` : `round ${round - WARMUP + 1} of ${RUNS}…`,
    )
    for (const [i, page] of pages.entries()) {
      const jobs = [
        () => timers.linkedom.time({ html: page.html, dom: 'linkedom' }),
        () => timers.jsdom.time({ html: page.html, dom: 'jsdom' }),
        () => timers.imports.time({ name: `${page.name}.html`, bytes: page.bytes }),
      ]
      // Who goes first turns with each page and round: a thread's garbage is still being collected
      // in the background while the next one runs, so none always follows jsdom's.
      const ms = [0, 0, 0]
      for (let k = 0; k < jobs.length; k++) {
        const job = (i + round + k) % jobs.length
        ms[job] = await jobs[job]!()
      }
      if (round < WARMUP) continue
      samples[i]!.linkedomMs.push(ms[0]!)
      samples[i]!.jsdomMs.push(ms[1]!)
      samples[i]!.importMs.push(ms[2]!)
    }
  }
  return samples
}

async function loadPages(): Promise<Page[]> {
  const names = (await readdir(CORPUS, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
  return Promise.all(
    names.map(async (name) => {
      const bytes = new Uint8Array(await readFile(join(CORPUS, name, 'source.html')))
      return { name, bytes, html: decodeHtml(bytes, name).html }
    }),
  )
}

interface PageResult {
  imported: Summary
  linkedom: Summary
  jsdom: Summary
}

function pageFigures(name: string, samples: Samples, result: PageResult): Figure[] {
  const { imported, linkedom, jsdom } = result
  return [
    {
      name,
      unit: 'ms',
      values: {
        p50: imported.p50,
        p95: imported.p95,
        'linkedom p50': linkedom.p50,
        'linkedom p95': linkedom.p95,
        'jsdom p50': jsdom.p50,
        'jsdom p95': jsdom.p95,
      },
      samples: samples.importMs,
    },
    {
      name: '  import / Readability on linkedom',
      unit: '×',
      values: { p50: imported.p50 / linkedom.p50, p95: imported.p95 / linkedom.p95 },
      target: PAGE_TARGET,
    },
  ]
}

const sum = (results: PageResult[], pick: (r: PageResult) => number) =>
  results.reduce((total, r) => total + pick(r), 0)

function summaryFigures(results: PageResult[]): Figure[] {
  const within = results.filter((r) => r.imported.p95 / r.linkedom.p95 < PAGE_TARGET.below).length
  const p95 = {
    import: sum(results, (r) => r.imported.p95),
    linkedom: sum(results, (r) => r.linkedom.p95),
  }
  return [
    {
      name: 'all pages, sum of p50',
      unit: 'ms',
      values: {
        import: sum(results, (r) => r.imported.p50),
        linkedom: sum(results, (r) => r.linkedom.p50),
        jsdom: sum(results, (r) => r.jsdom.p50),
      },
    },
    {
      name: 'all pages, sum of p95',
      unit: 'ms',
      values: { ...p95, jsdom: sum(results, (r) => r.jsdom.p95) },
    },
    {
      name: 'all pages: import / Readability on linkedom',
      unit: '×',
      values: { p95: p95.import / p95.linkedom },
      target: { ...PAGE_TARGET },
    },
    {
      name: 'pages over 1.3× at p95',
      unit: 'pages',
      values: { over: results.length - within },
      target: { stat: 'over', below: 1, source: SOURCE },
    },
  ]
}

export const htmlImportScenario: Scenario = {
  name: 'html import',
  async run(log) {
    const pages = await loadPages()
    const timers = startTimers()
    const figures: Figure[] = []
    const results: PageResult[] = []
    try {
      const sampled = await sampleInRounds(pages, timers, log)
      for (const [i, page] of pages.entries()) {
        const samples = sampled[i]!
        const result = {
          imported: summarize(samples.importMs),
          linkedom: summarize(samples.linkedomMs),
          jsdom: summarize(samples.jsdomMs),
        }
        results.push(result)
        figures.push(...pageFigures(page.name, samples, result))
      }
    } finally {
      await Promise.all([timers.imports.close(), timers.linkedom.close(), timers.jsdom.close()])
    }
    figures.push(...summaryFigures(results))
    return {
      figures,
      facts: {
        pages: `${pages.length} Readability corpus pages, ${(pages.reduce((n, p) => n + p.bytes.length, 0) / 1024 / 1024).toFixed(1)} MB`,
        samples: `${RUNS} rounds over every page after ${WARMUP} warm-up rounds, import and floors in turns on each page, each in a worker thread of its own (the import, Readability on plain linkedom, Readability on jsdom)`,
      },
    }
  },
}
