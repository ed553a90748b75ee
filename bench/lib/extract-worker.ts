// Which extraction worker a bench pool runs: the built one (out/main/extract-worker.js), as the app
// does, when the build is newer than every source file it is made from; otherwise the TypeScript
// sources through tsx, whose transform caches add a few hundred megabytes to each worker.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ExtractPoolOptions } from '../../src/main/services/import/extract-pool'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BUILT = join(ROOT, 'out/main/extract-worker.js')
const LOADER = new URL('../../tests/unit/import/fixtures/ts-worker.mjs', import.meta.url)
const SOURCE = new URL('../../src/main/services/import/extract-worker.ts', import.meta.url).href

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

export interface BenchWorker {
  url: URL
  options: ExtractPoolOptions
  /** Says which worker ran, for the scenario's facts. */
  label: string
}

export function benchExtractWorker(): BenchWorker {
  const sources = Math.max(newestSource(join(ROOT, 'src/main')), newestSource(join(ROOT, 'src/shared')))
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources)
    return { url: new URL(`file://${BUILT}`), options: {}, label: 'built (out/main/extract-worker.js)' }
  return {
    url: LOADER,
    options: { workerData: { entry: SOURCE } },
    label: `sources through tsx (${existsSync(BUILT) ? 'the build is older than the sources' : 'no build'}; \`npx electron-vite build\` first to measure the app's worker)`,
  }
}
