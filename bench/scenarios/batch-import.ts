// A 200-file mixed batch, imported as the app does (two files in flight, extraction and the entity
// recogniser in the worker pool, suggestions settled on the main thread): wall time, peak memory while
// the pool works and how busy each core was, next to the recogniser on the main thread as before, the
// import without suggestions and the same files extracted one after another on the main thread.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance as perfHooks } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { extract } from '../../src/main/services/import/extract'
import { createExtractPool } from '../../src/main/services/import/extract-pool'
import { Importer, type Extractor } from '../../src/main/services/import/importer'
import { SuggestionEngine } from '../../src/main/services/entities/suggestion-engine'
import { Workspace } from '../../src/main/services/store/workspace'
import { benchExtractWorker } from '../lib/extract-worker'
import { newsBlocks, newsTitle } from '../lib/news-text'
import { seededRandom } from '../lib/random'
import { sampleRss } from '../lib/rss'
import type { Figure, Scenario } from '../lib/scenario'

const FILES = 200
/** The product issue's ceiling for the pool's memory. */
const POOL_MEMORY_MB = 400

/** Busy and total time of each core since boot, machine-wide (other processes count too). */
function coreTimes(): Array<{ busy: number; total: number }> {
  return cpus().map(({ times }) => {
    const total = times.user + times.nice + times.sys + times.idle + times.irq
    return { busy: total - times.idle, total }
  })
}

/** How busy each core was between two readings, in percent. */
function coreBusy(before: ReturnType<typeof coreTimes>, after: ReturnType<typeof coreTimes>): number[] {
  return after.map((a, i) => {
    const b = before[i] ?? { busy: 0, total: 0 }
    return a.total > b.total ? (100 * (a.busy - b.busy)) / (a.total - b.total) : 0
  })
}
const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))

/** Each copy differs by a trailing comment or line, so none is a byte-for-byte duplicate of another. */
function variant(name: string, bytes: Buffer, n: number): Buffer {
  if (/\.html?$/.test(name)) return Buffer.concat([bytes, Buffer.from(`\n<!-- copy ${n} -->\n`)])
  if (/\.pdf$/.test(name)) return Buffer.concat([bytes, Buffer.from(`\n%copy ${n}\n`)])
  if (/\.(txt|md)$/.test(name) && !name.includes('utf-16'))
    return Buffer.concat([bytes, Buffer.from(`\n\nCopy ${n}.\n`)])
  return bytes
}

/** Real pages and every seed format, then generated text articles up to FILES. */
async function writeBatch(dir: string): Promise<string[]> {
  const sources: { name: string; bytes: Buffer }[] = []
  for (const page of (await readdir(join(corpus, 'readability'))).filter((n) => !n.includes('.'))) {
    sources.push({
      name: `${page}.html`,
      bytes: await readFile(join(corpus, 'readability', page, 'source.html')),
    })
  }
  for (const seed of (await readdir(join(corpus, 'seeds'))).filter((n) => !n.endsWith('.json'))) {
    sources.push({ name: seed, bytes: await readFile(join(corpus, 'seeds', seed)) })
  }
  const paths: string[] = []
  const r = seededRandom(200)
  for (let n = 0; paths.length < FILES; n++) {
    const path = join(dir, `${String(n).padStart(3, '0')}`)
    if (n < sources.length * 2) {
      const source = sources[n % sources.length]!
      // Word files are zips: a second, altered copy would be damaged, so they come once.
      if (n >= sources.length && source.name.endsWith('.docx')) continue
      await writeFile(`${path}-${source.name}`, variant(source.name, source.bytes, n))
      paths.push(`${path}-${source.name}`)
    } else {
      const body = newsBlocks(r, 6_000)
        .map((b) => b.text)
        .join('\n')
      await writeFile(`${path}.txt`, `date 2024-0${1 + (n % 9)}-1${n % 10} ${newsTitle(r)}\n${body}\n`)
      paths.push(`${path}.txt`)
    }
  }
  return paths
}

interface BatchRun {
  wallMs: number
  /** CPU of the whole process, workers included (process.cpuUsage counts every thread). */
  cpu: NodeJS.CpuUsage
  /** How long the main thread's event loop was busy: what the window's services waited behind. */
  mainBusyMs: number
  busy: number[]
  peakMb: number
  statuses: Record<string, number>
}

/** Imports the files, two in flight, into a new workspace; with `suggest`, as the app's handlers do. */
async function importBatch(
  dir: string,
  paths: readonly string[],
  extractor: Extractor,
  suggest: boolean,
): Promise<BatchRun> {
  const workspace = await Workspace.open(dir)
  const engine = suggest ? new SuggestionEngine(workspace) : undefined
  const importer = new Importer(workspace, {
    extractor,
    ...(engine ? { prepare: (article, names) => engine.atImport(article, names) } : {}),
  })
  const queue = [...paths]
  const statuses: Record<string, number> = {}
  const rss = sampleRss(20)
  const cpuBefore = process.cpuUsage()
  const coresBefore = coreTimes()
  const loopBefore = perfHooks.eventLoopUtilization()
  const start = performance.now()
  const lane = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      const result = await importer.importFile(path)
      statuses[result.status] = (statuses[result.status] ?? 0) + 1
    }
  }
  await Promise.all([lane(), lane()])
  const wallMs = performance.now() - start
  const cpu = process.cpuUsage(cpuBefore)
  const mainBusyMs = perfHooks.eventLoopUtilization(loopBefore).active
  const busy = coreBusy(coresBefore, coreTimes())
  const peakMb = rss.stop()
  await workspace.close()
  return { wallMs, cpu, mainBusyMs, busy, peakMb, statuses }
}

export const batchImportScenario: Scenario = {
  name: 'import: 200-file mixed batch',
  async run(log) {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-bench-batch-'))
    const worker = benchExtractWorker()
    const pool = createExtractPool(worker.url, worker.options)
    try {
      const files = join(dir, 'files')
      await mkdir(files)
      const paths = await writeBatch(files)
      log(`${paths.length} files written`)

      // Warm the workers (module loading, the recogniser's model) outside the timing, as the app's
      // first import does.
      const rssBeforePool = process.memoryUsage.rss() / 2 ** 20
      const warm = { names: true }
      await Promise.all([
        pool.extract('warm.txt', Buffer.from('A warm-up line of text.'), warm),
        pool.extract('warm2.txt', Buffer.from('Another line.'), warm),
      ])
      // Three imports of the same files into fresh workspaces: suggestions with the recogniser in the
      // workers (as the app does), the recogniser on the main thread (as it was), and none (the floor).
      const withNames: Extractor = (name, bytes, wanted) => pool.extract(name, bytes, wanted)
      const withoutNames: Extractor = (name, bytes) => pool.extract(name, bytes)
      const inWorkers = await importBatch(join(dir, 'ws-workers'), paths, withNames, true)
      const onMain = await importBatch(join(dir, 'ws-main'), paths, withoutNames, true)
      const none = await importBatch(join(dir, 'ws-none'), paths, withNames, false)
      const { wallMs, cpu, busy, peakMb, statuses } = inWorkers
      log(`imported: ${JSON.stringify(statuses)}`)

      // Reference: the same extraction on the main thread, one file after another, nothing stored.
      const sequentialStart = performance.now()
      for (const path of paths) await extract(path, await readFile(path)).catch(() => undefined)
      const sequentialMs = performance.now() - sequentialStart

      const figures: Figure[] = [
        {
          name: 'batch import with suggestions, recogniser in the workers (pool, 2 in flight)',
          unit: 's',
          values: { wall: wallMs / 1000, 'main thread busy': inWorkers.mainBusyMs / 1000 },
        },
        {
          name: '  before: the recogniser on the main thread',
          unit: 's',
          values: { wall: onMain.wallMs / 1000, 'main thread busy': onMain.mainBusyMs / 1000 },
        },
        {
          name: '  floor: no suggestions at all',
          unit: 's',
          values: { wall: none.wallMs / 1000, 'main thread busy': none.mainBusyMs / 1000 },
        },
        { name: '  files per second', unit: 'files/s', values: { rate: paths.length / (wallMs / 1000) } },
        { name: '  reference: extract only, one thread', unit: 's', values: { wall: sequentialMs / 1000 } },
        {
          name: 'memory while the pool imports with the recogniser (process)',
          unit: 'MB',
          values: { before: rssBeforePool, peak: peakMb },
        },
        {
          name: '  growth over the start: pool and importer',
          unit: 'MB',
          values: { growth: peakMb - rssBeforePool },
          target: { stat: 'growth', below: POOL_MEMORY_MB, source: 'HTML import issue' },
        },
        {
          name: 'cores busy during the batch',
          unit: '%',
          values: Object.fromEntries(busy.map((b, i) => [`core ${i}`, b])),
        },
        {
          name: '  CPU time of the process and its workers / wall time',
          unit: 'cores',
          values: { used: (cpu.user + cpu.system) / 1000 / wallMs, of: cpus().length },
        },
      ]
      return { facts: { files: paths.length, ...statuses, worker: worker.label }, figures }
    } finally {
      await pool.close()
      await rm(dir, { recursive: true, force: true })
    }
  },
}
