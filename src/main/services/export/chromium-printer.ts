// Browser-mode PDFs: playwright-core drives a Chromium already on the machine, offline, no scripts:
// every background service off, no host name resolving, and in a network namespace of its own
// where Linux allows one. One browser context and a few reused pages serve every export.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// Types only: playwright-core takes longer to load than the rest of the server together, and is
// needed only when a PDF is printed, so it is loaded then (`playwright()`).
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { DossierError } from '../../../shared/errors'
import { automationSwitches, BACKGROUND_SERVICES_OFF, noRouteSwitches } from './chromium-switches'
import { findNetworkNamespace, type NamespaceLauncher } from './network-namespace'
import { printSettings, type PdfPrinter, type PrintOptions } from './pdf-printer'

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

type Playwright = typeof import('playwright-core')

let loaded: Playwright | undefined

/** playwright-core, loaded the first time it is needed. */
function playwright(): Playwright {
  loaded ??= createRequire(import.meta.url)('playwright-core') as Playwright
  return loaded
}

/** DOSSIER_CHROMIUM first, then the usual install places, then a Chromium Playwright downloaded. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.DOSSIER_CHROMIUM) return existsSync(env.DOSSIER_CHROMIUM) ? env.DOSSIER_CHROMIUM : undefined
  const found = CANDIDATES.find((path) => existsSync(path))
  if (found) return found
  try {
    const bundled = playwright().chromium.executablePath()
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

/** Pages kept open for printing: exports beyond this many wait in a page's queue. */
const PAGE_POOL_SIZE = 2

/**
 * A page left open for about 3 s wakes Chromium's GCM client, which asks for
 * https://android.clients.google.com/checkin (measured on Chromium 156 with a net log). The resolver
 * rule and the namespace stop it, but its IPv6 route check still shows under strace; so a page idle
 * this long is closed, and exports in a row still share one.
 */
const IDLE_PAGE_MS = 1_000

interface Running {
  browser: Browser
  /** The one context every print page lives in: no scripts, offline, every request refused. */
  context: BrowserContext
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
  let browser: Browser | undefined
  try {
    browser = await playwright().chromium.launch({
      ...launch,
      ignoreDefaultArgs: true,
      headless: true,
      ...SIGNALS,
    })
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    // The page is self-contained; any request would be a leak, so every one, from every page of the
    // context, is refused.
    await context.route('**/*', (route) => route.abort())
    return { browser, context, profileDir }
  } catch (error) {
    await browser?.close().catch(() => undefined)
    await rm(profileDir, { recursive: true, force: true })
    throw error
  }
}

/** One reused page and the queue of prints waiting for it: a page prints one document at a time. */
interface Slot {
  open?: { from: Running; page: Page }
  /** Settles when the last print queued on this page has finished, whatever its outcome. */
  tail: Promise<unknown>
  waiting: number
  idle?: ReturnType<typeof setTimeout>
}

export function createChromiumPrinter(env: NodeJS.ProcessEnv = process.env): PdfPrinter {
  let running: Promise<Running> | undefined
  /** How many times close() was called: a print that fails because of it is not tried again. */
  let closed = 0

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

  function started(): Promise<Running> {
    if (!running) {
      const starting = launch().catch((error: unknown) => {
        if (running === starting) running = undefined
        if (error instanceof DossierError) throw error
        throw new DossierError('pdf-unavailable', `Chromium could not start: ${firstLine(error)}`)
      })
      running = starting
      // A browser that crashed or was killed is started afresh by the next export. (close() clears
      // `running` first and removes the profile itself, once the browser has exited.)
      void starting.then(
        (r) =>
          r.browser.on('disconnected', () => {
            if (running !== starting) return
            running = undefined
            void rm(r.profileDir, { recursive: true, force: true }).catch(() => undefined)
          }),
        () => undefined,
      )
    }
    return running
  }

  const slots: Slot[] = Array.from({ length: PAGE_POOL_SIZE }, () => ({
    tail: Promise.resolve(),
    waiting: 0,
  }))

  /** This slot's page in the running browser, opened anew if it has none or its page was closed. */
  async function pageOf(slot: Slot, current: Running): Promise<Page> {
    if (slot.open?.from !== current || slot.open.page.isClosed()) {
      slot.open = { from: current, page: await current.context.newPage() }
    }
    return slot.open.page
  }

  /** Closes a browser that can no longer print (it crashed, or its context was closed under it). */
  async function discard(from: Running): Promise<void> {
    if ((await running?.catch(() => undefined)) === from) running = undefined
    await from.browser.close().catch(() => undefined)
    await rm(from.profileDir, { recursive: true, force: true }).catch(() => undefined)
  }

  async function printOn(
    slot: Slot,
    html: string,
    options: PrintOptions | undefined,
    retry = true,
  ): Promise<Uint8Array> {
    const closes = closed
    const current = await started()
    let page: Page | undefined
    try {
      page = await pageOf(slot, current)
      await page.setContent(html, { waitUntil: 'load' })
      const { paper, marginsMm, ...settings } = printSettings(options)
      const margin = {
        top: `${marginsMm.top}mm`,
        right: `${marginsMm.right}mm`,
        bottom: `${marginsMm.bottom}mm`,
        left: `${marginsMm.left}mm`,
      }
      return new Uint8Array(await page.pdf({ ...settings, format: paper, margin }))
    } catch (error) {
      // A page that failed may be in any state: it is not reused.
      if (page && slot.open?.page === page) slot.open = undefined
      await page?.close().catch(() => undefined)
      // Chromium went away under the page, not because of the document: once more, in a fresh browser
      // (unless the printer itself was closed meanwhile).
      if (retry && closed === closes && CLOSED_UNDER.test(firstLine(error))) {
        await discard(current)
        return printOn(slot, html, options, false)
      }
      throw error
    }
  }

  function closeWhenIdle(slot: Slot): void {
    clearTimeout(slot.idle)
    slot.idle = setTimeout(() => {
      if (slot.waiting > 0 || !slot.open) return
      const { page } = slot.open
      slot.open = undefined
      void page.close().catch(() => undefined)
    }, IDLE_PAGE_MS)
    slot.idle.unref()
  }

  return {
    async print(html, options) {
      const slot = slots.reduce((best, s) => (s.waiting < best.waiting ? s : best))
      clearTimeout(slot.idle)
      slot.waiting++
      const job = slot.tail.then(() => printOn(slot, html, options))
      slot.tail = job.catch(() => undefined)
      try {
        return await job
      } finally {
        if (--slot.waiting === 0) closeWhenIdle(slot)
      }
    },
    async close() {
      closed++
      const current = running
      running = undefined
      for (const slot of slots) {
        clearTimeout(slot.idle)
        slot.open = undefined
      }
      const started = await current?.catch(() => undefined)
      if (!started) return
      // Closing the browser closes its context and pages; prints still running fail.
      await started.browser.close()
      await rm(started.profileDir, { recursive: true, force: true })
    },
  }
}

/** Playwright's words when the page, its context or the browser closed while a call was running. */
const CLOSED_UNDER = /\b(?:target|page|context|browser)\b.*\b(?:has been closed|closed)\b/i

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!
}
