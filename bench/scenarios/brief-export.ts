// Brief export scenario: a brief of 200 excerpts from 50 articles rendered warm through renderBrief as
// Markdown, HTML and PDF, the PDF next to a floor measured in the same run (a bare playwright-core
// Chromium printing the same HTML from a static file), then a brief long enough to print 50 pages.
// Markdown's floor is the export model every format builds first (the articles read, quotes cut,
// citations numbered): what is left above it is the writing of the Markdown itself.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { exportBrief, renderBrief } from '../../src/main/services/brief/brief-handlers'
import { briefHtml } from '../../src/main/services/brief/brief-html'
import { createChromiumPrinter } from '../../src/main/services/export/chromium-printer'
import { printSettings, type PdfPrinter, type PrintOptions } from '../../src/main/services/export/pdf-printer'
import { openPdf } from '../../src/main/services/import/pdf/open-pdf'
import type { Workspace } from '../../src/main/services/store/workspace'
import { briefWorkspace, composeBrief, type BriefWorkspace } from '../lib/brief-fixture'
import { launchChromium } from '../lib/browser-mode'
import { seededRandom } from '../lib/random'
import type { Figure, Scenario } from '../lib/scenario'
import { summarize, timeMs } from '../lib/stats'

const ARTICLES = 50
const HIGHLIGHTS = 12
const BRIEF = { perArticle: 4, commentaryChars: 280 }
/** Tuned so Chromium prints it on 50-odd A4 pages (the page count is printed beside its figure). */
const LONG_BRIEF = { perArticle: 3, commentaryChars: 300 }
const TEXT_RUNS = 15
const PDF_RUNS = 8
const LONG_RUNS = 5
const SOURCE = 'product issue'

async function pageCount(pdf: Uint8Array): Promise<number> {
  const doc = await openPdf('brief.pdf', pdf.slice())
  try {
    return doc.numPages
  } finally {
    await doc.destroy()
  }
}

/** The floor: Chromium loading the HTML as a static file and printing it with the printer's settings. */
async function printStatic(page: Page, url: string, options: PrintOptions): Promise<Uint8Array> {
  await page.goto(url, { waitUntil: 'load' })
  const { paper, marginsMm, ...settings } = printSettings(options)
  const margin = Object.fromEntries(Object.entries(marginsMm).map(([side, mm]) => [side, `${mm}mm`]))
  return new Uint8Array(await page.pdf({ ...settings, format: paper, margin }))
}

/** One warm-up of each, then both in turns, so a slow spell of the machine weighs on both alike. */
async function inTurns(
  runs: number,
  floor: () => Promise<unknown>,
  run: () => Promise<unknown>,
): Promise<{ floorMs: number[]; runMs: number[] }> {
  await floor()
  await run()
  const floorMs: number[] = []
  const runMs: number[] = []
  for (let i = 0; i < runs; i++) {
    if (i % 2) runMs.push(await timeMs(run))
    floorMs.push(await timeMs(floor))
    if (!(i % 2)) runMs.push(await timeMs(run))
  }
  return { floorMs, runMs }
}

async function warmSamples(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  await run()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) samples.push(await timeMs(run))
  return samples
}

function timing(name: string, samples: number[], target?: Figure['target']): Figure {
  const s = summarize(samples)
  return { name, unit: 'ms', values: { p50: s.p50, p95: s.p95 }, target, samples }
}

interface PdfRun {
  label: string
  workspace: Workspace
  printer: PdfPrinter
  briefId: string
  /** The floor's page, reused across runs as the printer reuses its own. */
  floorPage: Page
  runs: number
  p95Below?: number
}

/** PDF through the printer and the bare-Chromium floor on the same HTML, with their ratio. */
async function pdfFigures({
  label,
  workspace,
  printer,
  briefId,
  floorPage,
  runs,
  p95Below,
}: PdfRun): Promise<{ figures: Figure[]; pages: number; htmlBytes: number }> {
  const model = await exportBrief(workspace, briefId)
  const html = briefHtml(model)
  const file = join(workspace.dir, `${label.replace(/\W+/g, '-')}.html`)
  await writeFile(file, html)
  const url = pathToFileURL(file).href
  const options = { paper: model.paper, handling: model.handling }
  const render = () => renderBrief(workspace, printer, briefId, 'pdf')
  const { floorMs, runMs } = await inTurns(runs, () => printStatic(floorPage, url, options), render)
  const pages = await pageCount((await render()).data)
  const floorPages = await pageCount(await printStatic(floorPage, url, options))
  if (floorPages !== pages) throw new Error(`the floor printed ${floorPages} pages, the printer ${pages}`)
  const ratio = summarize(runMs).p50 / summarize(floorMs).p50
  const target = p95Below === undefined ? undefined : { stat: 'p95', below: p95Below, source: SOURCE }
  return {
    pages,
    htmlBytes: Buffer.byteLength(html),
    figures: [
      timing(`${label} → PDF (${pages} pages)`, runMs, target),
      timing(`  floor: bare Chromium prints the file`, floorMs),
      {
        name: `  PDF p50 / floor p50`,
        unit: '×',
        values: { p50: ratio },
        target: { stat: 'p50', below: 1.5, source: SOURCE },
      },
    ],
  }
}

export const briefExportScenario: Scenario = {
  name: 'brief export (200 excerpts, 50 articles)',
  async run(log) {
    const r = seededRandom(200)
    const chromiumPrinter = createChromiumPrinter()
    const browser = await launchChromium()
    let fixture: BriefWorkspace | undefined
    try {
      log(`generating ${ARTICLES} articles with ${HIGHLIGHTS} highlights each…`)
      fixture = await briefWorkspace(r, chromiumPrinter, ARTICLES, HIGHLIGHTS)
      const { workspace } = fixture
      const brief = await composeBrief(r, fixture, BRIEF)
      const excerpts = brief.sections.flatMap((s) => s.items).filter((i) => i.kind === 'excerpt').length

      log(`Markdown and HTML, ${TEXT_RUNS} warm runs each…`)
      const modelMs = await warmSamples(TEXT_RUNS, () => exportBrief(workspace, brief.id))
      const mdMs = await warmSamples(TEXT_RUNS, () => renderBrief(workspace, chromiumPrinter, brief.id, 'md'))
      const htmlMs = await warmSamples(TEXT_RUNS, () =>
        renderBrief(workspace, chromiumPrinter, brief.id, 'html'),
      )
      const md = await renderBrief(workspace, chromiumPrinter, brief.id, 'md')

      const shared = { workspace, printer: chromiumPrinter, floorPage: await browser.newPage() }
      log(`PDF and its floor, ${PDF_RUNS} runs each in turns…`)
      const pdf = await pdfFigures({ ...shared, label: 'brief', briefId: brief.id, runs: PDF_RUNS })

      log('composing the 50-page brief…')
      const long = await composeBrief(r, fixture, LONG_BRIEF)
      const longExcerpts = long.sections.flatMap((s) => s.items).filter((i) => i.kind === 'excerpt').length
      log(`50-page brief PDF and its floor, ${LONG_RUNS} runs each in turns…`)
      const longPdf = await pdfFigures({
        ...shared,
        label: '50-page brief',
        briefId: long.id,
        runs: LONG_RUNS,
        p95Below: 3000,
      })
      if (longPdf.pages < 50) log(`the 50-page brief printed only ${longPdf.pages} pages: raise LONG_BRIEF`)

      const figures: Figure[] = [
        timing('brief → Markdown', mdMs, { stat: 'p95', below: 200, source: SOURCE }),
        timing('  floor: buildBriefExport alone', modelMs),
        timing('brief → HTML', htmlMs),
        ...pdf.figures,
        ...longPdf.figures,
      ]
      return {
        figures,
        facts: {
          articles: ARTICLES,
          excerpts,
          sections: brief.sections.length,
          'Markdown size': `${(md.data.byteLength / 1024).toFixed(0)} KB`,
          'HTML size': `${(pdf.htmlBytes / 1024).toFixed(0)} KB`,
          'PDF pages': pdf.pages,
          '50-page brief': `${longExcerpts} excerpts, ${(longPdf.htmlBytes / 1024).toFixed(0)} KB of HTML, ${longPdf.pages} pages`,
        },
      }
    } finally {
      await chromiumPrinter.close()
      await browser.close()
      await fixture?.remove()
    }
  },
}
