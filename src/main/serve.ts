// Browser mode: the same services and the same renderer, served on 127.0.0.1 for a local browser.
import { createChromiumPrinter } from './services/export/chromium-printer'
import { createHandlers } from './services/dossier'
import { createExtractPool } from './services/import/extract-pool'
import { maxFileBytesFrom } from './services/import/importer'
import { resolveWorkspaceDir } from './services/store/location'
import { Workspace } from './services/store/workspace'
import { startHttpHost } from './host/http'
import { appPaths } from './paths'
import { DossierError } from '../shared/errors'

function portArg(argv: readonly string[]): number | undefined {
  const i = argv.indexOf('--port')
  const value = i >= 0 ? argv[i + 1] : process.env.DOSSIER_PORT
  return value ? Number(value) : undefined
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const { rendererDir, samplesDir } = appPaths(import.meta.url)
  const dir = resolveWorkspaceDir(argv, process.env)
  const workspace = await Workspace.open(dir)
  const printer = createChromiumPrinter()
  const pool = createExtractPool(new URL('./extract-worker.js', import.meta.url))
  const maxFileBytes = maxFileBytesFrom(process.env)
  const handlers = createHandlers({
    workspace,
    printer,
    host: 'browser',
    samplesDir,
    extractor: pool.extract,
    maxFileBytes,
  })
  const host = await startHttpHost({ handlers, rendererDir, port: portArg(argv), maxFileBytes })

  console.log(`Dossier is running in browser mode. Open this address in your browser:\n\n  ${host.url}\n`)
  console.log(`Workspace: ${dir}`)
  for (const problem of workspace.problems) console.warn(`Warning: ${problem.message}`)
  console.log('Press Ctrl+C to stop.')

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await host.close()
    await printer.close()
    await pool.close()
    await workspace.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof DossierError ? error.message : error)
  process.exit(1)
})
