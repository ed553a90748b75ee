// Browser-mode PDFs: playwright-core drives a Chromium already on the machine, offline, no scripts.
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { DossierError } from '../../../shared/errors'
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

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
]

export function createChromiumPrinter(env: NodeJS.ProcessEnv = process.env): PdfPrinter {
  let browser: Promise<Browser> | undefined

  function launch(): Promise<Browser> {
    const executablePath = findChromium(env)
    if (!executablePath) {
      throw new DossierError(
        'pdf-unavailable',
        'PDF export in browser mode needs Chromium or Google Chrome on this machine, and none was found. Install Chromium (e.g. "sudo apt-get install chromium") or set DOSSIER_CHROMIUM to its path; Markdown export works without it.',
      )
    }
    // Running as root (CI, containers) Chromium refuses to start with its sandbox on.
    const args = [...CHROMIUM_ARGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])]
    // Stopping is the host's job (host/shutdown.ts): Playwright's own signal handlers would exit the
    // process before the workspace is saved and its lock released.
    const signals = { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false }
    browser ??= chromium
      .launch({ executablePath, args, headless: true, ...signals })
      .catch((error: Error) => {
        browser = undefined
        throw new DossierError(
          'pdf-unavailable',
          `Chromium at ${executablePath} could not start: ${error.message.split('\n')[0]}`,
        )
      })
    return browser
  }

  return {
    async print(html) {
      const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true })
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
      const running = browser
      browser = undefined
      if (running) await (await running.catch(() => undefined))?.close()
    },
  }
}
