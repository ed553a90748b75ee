// PDF import scenario: pages per second through the whole import (extract()) on a generated 50-page news
// PDF (two columns on every third page) and on the seed PDF, next to a floor measured in the same run:
// bare pdf.js getTextContent() of every page of the same document, opened with the same options.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { extract } from '../../src/main/services/import/extract'
import { openPdf } from '../../src/main/services/import/pdf/open-pdf'
import { buildPdf, type FixtureBlock } from '../../tests/unit/import/pdf-fixtures'
import { newsBlocks, newsTitle } from '../lib/news-text'
import { seededRandom } from '../lib/random'
import type { Figure, Scenario } from '../lib/scenario'
import { summarize, timeMs } from '../lib/stats'

const PAGES = 50
const WARMUP = 2
const GENERATED_RUNS = 10
const SEED_RUNS = 40
const SEED_PDF = fileURLToPath(
  new URL('../../../shared/corpus/seeds/004_us-accuses-north-korea.pdf', import.meta.url),
)

/** About PAGES pages of news copy: headings stay headings, every other kind of block is set as a paragraph. */
async function generatedPdf(): Promise<{ bytes: Uint8Array; pages: number }> {
  const r = seededRandom(50)
  // About 4,300 characters of this copy fill a page of 10-point Helvetica, whether in one column or two.
  const blocks: FixtureBlock[] = newsBlocks(r, PAGES * 4_300).map((b) => ({
    kind: b.kind === 'heading' ? 'heading' : 'paragraph',
    text: b.text,
  }))
  const bytes = await buildPdf({
    title: newsTitle(r),
    blocks,
    columns: (page) => (page % 3 === 2 ? 2 : 1),
    header: 'Dossier bench weekly',
    footer: (n, total) => `Page ${n} of ${total}`,
  })
  const doc = await openPdf('generated.pdf', bytes)
  const pages = doc.numPages
  await doc.destroy()
  return { bytes, pages }
}

/** The floor: pdf.js opening the document and reading every page's text items, nothing more. */
async function bareTextContent(bytes: Uint8Array): Promise<void> {
  const doc = await openPdf('floor.pdf', bytes)
  try {
    for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent()
  } finally {
    await doc.destroy()
  }
}

/** Floor and import in turns, so a slow spell of the machine weighs on both alike. */
async function sampleInTurns(
  runs: number,
  floor: () => Promise<unknown>,
  run: () => Promise<unknown>,
): Promise<{ floorMs: number[]; importMs: number[] }> {
  for (let i = 0; i < WARMUP; i++) {
    await floor()
    await run()
  }
  const floorMs: number[] = []
  const importMs: number[] = []
  // Which goes first alternates too: the second of a pair pays for the first one's garbage.
  for (let i = 0; i < runs; i++) {
    if (i % 2) importMs.push(await timeMs(run))
    floorMs.push(await timeMs(floor))
    if (!(i % 2)) importMs.push(await timeMs(run))
  }
  return { floorMs, importMs }
}

function figuresFor(label: string, pages: number, importMs: number[], floorMs: number[]): Figure[] {
  const perSecond = (ms: number[]) => ms.map((t) => (pages * 1000) / t)
  const imported = summarize(perSecond(importMs))
  const floor = summarize(perSecond(floorMs))
  const ratio = summarize(importMs).median / summarize(floorMs).median
  return [
    {
      name: `${label}: import`,
      unit: 'pages/s',
      values: { median: imported.median, min: imported.min },
      samples: perSecond(importMs),
    },
    {
      name: `  floor: pdf.js getTextContent`,
      unit: 'pages/s',
      values: { median: floor.median, min: floor.min },
      samples: perSecond(floorMs),
    },
    { name: `  import time / floor time`, unit: '×', values: { median: ratio } },
  ]
}

async function measure(
  name: string,
  bytes: Uint8Array,
  pages: number,
  runs: number,
  log: (line: string) => void,
): Promise<Figure[]> {
  log(`${name}: timing import and floor, ${runs} runs each…`)
  const { floorMs, importMs } = await sampleInTurns(
    runs,
    () => bareTextContent(bytes),
    () => extract(name, bytes),
  )
  return figuresFor(name, pages, importMs, floorMs)
}

export const pdfImportScenario: Scenario = {
  name: 'pdf import',
  async run(log) {
    log(`generating a ${PAGES}-page PDF with pdf-lib…`)
    const generated = await generatedPdf()
    const seed = new Uint8Array(await readFile(SEED_PDF))
    const figures = [
      ...(await measure(
        `generated ${generated.pages} pages`,
        generated.bytes,
        generated.pages,
        GENERATED_RUNS,
        log,
      )),
      ...(await measure('seed 004 (1 page)', seed, 1, SEED_RUNS, log)),
    ]
    return {
      figures,
      facts: {
        'generated PDF': `${generated.pages} pages (two columns on every third), ${(generated.bytes.length / 1024).toFixed(0)} KB`,
        'seed PDF': `${(seed.length / 1024).toFixed(1)} KB`,
        samples: `${GENERATED_RUNS} runs on the generated PDF, ${SEED_RUNS} on the seed, each after ${WARMUP} warm-up runs`,
      },
    }
  },
}
