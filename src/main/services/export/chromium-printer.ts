// Browser-mode PDFs: playwright-core drives a Chromium already on the machine, offline, no scripts:
// every background service off, no host name resolving, and in a network namespace of its own
// where Linux allows one.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { DossierError } from '../../../shared/errors'
import { automationSwitches, BACKGROUND_SERVICES_OFF, noRouteSwitches } from './chromium-switches'
import { findNetworkNamespace, type NamespaceLauncher } from './network-namespace'
import { PRINT_OPTIONS, type PdfPrinter } from './pdf-printer'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
]

/** DOSSIER_CHROMIUM first, then the usual install places, then a Chromium Playwright downloaded. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.DOSSIER_CHROMIUM) return existsSync(env.DOSSIER_CHROMIUM) ? env.DOSSIER_CHROMIUM : undefined
  const found = CANDIDATES.find((path) => existsSync(path))
  if (found) return found
  try {
    const bundled = chromium.executablePath()
    return existsSync(bundled) ? bundled : undefined
  } catch {
    return undefined
  }
}

/** The Chromium switches any launch of ours should carry: background services off. */
export const CHROMIUM_ARGS = BACKGROUND_SERVICES_OFF

/**
 * Stopping is the host's job (host/shutdown.ts): Playwright's own signal handlers would exit the process
 * before the workspace is saved and its lock released.
 */
const SIGNALS = { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false }

interface Running {
  browser: Browser
  profileDir: string
}

async function start(executablePath: string, namespace: NamespaceLauncher | undefined): Promise<Running> {
  const profileDir = await mkdtemp(join(tmpdir(), 'dossier-chromium-'))
  // Dossier gives the whole command line itself (ignoreDefaultArgs), so every switch is one it chose
  // and the browser can be started through unshare.
  const args = [
    ...automationSwitches(profileDir, process.getuid?.() === 0),
    ...BACKGROUND_SERVICES_OFF,
    ...noRouteSwitches(profileDir),
  ]
  const launch = namespace
    ? { executablePath: namespace.command, args: [...namespace.args, executablePath, ...args] }
    : { executablePath, args }
  try {
    const browser = await chromium.launch({ ...launch, ignoreDefaultArgs: true, headless: true, ...SIGNALS })
    return { browser, profileDir }
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true })
    throw error
  }
}

export function createChromiumPrinter(env: NodeJS.ProcessEnv = process.env): PdfPrinter {
  let running: Promise<Running> | undefined

  async function launch(): Promise<Running> {
    const executablePath = findChromium(env)
    if (!executablePath) {
      throw new DossierError(
        'pdf-unavailable',
        'PDF export in browser mode needs Chromium or Google Chrome on this machine, and none was found. Install Chromium (e.g. "sudo apt-get install chromium") or set DOSSIER_CHROMIUM to its path; Markdown export works without it.',
      )
    }
    const namespace = await findNetworkNamespace()
    try {
      return await start(executablePath, namespace)
    } catch (error) {
      if (!namespace) throw error
      // A system may allow the namespace but not Chromium's own sandbox inside it: print anyway,
      // kept offline by the switches alone.
      console.warn(
        `dossier: Chromium did not start without a network, so it runs with its switches only: ${firstLine(error)}`,
      )
      return start(executablePath, undefined)
    }
  }

  function browser(): Promise<Browser> {
    running ??= launch().catch((error: unknown) => {
      running = undefined
      if (error instanceof DossierError) throw error
      throw new DossierError('pdf-unavailable', `Chromium could not start: ${firstLine(error)}`)
    })
    return running.then((r) => r.browser)
  }

  return {
    async print(html) {
      const context = await (await browser()).newContext({ javaScriptEnabled: false, offline: true })
      try {
        const page = await context.newPage()
        // The page is self-contained; any request would be a leak, so every one is refused.
        await page.route('**/*', (route) => route.abort())
        await page.setContent(html, { waitUntil: 'load' })
        const pdf = await page.pdf({ format: 'A4', ...PRINT_OPTIONS })
        return new Uint8Array(pdf)
      } finally {
        await context.close()
      }
    },
    async close() {
      const current = running
      running = undefined
      const started = await current?.catch(() => undefined)
      if (!started) return
      await started.browser.close()
      await rm(started.profileDir, { recursive: true, force: true })
    },
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!
}
