// Entry of `npm run bench`: runs each scenario in order, prints a table, writes bench/results/latest.json.
// `npm run bench -- store` runs only the scenarios whose name contains one of the words given.
// A FAIL is printed, never turned into an exit code: bench machines are too noisy to gate on.
// Only a scenario that crashes makes the exit code non-zero.
import { cpus, platform, release, tmpdir, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { formatScenario, writeJson, type ScenarioReport } from './lib/report'
import { sampleRss } from './lib/rss'
import { verdict, type Scenario } from './lib/scenario'
import { batchImportScenario } from './scenarios/batch-import'
import { briefExportScenario } from './scenarios/brief-export'
import { entitiesScenario } from './scenarios/entities'
import { entityNetworkUiScenario } from './scenarios/entity-network-ui'
import { entitySuggestionsScenario } from './scenarios/entity-suggestions'
import { highlightSearchScenario } from './scenarios/highlight-search'
import { htmlImportScenario } from './scenarios/html-import'
import { pathologicalHtmlScenario } from './scenarios/pathological-html'
import { nerScenario } from './scenarios/ner'
import { pdfImportScenario } from './scenarios/pdf-import'
import { libraryUiScenario } from './scenarios/library-ui'
import { readerUiScenario } from './scenarios/reader-ui'
import { librarySearchScenario } from './scenarios/library-search'
import { searchLibrariesScenario } from './scenarios/search-libraries'
import { startUpScenario } from './scenarios/start-up'
import { storeScenarios } from './scenarios/store'

const scenarios: Scenario[] = [
  ...storeScenarios,
  pdfImportScenario,
  htmlImportScenario,
  pathologicalHtmlScenario,
  batchImportScenario,
  startUpScenario,
  highlightSearchScenario,
  readerUiScenario,
  briefExportScenario,
  entitiesScenario,
  entitySuggestionsScenario,
  nerScenario,
  searchLibrariesScenario,
  librarySearchScenario,
  libraryUiScenario,
  entityNetworkUiScenario,
]

const RESULTS = fileURLToPath(new URL('./results/latest.json', import.meta.url))

async function runOne(scenario: Scenario): Promise<ScenarioReport> {
  const rss = sampleRss()
  const start = performance.now()
  const log = (line: string) => {
    rss.sample()
    process.stderr.write(`   … ${line}\n`)
  }
  try {
    const output = await scenario.run(log)
    const peakRssMb = rss.stop()
    output.figures.push({ name: 'peak RSS (whole process)', unit: 'MB', values: { peak: peakRssMb } })
    return { name: scenario.name, durationMs: performance.now() - start, peakRssMb, ...output }
  } catch (error) {
    // One broken scenario is reported and the others still run.
    return {
      name: scenario.name,
      durationMs: performance.now() - start,
      peakRssMb: rss.stop(),
      figures: [],
      error: (error as Error).stack ?? String(error),
    }
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  const chosen = only.length ? scenarios.filter((s) => only.some((word) => s.name.includes(word))) : scenarios
  const machine = {
    node: process.version,
    os: `${platform()} ${release()}`,
    cpu: `${cpus().length}× ${cpus()[0]?.model ?? '?'}`,
    memoryGb: +(totalmem() / 2 ** 30).toFixed(1),
    tmpdir: tmpdir(),
  }
  console.log(
    `Dossier bench — node ${machine.node}, ${machine.os}, ${machine.cpu}, temp dirs in ${machine.tmpdir}\n`,
  )
  const startedAt = new Date().toISOString()
  const started = performance.now()
  const reports: ScenarioReport[] = []
  for (const scenario of chosen) {
    console.log(`── ${scenario.name}`)
    const report = await runOne(scenario)
    reports.push(report)
    console.log(`${formatScenario(report)}\n`)
  }
  const checked = reports.flatMap((r) => r.figures.map(verdict)).filter((v) => v !== undefined)
  const failed = checked.filter((v) => v === 'FAIL').length + reports.filter((r) => r.error).length
  const durationMs = performance.now() - started
  console.log(
    `${checked.length - checked.filter((v) => v === 'FAIL').length}/${checked.length} targets met${failed ? ` — ${failed} FAIL/ERROR above` : ''}; ${(durationMs / 1000).toFixed(0)} s in all`,
  )
  // Verdicts are stored beside the figures, and samples rounded to the µs, so the file reads on its own.
  const stored = reports.map((report) => ({
    ...report,
    figures: report.figures.map((f) => ({
      ...f,
      verdict: verdict(f),
      samples: f.samples?.map((ms) => +ms.toFixed(3)),
    })),
  }))
  await writeJson(RESULTS, { startedAt, durationMs, machine, scenarios: stored })
  console.log(`results: ${RESULTS}`)
  // A crashed scenario is a broken bench, not a noisy machine: that one does fail the command.
  if (reports.some((r) => r.error)) process.exitCode = 1
}

await main()
