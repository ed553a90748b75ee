// The `dossier` command line, as a batch user runs it: extract to JSON lines, import into a workspace.
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { corpus, expect, root, seed000, seed004, test, TITLE_000 } from './fixtures'

const run = promisify(execFile)
const cli = join(root, 'bin/dossier.mjs')

async function dossier(args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run(process.execPath, [cli, ...args], { cwd: root })
    return { stdout, code: 0 }
  } catch (error) {
    const failure = error as { stdout: string; code: number }
    return { stdout: failure.stdout, code: failure.code }
  }
}

test('extract prints one JSON object per file, in the order given, failures included', async () => {
  const empty = join(corpus, 'hostile/empty.txt')
  const { stdout, code } = await dossier(['extract', seed000, empty, seed004, '--json'])
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
  expect(lines.map((l) => l.file)).toEqual([seed000, empty, seed004])
  expect(lines[0]).toMatchObject({
    status: 'ok',
    title: TITLE_000,
    published: '2023-06-13',
    credits: ['Reuters'],
  })
  expect(lines[0].text).toContain('closer strategic cooperation')
  expect(lines[0].text).not.toContain('Related Articles')
  expect(lines[1]).toMatchObject({
    status: 'failed',
    error: { code: 'empty-file', message: 'empty.txt is empty: there is nothing to import.' },
  })
  expect(lines[2].sourceUrl).toBe('https://www.ansarpress.com/english/27741')
  expect(code).toBe(2)
})

test('import writes a folder into a workspace and prints the summary', async () => {
  const workspace = await mkdtemp(join(tmpdir(), 'dossier-cli-'))
  try {
    const { stdout } = await dossier(['import', join(corpus, 'seeds'), '--workspace', workspace])
    expect(stdout).toContain(`Workspace: ${workspace}`)
    expect(stdout).toMatch(/\d+ imported/)
    expect(stdout).toMatch(/looks like the same story as "US concerned North Korean leader/)
    expect(stdout).toContain('expected-entities.json')
    expect((await readdir(join(workspace, 'articles'))).length).toBeGreaterThanOrEqual(2)
    const again = await dossier(['import', seed000, '--workspace', workspace])
    expect(again.stdout).toContain('1 already in the workspace')
  } finally {
    await rm(workspace, { recursive: true, force: true })
  }
})

test('briefs and annotations from the command line: list, export every format, import back', async () => {
  const workspace = await mkdtemp(join(tmpdir(), 'dossier-cli-'))
  try {
    expect((await dossier(['import', seed000, seed004, '--workspace', workspace])).code).toBe(0)
    const listed = await dossier(['brief', 'list', '--workspace', workspace])
    expect(listed).toMatchObject({ code: 0, stdout: 'No briefs in this workspace.\n' })
    const missing = await dossier([
      'brief',
      'export',
      'Nothing',
      '--format',
      'md',
      '--out',
      join(workspace, 'x.md'),
      '--workspace',
      workspace,
    ])
    expect(missing.code).toBe(2)

    for (const format of ['w3c', 'qdpx', 'csv']) {
      const out = join(workspace, `annotations.${format}`)
      const done = await dossier([
        'annotations',
        'export',
        '--format',
        format,
        '--out',
        out,
        '--workspace',
        workspace,
      ])
      expect(done).toMatchObject({ code: 0, stdout: `Wrote ${out}\n` })
    }
    const csv = await readFile(join(workspace, 'annotations.csv'), 'utf8')
    expect(csv.startsWith('\uFEFF"article"')).toBe(true)
    const doc = JSON.parse(await readFile(join(workspace, 'annotations.w3c'), 'utf8'))
    expect(doc.type).toBe('AnnotationCollection')
    const imported = await dossier([
      'annotations',
      'import',
      join(workspace, 'annotations.w3c'),
      '--workspace',
      workspace,
    ])
    expect(imported).toMatchObject({ code: 0 })
    expect(imported.stdout).toContain('Restored 0 highlight(s) and 0 mention(s).')
  } finally {
    await rm(workspace, { recursive: true, force: true })
  }
})

test('search prints the ranked results as lines or JSON, with the engine the app uses', async () => {
  const workspace = await mkdtemp(join(tmpdir(), 'dossier-cli-'))
  try {
    expect((await dossier(['import', seed000, seed004, '--workspace', workspace])).code).toBe(0)
    const json = await dossier(['search', '"military weapons" OR kirby', '--workspace', workspace, '--json'])
    expect(json.code).toBe(0)
    const rows = json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      id: expect.any(String),
      title: expect.any(String),
      hits: expect.any(Number),
    })
    expect(rows[0].score).toBeGreaterThanOrEqual(rows[1].score)
    expect(rows.map((r) => r.snippet.field)).toEqual(['text', 'text'])
    const text = await dossier(['search', 'pyongyang -kirby', '--workspace', workspace, '--limit', '5'])
    expect(text.stdout).toContain(TITLE_000)
    expect(text.stdout).toContain('1 article(s) found.')
    // The index was written as the workspace closed.
    expect(await readdir(join(workspace, 'index'))).toContain('search.jsonl')
  } finally {
    await rm(workspace, { recursive: true, force: true })
  }
})
