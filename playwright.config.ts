// End-to-end tests: the real UI in browser mode, driven in a Chromium found on this machine
// (Playwright cannot download its own browsers here), plus an Electron smoke test.
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './src/main/services/export/chromium-printer'

const executablePath = findChromium()
if (!executablePath) {
  throw new Error(
    'The end-to-end tests need Chromium: install it (e.g. "sudo apt-get install chromium") or set DOSSIER_CHROMIUM to its path.',
  )
}

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /electron\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath,
          args: [
            ...CHROMIUM_ARGS,
            '--disable-gpu',
            '--disable-dev-shm-usage',
            ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
          ],
        },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
})
