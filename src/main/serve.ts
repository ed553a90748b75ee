// Browser mode: the same services and the same renderer, served on 127.0.0.1 for a local browser.
import { createChromiumPrinter } from './services/export/chromium-printer'
import { createHandlers } from './services/dossier'
import { createExtractPool } from './services/import/extract-pool'
import { maxFileBytesFrom } from './services/import/importer'
import { resolveWorkspaceDir } from './services/store/location'
import { readOnlyMessage, Workspace } from './services/store/workspace'
import { startHttpHost } from './host/http'
import { handleShutdown } from './host/shutdown'
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
    recognise: pool.recognise,
    maxFileBytes,
  })
  const host = await startHttpHost({ handlers, rendererDir, port: portArg(argv), maxFileBytes })

  console.log(`Dossier is running in browser mode. Open this address in your browser:\n\n  ${host.url}\n`)
  console.log(`Workspace: ${dir}`)
  if (workspace.readOnly) console.warn(`Warning: ${readOnlyMessage(dir)}`)
  for (const problem of workspace.problems) console.warn(`Warning: ${problem.message}`)
  console.log('Press Ctrl+C to stop.')

  handleShutdown({
    steps: [
      { name: 'Closing the browser connections', run: () => host.close() },
      { name: 'Stopping the PDF printer (Chromium)', run: () => printer.close() },
      { name: 'Stopping the import workers', run: () => pool.close() },
      { name: 'Saving and closing the workspace', run: () => workspace.close() },
    ],
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof DossierError ? error.message : error)
  process.exit(1)
})
