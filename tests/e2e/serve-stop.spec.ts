// Stopping browser mode, as the analyst does (Ctrl+C in the terminal) and as a service manager does
// (SIGTERM to `npm run serve`): every process it started ends, and the workspace is free again.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { root } from './fixtures'

/** Processes whose environment carries `mark`, i.e. started by this run, however they were reparented. */
function processesMarked(mark: string): string[] {
  const found: string[] = []
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(mark)) {
        found.push(
          `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ').slice(0, 120)}`,
        )
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found
}

async function api(url: string, method: string, args: unknown) {
  const { origin, searchParams } = new URL(url)
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': searchParams.get('token')! },
    body: JSON.stringify(args),
  })
  return ((await response.json()) as { result: unknown }).result
}

for (const how of ['Ctrl+C', 'SIGTERM to npm'] as const) {
  test(`${how} ends every process browser mode started and frees the workspace`, async () => {
    test.skip(process.platform !== 'linux', 'reads /proc to find every process, however it was reparented')
    const workspace = await mkdtemp(join(tmpdir(), 'dossier-stop-'))
    const mark = `DOSSIER_STOP_TEST=${Math.random().toString(36).slice(2)}`
    const [key, value] = mark.split('=') as [string, string]
    const npm = spawn('npm', ['run', 'serve', '--', '--workspace', workspace, '--port', '0'], {
      cwd: root,
      env: { ...process.env, [key]: value },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, as a terminal gives it, so Ctrl+C can be sent to the group.
      detached: true,
    })
    try {
      let output = ''
      const url = await new Promise<string>((done, fail) => {
        npm.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
          if (match) done(match[1]!)
        })
        npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
        npm.on('exit', () => fail(new Error(`npm run serve ended:\n${output}`)))
      })
      // A PDF export starts Chromium, the process most likely to be left behind.
      await api(url, 'import.samples', {})
      const [first] = (await api(url, 'articles.list', {})) as { id: string }[]
      await api(url, 'brief.pdf', { articleId: first!.id })
      expect(processesMarked(mark).some((p) => /chrom/.test(p))).toBe(true)
      expect(existsSync(join(workspace, 'dossier.lock'))).toBe(true)

      if (how === 'Ctrl+C') process.kill(-npm.pid!, 'SIGINT')
      else process.kill(npm.pid!, 'SIGTERM')

      await expect.poll(() => processesMarked(mark), { timeout: 20_000 }).toEqual([])
      expect(existsSync(join(workspace, 'dossier.lock'))).toBe(false)
    } finally {
      for (const line of processesMarked(mark)) process.kill(Number(line.split(' ')[0]), 'SIGKILL')
      await rm(workspace, { recursive: true, force: true })
    }
  })
}
