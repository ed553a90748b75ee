// Browser mode for a bench: the built app served on a workspace exactly as `npm run serve` does, and the
// system Chromium driven by playwright-core, as the end-to-end tests find and start it.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../../src/main/services/export/chromium-printer'

const root = fileURLToPath(new URL('../..', import.meta.url))

export interface BenchServer {
  /** The launch address, with its token. */
  url: string
  origin: string
  token: string
  /** The server's process id, to read its memory. */
  pid: number | undefined
  /** Calls one API method over HTTP, as the page does. */
  call(method: string, args: unknown): Promise<unknown>
  stop(): Promise<void>
}

/** Builds out/ when it is missing or older than the sources, with the same check as `npm run serve`. */
export function buildIfNeeded(log: (line: string) => void): void {
  if (!existsSync(join(root, 'out/main/serve.js'))) log('building the app (out/ is missing)…')
  const script = `import(${JSON.stringify(join(root, 'scripts/build-if-needed.mjs'))}).then((m) => m.buildIfNeeded(${JSON.stringify(root)}))`
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (result.status !== 0) throw new Error('the build failed; see the messages above')
}

export async function startServer(workspace: string): Promise<BenchServer> {
  const child = spawn(process.execPath, [join(root, 'out/main/serve.js'), '--workspace', workspace], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`Dossier did not start:\n${output}`)), 30_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        done(match[1]!)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => fail(new Error(`Dossier exited with ${code}:\n${output}`)))
  })
  const { origin, searchParams } = new URL(url)
  const token = searchParams.get('token')!
  return {
    url,
    origin,
    token,
    pid: child.pid,
    async call(method, args) {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': token },
        body: JSON.stringify(args),
      })
      const reply = (await response.json()) as { ok: boolean; result?: unknown; error?: { message: string } }
      if (!reply.ok) throw new Error(`${method}: ${reply.error?.message}`)
      return reply.result
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise<void>((done) => child.once('exit', () => done()))
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** The system Chromium, headless, with the switches the e2e tests use. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) {
    throw new Error(
      'This scenario needs Chromium: install it (e.g. "sudo apt-get install chromium") or set DOSSIER_CHROMIUM to its path.',
    )
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      '--disable-gpu',
      '--disable-dev-shm-usage',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  })
}
