// npm start: the desktop app. Where Electron cannot run here (no binary and none can be fetched,
// or no display), says why in one sentence and starts browser mode instead.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { buildIfNeeded } from './build-if-needed.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)

function electronBinary() {
  try {
    // Electron 45+ fetches its binary on first use; this throws where it cannot.
    return { path: createRequire(import.meta.url)('electron') }
  } catch (error) {
    return {
      reason: `the Electron binary is not installed and could not be downloaded (${String(error.message).split('\n')[0]})`,
    }
  }
}

function displayProblem() {
  if (process.platform !== 'linux') return undefined
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined
  return 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)'
}

buildIfNeeded(root)
const reason = displayProblem() ?? electronBinary().reason
if (reason) {
  console.log(
    `Dossier cannot open its desktop window because ${reason}, so it is starting in browser mode instead.`,
  )
  await import(new URL('../out/main/serve.js', import.meta.url).href)
} else {
  const child = spawn(electronBinary().path, [root, ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}
