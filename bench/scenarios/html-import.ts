// HTML import scenario: the whole import (extract(): sniff, decode, inert jsdom, metadata, Readability,
// blocks, boilerplate) of each of the 32 Readability corpus pages, next to a floor measured in the same
// run: jsdom parsing the same decoded HTML plus bare `new Readability(doc).parse()`. Target: within 1.3×.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { extract } from '../../src/main/services/import/extract'
import { decodeHtml } from '../../src/main/services/import/html/decode-html'
import type { Figure, Scenario } from '../lib/scenario'
import { percentile, summarize, timeMs } from '../lib/stats'

const WARMUP = 2
const RUNS = Number(process.env.BENCH_HTML_RUNS ?? 7)
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/readability', import.meta.url))
const TARGET = { stat: 'p50', below: 1.3, source: 'HTML import issue' }

interface Page {
  name: string
  bytes: Uint8Array
  html: string
}

/** The floor: what any Readability-based importer must spend on this page, and nothing more. */
async function bareReadability(html: string): Promise<void> {
  const dom = new JSDOM(html, { url: 'https://dossier.invalid/', virtualConsole: new VirtualConsole() })
  new Readability(dom.window.document).parse()
  dom.window.close()
}

/**
 * jsdom frees a closed window's document only once the event loop turns: back-to-back runs without a
 * turn grow the heap by gigabytes (as an import in the app never does, one file per message).
 */
const turn = () => new Promise((resolve) => setImmediate(resolve))

/** Floor and import in turns, so a slow spell of the machine weighs on both alike. */
async function sampleInTurns(page: Page): Promise<{ floorMs: number[]; importMs: number[] }> {
  const floor = () => bareReadability(page.html)
  const run = () => extract(`${page.name}.html`, page.bytes)
  for (let i = 0; i < WARMUP; i++) {
    await floor()
    await turn()
    await run()
    await turn()
  }
  const floorMs: number[] = []
  const importMs: number[] = []
  for (let i = 0; i < RUNS; i++) {
    floorMs.push(await timeMs(floor))
    await turn()
    importMs.push(await timeMs(run))
    await turn()
  }
  return { floorMs, importMs }
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

function pageFigures(name: string, importMs: number[], floorMs: number[]): Figure[] {
  const imported = summarize(importMs)
  const floor = summarize(floorMs)
  return [
    {
      name,
      unit: 'ms',
      values: { p50: imported.p50, p95: imported.p95, 'floor p50': floor.p50, 'floor p95': floor.p95 },
      samples: importMs,
    },
    {
      name: `  import / floor`,
      unit: '×',
      values: { p50: imported.p50 / floor.p50, p95: imported.p95 / floor.p95 },
    },
  ]
}

export const htmlImportScenario: Scenario = {
  name: 'html import',
  async run(log) {
    const pages = await loadPages()
    const figures: Figure[] = []
    const ratios: number[] = []
    let importTotal = 0
    let floorTotal = 0
    for (const page of pages) {
      log(`${page.name}: ${RUNS} runs of import and floor…`)
      const { floorMs, importMs } = await sampleInTurns(page)
      figures.push(...pageFigures(page.name, importMs, floorMs))
      const importP50 = summarize(importMs).p50
      const floorP50 = summarize(floorMs).p50
      ratios.push(importP50 / floorP50)
      importTotal += importP50
      floorTotal += floorP50
    }
    const sorted = [...ratios].sort((a, b) => a - b)
    figures.push(
      {
        name: 'all pages: import, sum of p50',
        unit: 'ms',
        values: { import: importTotal, floor: floorTotal },
      },
      {
        name: 'all pages: import / floor',
        unit: '×',
        values: { p50: importTotal / floorTotal, 'worst page': sorted.at(-1)! },
        target: TARGET,
      },
      {
        name: 'per-page import / floor ratios',
        unit: '×',
        values: { p50: percentile(sorted, 50), p95: percentile(sorted, 95) },
        samples: ratios,
      },
    )
    return {
      figures,
      facts: {
        pages: `${pages.length} Readability corpus pages, ${(pages.reduce((n, p) => n + p.bytes.length, 0) / 1024 / 1024).toFixed(1)} MB`,
        samples: `${RUNS} runs of each per page after ${WARMUP} warm-up runs, import and floor in turns`,
      },
    }
  },
}
