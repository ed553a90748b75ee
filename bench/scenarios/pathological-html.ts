// Pathological web page scenario: a small page of thousands of empty paragraphs, the shape that once
// took 97 s for 48 KB. The whole import (extract()) at 4,000, 8,000 and 16,000 paragraphs, next to a
// floor measured in the same run: linkedom parsing the same bytes. Doubling the page should about
// double the time; the target is that it less than triples it (it quadrupled).
import { parseHTML } from 'linkedom'
import { extract } from '../../src/main/services/import/extract'
import type { Figure, Scenario } from '../lib/scenario'
import { summarize, timeMs } from '../lib/stats'

const SIZES = [4_000, 8_000, 16_000]
const RUNS = Number(process.env.BENCH_PATHOLOGICAL_RUNS ?? 3)
const TARGET = { stat: 'p50', below: 3, source: 'slow-page issue' }

export function emptyParagraphsPage(count: number): string {
  const sentence = '<p>Kim Jong Un met Vladimir Putin in Vladivostok, officials said on Tuesday.</p>'
  return `<!doctype html><html><body>${'<p>'.repeat(count)}${sentence}</body></html>`
}

const turn = () => new Promise((resolve) => setImmediate(resolve))

export const pathologicalHtmlScenario: Scenario = {
  name: 'pathological html',
  async run(log) {
    const figures: Figure[] = []
    const importP50: number[] = []
    for (const count of SIZES) {
      const html = emptyParagraphsPage(count)
      const bytes = new TextEncoder().encode(html)
      const floorMs: number[] = []
      const runMs: number[] = []
      log(`${count} empty paragraphs (${(bytes.length / 1024).toFixed(0)} KB): ${RUNS} runs…`)
      for (let i = 0; i < RUNS; i++) {
        floorMs.push(
          await timeMs(async () => {
            parseHTML(html)
          }),
        )
        await turn()
        runMs.push(await timeMs(() => extract('page.html', bytes)))
        await turn()
      }
      const imported = summarize(runMs)
      importP50.push(imported.p50)
      figures.push({
        name: `${count} empty <p>, ${(bytes.length / 1024).toFixed(0)} KB`,
        unit: 'ms',
        values: { p50: imported.p50, max: imported.max, 'linkedom parse p50': summarize(floorMs).p50 },
        samples: runMs,
      })
    }
    figures.push({
      name: 'import time, 16,000 / 8,000 paragraphs',
      unit: '×',
      values: { p50: importP50[2]! / importP50[1]! },
      target: TARGET,
    })
    return {
      figures,
      facts: {
        page: '<!doctype html><html><body> + <p> × n + one sentence',
        samples: `${RUNS} runs per size`,
      },
    }
  },
}
