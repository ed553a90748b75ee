// The `dossier` command line, as a batch user runs it: extract to JSON lines, import into a workspace.
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
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
