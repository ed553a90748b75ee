// Start-up scenario: how long Dossier takes before it is of use, next to floors measured in the same
// run, in turns with it. Browser mode: from spawning `out/main/serve.js` to the page's first paint in
// Chromium, against a bare Node server serving the same built page. `dossier extract` on one page:
// the whole command, against a bare Node process running Readability on linkedom over the same file.
// Target for both: within 1.5× of the floor.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { buildIfNeeded, launchChromium } from '../lib/browser-mode'
import type { Figure, Scenario } from '../lib/scenario'
import { summarize } from '../lib/stats'

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 7)
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PAGE = fileURLToPath(
  new URL('../../../shared/corpus/readability/nytimes-1/source.html', import.meta.url),
)
const TARGET = { stat: 'p50', below: 1.5, source: 'HTML import issue' }

/** Runs a command to its end; returns the wall time in ms. */
function runToEnd(args: string[]): Promise<number> {
  const start = performance.now()
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
    let errors = ''
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    child.on('exit', (code) =>
      code === 0
        ? done(performance.now() - start)
        : fail(new Error(`${args.join(' ')} exited ${code}: ${errors}`)),
    )
  })
}

/** Spawns a server, opens the address it prints and waits for the first paint; returns the wall time. */
async function launchToPaint(browser: Browser, args: string[]): Promise<number> {
  const start = performance.now()
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  try {
    const url = await new Promise<string>((done, fail) => {
      let output = ''
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
        if (match) done(match[1]!)
      })
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.on('exit', (code) => fail(new Error(`${args[0]} exited with ${code}:\n${output}`)))
    })
    const page = await browser.newPage()
    try {
      await page.goto(url)
      await page.waitForFunction(() =>
        performance.getEntriesByType('paint').some((entry) => entry.name === 'first-contentful-paint'),
      )
      return performance.now() - start
    } finally {
      await page.close()
    }
  } finally {
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    child.kill('SIGTERM')
    await exited
  }
}

function pair(name: string, dossier: number[], floor: number[], floorName: string): Figure[] {
  const ours = summarize(dossier)
  const bare = summarize(floor)
  return [
    {
      name,
      unit: 'ms',
      values: { p50: ours.p50, max: ours.max, [`${floorName} p50`]: bare.p50 },
      samples: dossier,
    },
    { name: `  ${name} / floor`, unit: '×', values: { p50: ours.p50 / bare.p50 }, target: TARGET },
  ]
}

export const startUpScenario: Scenario = {
  name: 'start-up',
  async run(log) {
    buildIfNeeded(log)
    const workspace = await mkdtemp(join(tmpdir(), 'dossier-bench-startup-'))
    const browser = await launchChromium()
    try {
      const serve = [join(ROOT, 'out/main/serve.js'), '--workspace', workspace]
      const floorServer = [join(ROOT, 'bench/floors/static-server.mjs'), join(ROOT, 'out/renderer')]
      const extract = [join(ROOT, 'out/main/cli.js'), 'extract', PAGE, '--json']
      const floorExtract = [join(ROOT, 'bench/floors/readability-cli.mjs'), PAGE]
      // One run of each first: the operating system's file cache, not start-up, would be measured.
      await launchToPaint(browser, serve)
      await launchToPaint(browser, floorServer)
      await runToEnd(extract)
      await runToEnd(floorExtract)
      const samples = {
        serve: [] as number[],
        server: [] as number[],
        extract: [] as number[],
        bare: [] as number[],
      }
      for (let i = 0; i < RUNS; i++) {
        log(`run ${i + 1} of ${RUNS}…`)
        samples.serve.push(await launchToPaint(browser, serve))
        samples.server.push(await launchToPaint(browser, floorServer))
        samples.extract.push(await runToEnd(extract))
        samples.bare.push(await runToEnd(floorExtract))
      }
      return {
        figures: [
          ...pair('browser mode: launch to first paint', samples.serve, samples.server, 'bare server'),
          ...pair('dossier extract, one page', samples.extract, samples.bare, 'bare Readability'),
        ],
        facts: {
          page: 'readability/nytimes-1/source.html',
          samples: `${RUNS} runs of each after one of each, in turns`,
        },
      }
    } finally {
      await browser.close()
      await rm(workspace, { recursive: true, force: true })
    }
  },
}
