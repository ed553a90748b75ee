// The `dossier` command: extract files to JSON lines, or import files and folders into a workspace,
// with the same code as the app and no Electron.
import { basename } from 'node:path'
import { readFile, stat } from 'node:fs/promises'
import { DossierError } from '../shared/errors'
import { summarizeImports, summaryLine } from '../shared/import-summary'
import { visibleText } from './services/import/boilerplate'
import { createExtractPool } from './services/import/extract-pool'
import { Importer, maxFileBytesFrom, tooLarge } from './services/import/importer'
import { resolveWorkspaceDir } from './services/store/location'
import { readOnlyMessage, Workspace } from './services/store/workspace'

const USAGE = `Usage:
  dossier extract <files…> [--json]    print what import would store, one JSON object per line with --json
  dossier import <files or folders…> [--workspace <dir>]
                                       import into a workspace (default: the app's; or DOSSIER_WORKSPACE)

Limits: files over DOSSIER_MAX_FILE_MB (default 100) are refused before they are read.`

function parseArgs(argv: string[]): { command?: string; files: string[]; json: boolean } {
  const files: string[] = []
  let json = false
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--json') json = true
    else if (arg === '--workspace') i++
    else if (arg.startsWith('--workspace=')) continue
    else files.push(arg)
  }
  return { command: argv[0], files, json }
}

async function extractCommand(files: string[], json: boolean): Promise<number> {
  const pool = createExtractPool(new URL('./extract-worker.js', import.meta.url))
  const limit = maxFileBytesFrom(process.env)
  let failures = 0
  // Files are extracted in parallel but printed in the order given.
  const jobs = files.map(async (file) => {
    try {
      const info = await stat(file)
      if (info.size > limit) throw tooLarge(basename(file), info.size, limit)
      const { article, mimeType } = await pool.extract(basename(file), new Uint8Array(await readFile(file)))
      return {
        file,
        status: 'ok' as const,
        type: mimeType,
        title: article.title,
        byline: article.byline ?? null,
        published: article.published ?? null,
        siteName: article.siteName ?? null,
        sourceUrl: article.sourceUrl ?? null,
        language: article.language ?? null,
        direction: article.direction ?? null,
        description: article.description ?? null,
        credits: article.credits ?? [],
        tags: article.tags,
        warnings: article.warnings,
        text: visibleText(article.text, article.blocks),
        trimmed: article.blocks.filter((b) => b.trimmed).map((b) => article.text.slice(b.start, b.end)),
        canonicalText: article.text,
        blocks: article.blocks,
      }
    } catch (error) {
      failures++
      const code = (error as NodeJS.ErrnoException).code
      const data =
        error instanceof DossierError
          ? error.toData()
          : {
              code: code === 'ENOENT' ? 'not-found' : 'internal',
              message: `${file}: ${(error as Error).message}`,
            }
      return { file, status: 'failed' as const, error: data }
    }
  })
  for (const job of jobs) {
    const result = await job
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else if (result.status === 'ok')
      console.log(`✓ ${result.file}\n  ${result.title}${result.published ? ` (${result.published})` : ''}`)
    else console.log(`✗ ${result.file}\n  ${result.error.message}`)
  }
  await pool.close()
  return failures > 0 ? 2 : 0
}

async function importCommand(files: string[], argv: string[]): Promise<number> {
  const dir = resolveWorkspaceDir(argv, process.env)
  const workspace = await Workspace.open(dir)
  if (workspace.readOnly) {
    console.error(readOnlyMessage(dir))
    await workspace.close()
    return 2
  }
  const pool = createExtractPool(new URL('./extract-worker.js', import.meta.url))
  try {
    const importer = new Importer(workspace, {
      extractor: pool.extract,
      maxFileBytes: maxFileBytesFrom(process.env),
    })
    const { files: paths, skipped, ignored } = await importer.expand(files)
    const total = paths.length
    let done = 0
    const results = [...skipped]
    // Two files at a time keeps both cores busy without reading a whole folder into memory.
    const queue = [...paths]
    const run = async () => {
      for (let path = queue.shift(); path; path = queue.shift()) {
        const result = await importer.importFile(path)
        results.push(result)
        done++
        if (process.stderr.isTTY)
          process.stderr.write(`\r${done}/${total} ${basename(path).slice(0, 60).padEnd(60)}`)
      }
    }
    await Promise.all([run(), run()])
    if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(80) + '\r')
    const summary = summarizeImports(results)
    console.log(`Workspace: ${dir}`)
    console.log(summaryLine(summary))
    for (const r of summary.duplicates) console.log(`  = ${r.file}: already in the workspace as "${r.title}"`)
    for (const r of summary.similar)
      console.log(`  ≈ ${r.file}: looks like the same story as "${r.similarTo!.title}"`)
    for (const r of summary.failed) console.log(`  ✗ ${r.error?.message ?? r.file}`)
    if (ignored.length)
      console.log(
        `Passed over ${ignored.length} file(s) in folders that are not articles: ${ignored.map((p) => basename(p)).join(', ')}`,
      )
    for (const problem of workspace.problems) console.log(`Warning: ${problem.message}`)
    return summary.failed.length > 0 ? 2 : 0
  } finally {
    await pool.close()
    await workspace.close()
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  const { command, files, json } = parseArgs(argv)
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE)
    return 0
  }
  if ((command !== 'extract' && command !== 'import') || files.length === 0) {
    console.error(USAGE)
    return 64
  }
  return command === 'extract' ? extractCommand(files, json) : importCommand(files, argv)
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof DossierError ? error.message : error)
    process.exit(1)
  },
)
