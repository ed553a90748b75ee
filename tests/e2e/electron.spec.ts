// Smoke test of the desktop shell: the window opens locked down and the app works through IPC.
// Skips, saying why, where no Electron binary is installed (ELECTRON_OVERRIDE_DIST_PATH points to one).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { installedElectron } from '../../scripts/electron-binary.mjs'
import { root, TITLE_000 } from './fixtures'

const executablePath = installedElectron(root)
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
// The list reporter shows a skip without its reason, so the reason is also printed.
if (!executablePath)
  console.log(
    'Electron smoke test skipped: no Electron binary is installed (set ELECTRON_OVERRIDE_DIST_PATH).',
  )
else if (noDisplay) console.log('Electron smoke test skipped: no display (DISPLAY/WAYLAND_DISPLAY unset).')

test('the desktop window is sandboxed and imports the sample articles over IPC', async () => {
  test.skip(
    !executablePath,
    'No Electron binary is installed (set ELECTRON_OVERRIDE_DIST_PATH to a local Electron to run this).',
  )
  test.skip(
    noDisplay,
    'No display is available for an Electron window (run under Xvfb or a desktop session).',
  )

  const workspace = await mkdtemp(join(tmpdir(), 'dossier-electron-'))
  const app = await electron.launch({
    executablePath,
    args: [root, '--workspace', workspace, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  })
  try {
    const window = await app.firstWindow()
    await expect(window).toHaveTitle('Dossier')
    // Sandboxed, isolated, no Node: the page sees neither require nor process, only window.dossier.
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    )
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    )
    expect(
      await window.evaluate(() => Object.keys((window as unknown as { dossier: object }).dossier).sort()),
    ).toContain('articles')

    await window.getByRole('button', { name: 'Open the two sample articles' }).click()
    await expect(window.getByRole('list', { name: 'Library' })).toContainText(TITLE_000)
  } finally {
    await app.close()
    await rm(workspace, { recursive: true, force: true })
  }
})
