// Builds the app when out/ is missing or older than any source file, so start and serve always run fresh code.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newest(path) {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), info.mtimeMs)
}

export function buildIfNeeded(root) {
  const marker = join(root, 'out', 'main', 'serve.js')
  const sources = ['src', 'electron.vite.config.ts', 'package.json'].map((p) => join(root, p))
  if (existsSync(marker) && statSync(marker).mtimeMs >= Math.max(...sources.map(newest))) return
  console.error('Building Dossier…')
  const result = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.')
    process.exit(result.status ?? 1)
  }
}
