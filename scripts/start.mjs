// npm start: the desktop app. Where Electron cannot run here (no binary and none can be fetched,
// or no display), says why in one sentence and starts browser mode instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfNeeded } from './build-if-needed.mjs'
import { electronPackageDir, installedElectron as findElectron } from './electron-binary.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)

const electronDir = electronPackageDir(root)
const installedElectron = () => findElectron(root)

/** Electron 45+ fetches its binary on first launch; done here quietly so a failure reads as one sentence. */
function electronBinary() {
  const found = installedElectron()
  if (found) return { path: found }
  if (!existsSync(join(electronDir, 'install.js')))
    return { reason: 'Electron is not installed (run npm install)' }
  console.log('Fetching Electron for the first launch…')
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    encoding: 'utf8',
    stdio: 'pipe',
  })
  const fetched = installedElectron()
  if (fetched) return { path: fetched }
  const why = `${result.stderr ?? ''}`
    .split('\n')
    .find((line) => /error|failed/i.test(line))
    ?.trim()
  return {
    reason: `the Electron binary is not installed and could not be downloaded${why ? ` (${why})` : ''}`,
  }
}

function displayProblem() {
  if (process.platform !== 'linux') return undefined
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined
  return 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)'
}

buildIfNeeded(root)
const electron = displayProblem() ? { reason: displayProblem() } : electronBinary()
const reason = electron.reason
if (reason) {
  console.log(
    `Dossier cannot open its desktop window because ${reason}, so it is starting in browser mode instead.`,
  )
  await import(new URL('../out/main/serve.js', import.meta.url).href)
} else {
  const child = spawn(electron.path, [root, ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}
