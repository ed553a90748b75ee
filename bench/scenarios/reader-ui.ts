// Reader scenario: the real UI in browser mode, in the system Chromium, on one article of about 1 MB.
// Times opening it with no marks (the floor) and with 100, 1,000 and 5,000 highlights plus 1,000
// mentions; adding one highlight with H; the service call under it; and scrolling top to bottom with a
// long-task observer. A bare page painting the same ranges over the same text is the floor of the
// CSS Custom Highlight API itself. Every time is taken in the page, from the event to the painted frame.
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { DEFAULT_CODES } from '../../src/main/services/codes/codebook'
import { buildIfNeeded, launchChromium, startServer, type BenchServer } from '../lib/browser-mode'
import { profilePhase } from '../lib/page-profile'
import { longArticleWorkspace, type LongArticleWorkspace, type MarkedVariant } from '../lib/long-article'
import { probe, probeScript } from '../lib/page-script'
import { seededRandom } from '../lib/random'
import type { OpenTiming, ScrollResult, TextSpan } from '../lib/reader-probe-api'
import type { Figure, Scenario, ScenarioOutput } from '../lib/scenario'
import { summarize } from '../lib/stats'

const HIGHLIGHT_COUNTS = [0, 100, 1_000, 5_000] as const
const MENTIONS = 1_000
const OPEN_RUNS = 7
const ADD_WARMUP = 3
const ADD_PRESSES = 30
const CALL_WARMUP = 5
const CALLS = 40
const BARE_RUNS = 7
/** A viewport and three quarters per frame: a quick fling, so every frame paints new text. */
const SCROLL_STEP = 0.75
const VIEWPORT = { width: 1280, height: 800 }
const BRIEF = 'reader brief'
const PROFILES = fileURLToPath(new URL('../results/profiles', import.meta.url))

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

async function clickRow(page: Page, title: string): Promise<void> {
  await page
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: new RegExp(`^${escape(title)}`) })
    .click()
}

/** Waits, outside any timing, until `title` is open with its whole text rendered. */
async function waitOpen(page: Page, title: string): Promise<void> {
  // Polled from here: the page's CSP forbids the eval a string predicate of waitForFunction needs.
  for (const begun = performance.now(); !(await probe(page, 'opened', title)); await sleep(100)) {
    if (performance.now() - begun > 60_000) throw new Error(`“${title}” did not open`)
  }
}

function starts(variant: MarkedVariant) {
  return {
    title: variant.title,
    highlightStarts: variant.highlights.map((h) => h.start),
    mentionStarts: variant.mentions.map((m) => m.start),
  }
}

/** Opens each variant in turn, `runs` rounds after one warm-up round, each time from the short article. */
async function measureOpens(
  page: Page,
  fixture: LongArticleWorkspace,
  log: (line: string) => void,
): Promise<Map<string, OpenTiming[]>> {
  const timings = new Map<string, OpenTiming[]>(fixture.variants.map((v) => [v.id, []]))
  for (let round = -1; round < OPEN_RUNS; round++) {
    log(`open round ${round + 1} of ${OPEN_RUNS}${round < 0 ? ' (warm-up)' : ''}`)
    for (const variant of fixture.variants) {
      await clickRow(page, fixture.other.title)
      await waitOpen(page, fixture.other.title)
      await sleep(300)
      await probe(page, 'armOpen', starts(variant))
      await clickRow(page, variant.title)
      const timing = await probe(page, 'openResult')
      if (round >= 0) timings.get(variant.id)!.push(timing)
    }
  }
  return timings
}

/** The first sentence of every other paragraph from 40% into the text: fresh text, never highlighted. */
function sentences(fixture: LongArticleWorkspace, count: number): TextSpan[] {
  const found: TextSpan[] = []
  const paragraphs = fixture.blocks.filter(
    (b) => b.kind === 'paragraph' && b.start > fixture.text.length * 0.4,
  )
  for (let i = 0; found.length < count && i < paragraphs.length; i += 2) {
    const block = paragraphs[i]!
    const stop = fixture.text.indexOf('. ', block.start)
    found.push({ start: block.start, end: stop > 0 && stop < block.end ? stop + 1 : block.end })
  }
  return found
}

async function measureAdds(
  page: Page,
  fixture: LongArticleWorkspace,
  variant: MarkedVariant,
  ranges: TextSpan[],
  warmup = ADD_WARMUP,
): Promise<number[]> {
  await clickRow(page, variant.title)
  await waitOpen(page, variant.title)
  const samples: number[] = []
  for (const [index, range] of ranges.entries()) {
    const scrolled = await probe(page, 'select', range)
    // A scroll saves the reading place 700 ms later; that request is let through before the key.
    await sleep(scrolled ? 1_000 : 200)
    await probe(page, 'armKey')
    await page.keyboard.press('h')
    const { paintedMs, text } = await probe(page, 'addResult')
    const wanted = fixture.text.slice(range.start, range.end)
    if (text !== wanted) throw new Error(`painted “${text}” instead of “${wanted}”`)
    if (index >= warmup) samples.push(paintedMs)
  }
  return samples
}

/** highlights.create timed from Node over HTTP, as the page calls it, one call after another. */
async function measureCalls(server: BenchServer, fixture: LongArticleWorkspace, variant: MarkedVariant) {
  const r = seededRandom(variant.highlights.length + 11)
  const samples: number[] = []
  for (let i = 0; i < CALL_WARMUP + CALLS; i++) {
    const block = r.pick(fixture.blocks.filter((b) => b.end - b.start > 60))
    const start = r.int(block.start, block.end - 40)
    const args = { articleId: variant.id, start, end: start + 30, codeId: r.pick(DEFAULT_CODES).id }
    const begun = performance.now()
    await server.call('highlights.create', args)
    if (i >= CALL_WARMUP) samples.push(performance.now() - begun)
  }
  return samples
}

async function measureScroll(page: Page, variant: MarkedVariant): Promise<ScrollResult> {
  await clickRow(page, variant.title)
  await waitOpen(page, variant.title)
  await sleep(500)
  return probe(page, 'scrollThrough', SCROLL_STEP)
}

function highlightCss(): string {
  const codes = DEFAULT_CODES.map(
    (c) =>
      `::highlight(dossier-code-${c.id}) { background-color: color-mix(in srgb, ${c.color} 42%, transparent); }`,
  )
  const entities = ['Person', 'Organization', 'Location', 'Equipment'].map(
    (type) =>
      `::highlight(dossier-entity-${type}) { text-decoration: underline 2px #7950f2; text-underline-offset: 0.2em; }`,
  )
  return [...codes, ...entities].join('\n')
}

interface BareFigures {
  idle: number[]
  /** One DOM change elsewhere, with no ranges and with all of them registered. */
  touchBare: number[]
  touchMarked: number[]
  highlights: number[]
  all: number[]
  scroll: ScrollResult
}

/** The same text as plain blocks in a blank page, painted with the same ranges and rules. */
async function measureBare(context: BrowserContext, fixture: LongArticleWorkspace): Promise<BareFigures> {
  const page = await context.newPage()
  try {
    await page.goto('about:blank')
    await page.evaluate(await probeScript())
    const blocks = fixture.blocks.map(({ start, end, kind }) => ({ start, end, kind }))
    await probe(page, 'bareRender', fixture.text, blocks, highlightCss())
    await sleep(500)
    const most = fixture.variants.at(-1)!
    const figures: BareFigures = {
      idle: [],
      touchBare: [],
      touchMarked: [],
      highlights: [],
      all: [],
      scroll: undefined!,
    }
    for (let run = -1; run < BARE_RUNS; run++) {
      const idle = await probe(page, 'idleFrames')
      const touchBare = await probe(page, 'bareTouch')
      const highlights = await probe(page, 'barePaint', most.highlights)
      await probe(page, 'bareClear')
      const all = await probe(page, 'barePaint', [...most.highlights, ...most.mentions])
      await probe(page, 'idleFrames')
      const touchMarked = await probe(page, 'bareTouch')
      await probe(page, 'bareClear')
      if (run < 0) continue
      figures.idle.push(idle)
      figures.touchBare.push(touchBare)
      figures.touchMarked.push(touchMarked)
      figures.highlights.push(highlights)
      figures.all.push(all)
    }
    await probe(page, 'barePaint', [...most.highlights, ...most.mentions])
    figures.scroll = await probe(page, 'scrollThrough', SCROLL_STEP)
    return figures
  } finally {
    await page.close()
  }
}

function label(variant: MarkedVariant): string {
  const n = variant.highlights.length
  return n === 0
    ? 'no marks'
    : `${n.toLocaleString('en')} hl + ${variant.mentions.length.toLocaleString('en')} mentions`
}

function timing(name: string, samples: number[], target?: Figure['target']): Figure {
  const s = summarize(samples)
  return { name, unit: 'ms', values: { p50: s.p50, p95: s.p95 }, target, samples }
}

function openFigures(fixture: LongArticleWorkspace, opens: Map<string, OpenTiming[]>): Figure[] {
  const [floor, ...marked] = fixture.variants
  const first = (v: MarkedVariant) => opens.get(v.id)!.map((t) => t.firstScreenMs)
  const floorStats = summarize(first(floor!))
  const figures: Figure[] = [timing('open, first screen: no marks (floor)', first(floor!))]
  for (const variant of marked) {
    const s = summarize(first(variant))
    const most = variant === marked.at(-1)
    figures.push(
      timing(
        `open, first screen: ${label(variant)}`,
        first(variant),
        most ? { stat: 'p95', below: 300, source: BRIEF } : undefined,
      ),
      {
        name: '  / floor',
        unit: '×',
        values: { p50: s.p50 / floorStats.p50, p95: s.p95 / floorStats.p95 },
        target: { stat: 'p50', below: 1.5, source: BRIEF },
      },
    )
  }
  for (const variant of fixture.variants)
    figures.push(
      timing(
        `  of which the article's reply: ${label(variant)}`,
        opens.get(variant.id)!.map((t) => t.arrivedMs),
      ),
    )
  for (const variant of fixture.variants)
    figures.push(
      timing(
        `open, whole text rendered: ${label(variant)}`,
        opens.get(variant.id)!.map((t) => t.completeMs),
      ),
    )
  return figures
}

function scrollFigures(name: string, scroll: ScrollResult, target: boolean): Figure[] {
  return [
    {
      name: `scroll, ${name}: longest task`,
      unit: 'ms',
      values: { longest: scroll.longestTaskMs, frame: scroll.longestFrameMs },
      target: target ? { stat: 'longest', below: 50, source: BRIEF } : undefined,
    },
    {
      name: `scroll, ${name}: over 50 ms`,
      unit: 'tasks',
      values: { tasks: scroll.tasksOver50, frames: scroll.framesOver50 },
    },
  ]
}

/**
 * DOSSIER_BENCH_PROFILE=1 (or =100, =1000: that variant): instead of the figures, one open, a few presses
 * of H and the scroll, at the most highlights, each under the CPU profiler and a trace, summarised in
 * the log and kept as files.
 */
async function profileVariant(
  browser: Browser,
  page: Page,
  fixture: LongArticleWorkspace,
  log: (line: string) => void,
): Promise<void> {
  const wanted = Number(process.env.DOSSIER_BENCH_PROFILE)
  const most = fixture.variants.find((v) => v.highlights.length === wanted) ?? fixture.variants.at(-1)!
  const n = most.highlights.length
  const print = (lines: string[]) => lines.forEach((line) => log(line))
  await clickRow(page, fixture.other.title)
  await waitOpen(page, fixture.other.title)
  await sleep(500)
  print(
    await profilePhase(browser, page, PROFILES, `open-${n}`, async () => {
      await probe(page, 'armOpen', starts(most))
      await clickRow(page, most.title)
      log(`open: ${JSON.stringify(await probe(page, 'openResult'))}`)
    }),
  )
  await waitOpen(page, most.title)
  const ranges = sentences(fixture, 6)
  await measureAdds(page, fixture, most, ranges.slice(0, 1))
  print(
    await profilePhase(browser, page, PROFILES, `add-${n}`, async () => {
      log(
        `add: ${(await measureAdds(page, fixture, most, ranges.slice(1), 0)).map((ms) => ms.toFixed(0))} ms`,
      )
    }),
  )
  print(await profilePhase(browser, page, PROFILES, `scroll-${n}`, () => measureScroll(page, most)))
  log(`profiles and traces (open in DevTools): ${PROFILES}`)
}

export const readerUiScenario: Scenario = {
  name: 'reader UI in Chromium (1 MB article)',
  async run(log): Promise<ScenarioOutput> {
    buildIfNeeded(log)
    log('writing the workspace…')
    const fixture = await longArticleWorkspace(HIGHLIGHT_COUNTS, MENTIONS)
    let server: BenchServer | undefined
    const browser = await launchChromium().catch(async (error: unknown) => {
      await fixture.remove()
      throw error
    })
    try {
      server = await startServer(fixture.dir)
      const context = await browser.newContext({ viewport: VIEWPORT })
      await context.addInitScript({ content: await probeScript() })
      const page = await context.newPage()
      await page.goto(server.url)
      await page.getByRole('list', { name: 'Library' }).waitFor()
      if (process.env.DOSSIER_BENCH_PROFILE) {
        await profileVariant(browser, page, fixture, log)
        return { figures: [], facts: { profiles: PROFILES } }
      }

      const opens = await measureOpens(page, fixture, log)
      const [floor, few, , most] = fixture.variants as [
        MarkedVariant,
        MarkedVariant,
        MarkedVariant,
        MarkedVariant,
      ]
      const ranges = sentences(fixture, 2 * (ADD_WARMUP + ADD_PRESSES))
      log(`adding highlights with H at ${few.highlights.length}…`)
      const addFew = await measureAdds(page, fixture, few, ranges.slice(0, ADD_WARMUP + ADD_PRESSES))
      log(`adding highlights with H at ${most.highlights.length}…`)
      const addMost = await measureAdds(page, fixture, most, ranges.slice(ADD_WARMUP + ADD_PRESSES))
      const idle: number[] = []
      for (let i = 0; i < 20; i++) idle.push(await probe(page, 'idleFrames'))
      log('timing highlights.create over HTTP…')
      const callFew = await measureCalls(server, fixture, few)
      const callMost = await measureCalls(server, fixture, most)
      log('scrolling…')
      const scrollFloor = await measureScroll(page, floor)
      const scrollMost = await measureScroll(page, most)
      log('the bare page…')
      const bare = await measureBare(context, fixture)

      const visible = opens.get(most.id)![0]!
      const add = { stat: 'p95', below: 50, source: BRIEF }
      const call = { stat: 'p95', below: 20, source: BRIEF }
      return {
        figures: [
          ...openFigures(fixture, opens),
          timing(`add highlight (H → painted): ${few.highlights.length}`, addFew, add),
          timing(`add highlight (H → painted): ${most.highlights.length.toLocaleString('en')}`, addMost, add),
          timing(`  highlights.create over HTTP: ${few.highlights.length}`, callFew, call),
          timing(
            `  highlights.create over HTTP: ${most.highlights.length.toLocaleString('en')}`,
            callMost,
            call,
          ),
          timing('  two frames, nothing changed', idle),
          ...scrollFigures('no marks', scrollFloor, false),
          ...scrollFigures(label(most), scrollMost, true),
          timing('bare page: two frames, nothing changed', bare.idle),
          timing(`bare page: paint ${most.highlights.length.toLocaleString('en')} ranges`, bare.highlights),
          timing(`bare page: paint ${label(most)}`, bare.all),
          timing('bare page: one DOM change, no ranges', bare.touchBare),
          timing(`bare page: one DOM change, ${label(most)} registered`, bare.touchMarked),
          ...scrollFigures(`bare page, ${label(most)}`, bare.scroll, false),
        ],
        facts: {
          article: `${(fixture.text.length / 1e6).toFixed(2)} M characters in ${fixture.blocks.length} blocks`,
          'article files': Object.entries(fixture.fileBytes)
            .map(([title, bytes]) => `${title} ${(bytes / 2 ** 20).toFixed(1)} MB`)
            .join('; '),
          'first screen': `${VIEWPORT.width}×${VIEWPORT.height}, ${visible.visibleHighlights} highlights and ${visible.visibleMentions} mentions at ${most.highlights.length}`,
          scroll: `${(scrollMost.scrolledPx / 1000).toFixed(0)} K px in ${scrollMost.frames} frames (${SCROLL_STEP} viewport a frame), ${(scrollMost.durationMs / 1000).toFixed(1)} s`,
          samples: `${OPEN_RUNS} opens per variant after a warm-up round; ${ADD_PRESSES} presses after ${ADD_WARMUP}; ${CALLS} calls after ${CALL_WARMUP}`,
        },
      }
    } finally {
      await browser.close()
      await server?.stop()
      await fixture.remove()
    }
  },
}
