// The `dossier` command: extract files to JSON lines, or import files and folders into a workspace,
// with the same code as the app and no Electron.
import { basename } from 'node:path'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { DossierError } from '../shared/dossier-error'
import { failureData } from './cli-failure'
import { summarizeImports, summaryLine } from '../shared/import-summary'
// Only what every command needs is imported here; each command loads its own services when it runs,
// so `dossier extract` starts no workspace, search or export code (extraction runs in a worker).
import type { ExtractedArticle } from '../shared/model'
import type { AnnotationFormat } from './services/annotations/export-annotations'
import type { PdfPrinter } from './services/export/pdf-printer'
import { visibleText } from './services/import/boilerplate'
import { BatchSites } from './services/import/site-furniture'
import { createExtractPool } from './services/import/extract-pool'
import { maxFileBytesFrom, tooLarge } from './services/import/file-limit'
import { resolveWorkspaceDir } from './services/store/location'

/** The workspace store, loaded by the commands that open one. */
const store = () => import('./services/store/workspace')

const USAGE = `Usage:
  dossier extract <files…> [--json]    print what import would store, one JSON object per line with --json
  dossier import <files or folders…> [--workspace <dir>]
                                       import into a workspace (default: the app's; or DOSSIER_WORKSPACE)

  dossier brief list [--workspace <dir>] [--json]
                                       list the workspace's briefs
  dossier brief export <brief id or title> --format md|html|pdf|docx --out <file> [--workspace <dir>]
                                       export a brief as the app does
  dossier annotations export --format w3c|qdpx|csv --out <file> [--workspace <dir>]
                                       every highlight and mention, as W3C Web Annotations, REFI-QDA or CSV
  dossier annotations import <file.jsonld> [--workspace <dir>]
                                       restore highlights and mentions exported as W3C Web Annotations
  dossier entities export --format csv|json [--what entities|mentions] --out <file> [--workspace <dir>]
                                       the entities (name, type, aliases, counts, first and last seen)
                                       or every mention with its citation and context
  dossier entities suggest <files…> [--json] [--types Person,Location,…]
                                       the names the entity recogniser finds in article files, offsets
                                       into the canonical text import would store
  dossier ner [--types Person,Organization,Location,Equipment,Event,Date]
                                       recognise names in UTF-8 text on standard input, one document per
                                       line, one JSON line out per line: {"entities":[{start,end,type,text,score}]}
  dossier search "<query>" [--workspace <dir>] [--json] [--limit N]
                                       search the library as the app does: words, word*, "phrases",
                                       AND / OR / NOT / -, ( ), site: by: entity: code: title: tag: case:

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

/** What `extract --json` prints of one file that was read. */
function extractedLine(file: string, mimeType: string, article: ExtractedArticle) {
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
      return { file, status: 'ok' as const, article, mimeType }
    } catch (error) {
      failures++
      return { file, status: 'failed' as const, error: failureData(file, error) }
    }
  })
  // The files of one batch teach each other their site's furniture, as they would in an import.
  const sites = new BatchSites()
  for (const job of jobs) {
    const done = await job
    const result =
      done.status === 'ok'
        ? extractedLine(done.file, done.mimeType, { ...done.article, blocks: sites.blocksOf(done.article) })
        : done
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else if (result.status === 'ok')
      console.log(`✓ ${result.file}\n  ${result.title}${result.published ? ` (${result.published})` : ''}`)
    else console.log(`✗ ${result.file}\n  ${result.error.message}`)
  }
  await pool.close()
  return failures > 0 ? 2 : 0
}

async function importCommand(files: string[], argv: string[]): Promise<number> {
  const { Workspace, readOnlyMessage } = await store()
  const { Importer } = await import('./services/import/importer')
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

/** The value after `--name`, or after `--name=`. */
function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`)
  if (i >= 0) return argv[i + 1]
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
}

const FORMATS = ['md', 'html', 'pdf', 'docx'] as const

async function briefCommand(argv: string[]): Promise<number> {
  const [, verb, ...rest] = argv
  const { Workspace } = await store()
  const { renderBrief } = await import('./services/brief/brief-handlers')
  const workspace = await Workspace.open(resolveWorkspaceDir(argv, process.env))
  let printer: PdfPrinter | undefined
  try {
    const briefs = workspace.briefs.list()
    if (verb === 'list') {
      if (rest.includes('--json')) for (const b of briefs) console.log(JSON.stringify(b))
      else if (briefs.length === 0) console.log('No briefs in this workspace.')
      else
        for (const b of briefs)
          console.log(`${b.id}  ${b.title}  (${b.excerpts} excerpts, ${b.updatedAt.slice(0, 10)})`)
      return 0
    }
    const which = rest.find(
      (a, i) => !a.startsWith('--') && !rest[i - 1]?.match(/^--(format|out|workspace)$/),
    )
    const format = option(argv, 'format') as (typeof FORMATS)[number] | undefined
    const out = option(argv, 'out')
    if (verb !== 'export' || !which || !format || !FORMATS.includes(format) || !out) {
      console.error(USAGE)
      return 64
    }
    const matches = briefs.filter((b) => b.id === which || b.title === which)
    if (matches.length !== 1) {
      console.error(
        matches.length === 0
          ? `No brief is called "${which}" in ${workspace.dir}; "dossier brief list" shows them.`
          : `${matches.length} briefs are called "${which}"; give its id instead (see "dossier brief list").`,
      )
      return 2
    }
    // Chromium is loaded only for a PDF.
    if (format === 'pdf')
      printer = (await import('./services/export/chromium-printer')).createChromiumPrinter()
    const noPrinter: PdfPrinter = {
      print: () => Promise.reject(new Error('no printer')),
      close: async () => {},
    }
    const file = await renderBrief(workspace, printer ?? noPrinter, matches[0]!.id, format)
    await writeFile(out, file.data)
    console.log(`Wrote ${out}`)
    return 0
  } finally {
    await printer?.close()
    await workspace.close()
  }
}

async function annotationsCommand(argv: string[]): Promise<number> {
  const [, verb, ...rest] = argv
  const format = option(argv, 'format') as AnnotationFormat | undefined
  const out = option(argv, 'out')
  const file = rest.find((a, i) => !a.startsWith('--') && !rest[i - 1]?.match(/^--(format|out|workspace)$/))
  const exporting = verb === 'export' && format && ['w3c', 'qdpx', 'csv'].includes(format) && out
  if (!exporting && !(verb === 'import' && file)) {
    console.error(USAGE)
    return 64
  }
  const { Workspace, readOnlyMessage } = await store()
  const { exportAnnotations } = await import('./services/annotations/export-annotations')
  const { importW3c } = await import('./services/annotations/w3c')
  const workspace = await Workspace.open(resolveWorkspaceDir(argv, process.env))
  try {
    if (exporting) {
      await writeFile(out, (await exportAnnotations(workspace, format)).data)
      console.log(`Wrote ${out}`)
      return 0
    }
    if (workspace.readOnly) {
      console.error(readOnlyMessage(workspace.dir))
      return 2
    }
    let doc: unknown
    try {
      doc = JSON.parse(await readFile(file!, 'utf8'))
    } catch (error) {
      console.error(`${file} could not be read as JSON: ${(error as Error).message}`)
      return 2
    }
    const result = await importW3c(workspace, doc)
    console.log(`Restored ${result.highlights} highlight(s) and ${result.mentions} mention(s).`)
    const reasons = new Map<string, number>()
    for (const s of result.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1)
    for (const [reason, n] of reasons) console.log(`  skipped ${n}: ${reason}`)
    return 0
  } finally {
    await workspace.close()
  }
}

async function searchCommand(argv: string[]): Promise<number> {
  const text = argv
    .slice(1)
    .find((a, i, rest) => !a.startsWith('--') && !rest[i - 1]?.match(/^--(workspace|limit)$/))
  const limit = Number(option(argv, 'limit') ?? 20)
  if (text === undefined || !Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    console.error(USAGE)
    return 64
  }
  const { Workspace } = await store()
  const { LibraryIndex } = await import('./services/search/library-index')
  const { searchLibrary } = await import('./services/search/search-handlers')
  const workspace = await Workspace.open(resolveWorkspaceDir(argv, process.env))
  try {
    // The same index as the app's: it loads index/search.jsonl, and writes it back as the workspace closes.
    const result = await searchLibrary(new LibraryIndex(workspace), workspace, { text, limit })
    if (result.warning) console.error(result.warning)
    for (const { article, score, hits, snippet } of result.rows) {
      const { id, title, siteName, published } = article
      if (argv.includes('--json'))
        console.log(
          JSON.stringify({
            id,
            title,
            site: siteName ?? null,
            published: published ?? null,
            score,
            hits,
            snippet,
          }),
        )
      else {
        console.log(`${id}  ${title}  ${siteName ?? '-'}  ${published ?? '-'}  ${score?.toFixed(2) ?? '-'}`)
        if (snippet) console.log(`    ${snippet.text.replace(/\s+/g, ' ')}`)
      }
    }
    if (!argv.includes('--json')) console.log(`${result.total} article(s) found.`)
    return 0
  } finally {
    await workspace.close()
  }
}

async function entitiesCommand(argv: string[]): Promise<number> {
  const verb = argv[1]
  if (verb === 'suggest') {
    const { parseTypes, suggestFiles } = await import('./cli-ner')
    const types = parseTypes(option(argv, 'types'))
    const files = argv
      .slice(2)
      .filter(
        (a, i, rest) => !a.startsWith('--') && rest[i - 1] !== '--types' && rest[i - 1] !== '--workspace',
      )
    if (typeof types === 'string' || files.length === 0) {
      console.error(typeof types === 'string' ? types : USAGE)
      return 64
    }
    return suggestFiles(files, types, argv.includes('--json'), (line) => console.log(line))
  }
  const format = option(argv, 'format')
  const what = option(argv, 'what') ?? 'entities'
  const out = option(argv, 'out')
  if (
    verb !== 'export' ||
    (format !== 'csv' && format !== 'json') ||
    (what !== 'entities' && what !== 'mentions') ||
    !out
  ) {
    console.error(USAGE)
    return 64
  }
  const { Workspace } = await store()
  const { entityHandlers } = await import('./services/entities/entity-handlers')
  const workspace = await Workspace.open(resolveWorkspaceDir(argv, process.env))
  try {
    const file = await entityHandlers(workspace)['entities.export']({ what, format })
    await writeFile(out, file.data)
    console.log(`Wrote ${out}`)
    return 0
  } finally {
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
  if (command === 'brief') return briefCommand(argv)
  if (command === 'annotations') return annotationsCommand(argv)
  if (command === 'entities') return entitiesCommand(argv)
  if (command === 'search') return searchCommand(argv)
  if (command === 'ner') {
    const { nerLines, parseTypes } = await import('./cli-ner')
    const types = parseTypes(option(argv, 'types'))
    if (typeof types === 'string') {
      console.error(types)
      return 64
    }
    await nerLines(process.stdin, process.stdout, types)
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
