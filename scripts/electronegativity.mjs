// npm test's Electron security lint: Electronegativity over src/, failing on any HIGH or MEDIUM finding
// that docs/SECURITY.md does not explain (its "Electronegativity findings" section, one line a finding:
// "- `CHECK_ID` in `src/path`: why it stands"). Lower findings are listed but do not fail.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
const FAILING = new Set(['HIGH', 'MEDIUM'])
const SECTION = '## Electronegativity findings'

/**
 * Electronegativity fetches translations and Electron's release list over the network at run time; a test
 * run makes no network request, so its HTTP client (got) answers "not found" without going anywhere, and
 * the one check that needs the release list is left out.
 */
function offlineRunner() {
  const base = dirname(require.resolve('@doyensec/electronegativity/package.json'))
  const gotPath = require.resolve('got', { paths: [base] })
  const notFound = () => Promise.resolve({ statusCode: 404, body: '', headers: {} })
  const got = Object.assign(notFound, { head: notFound, get: notFound, default: notFound })
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: got }
  return require('@doyensec/electronegativity')
}

/** The explained findings: check id and file, each with its reason. */
export function explainedFindings(markdown) {
  const start = markdown.indexOf(SECTION)
  if (start < 0) return []
  const rest = markdown.slice(start + SECTION.length)
  const section = rest.split(/\n## /)[0]
  const explained = []
  for (const line of section.split('\n')) {
    const match = /^- `([A-Z0-9_]+)` in `([^`]+)`: (\S.*)$/.exec(line.trim())
    if (match) explained.push({ id: match[1], file: match[2], reason: match[3] })
  }
  return explained
}

/** Findings at HIGH or MEDIUM that no explained entry names (same check, same file). */
export function unexplainedFindings(findings, explained) {
  return findings.filter(
    (f) => FAILING.has(f.severity) && !explained.some((e) => e.id === f.id && e.file === f.file),
  )
}

/** Runs Electronegativity on `input` (a folder); findings name files relative to the project root. */
export async function scan(input, electronVersion) {
  const run = offlineRunner()
  const result = await run({
    input,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    customScan: [],
    parserPlugins: [],
  })
  const findings = result.issues.map((issue) => ({
    id: issue.id,
    file: relative(root, issue.file).split('\\').join('/'),
    line: issue.location.line,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    description: issue.description,
  }))
  const unparsed = result.errors.filter((e) => !e.tolerable)
  return { findings, unparsed }
}

async function main() {
  const electronVersion = require('electron/package.json').version
  const { findings, unparsed } = await scan(join(root, 'src'), electronVersion)
  const explained = explainedFindings(readFileSync(join(root, 'docs', 'SECURITY.md'), 'utf8'))
  const failing = unexplainedFindings(findings, explained)
  for (const f of findings) {
    const mark = failing.includes(f) ? 'UNEXPLAINED' : FAILING.has(f.severity) ? 'explained' : 'note'
    console.log(`${mark.padEnd(11)} ${f.severity.padEnd(6)} ${f.id} ${f.file}:${f.line} ${f.description}`)
  }
  for (const e of explained) {
    if (!findings.some((f) => f.id === e.id && f.file === e.file))
      console.log(`stale       docs/SECURITY.md explains ${e.id} in ${e.file}, which is no longer found`)
  }
  for (const e of unparsed) console.error(`Electronegativity could not read ${e.file}: ${e.message}`)
  if (failing.length > 0 || unparsed.length > 0) {
    console.error(
      `Electronegativity: ${failing.length} HIGH or MEDIUM finding(s) not explained in docs/SECURITY.md` +
        (unparsed.length > 0 ? `, ${unparsed.length} file(s) not read` : '') +
        '. Fix them, or explain each in its "Electronegativity findings" section.',
    )
    process.exit(1)
  }
  console.log(`Electronegativity: ${findings.length} finding(s), none unexplained at HIGH or MEDIUM.`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
