// Where the Electron executable is, without triggering its download: the installed binary, or the one
// ELECTRON_OVERRIDE_DIST_PATH points to. Shared by `npm start` and the Electron smoke test.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const DEFAULT_NAMES = { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' }

export function electronPackageDir(root) {
  return join(root, 'node_modules', 'electron')
}

/** The executable's path if it is on disk, else undefined. */
export function installedElectron(root) {
  const dir = electronPackageDir(root)
  const pathFile = join(dir, 'path.txt')
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8')
    : (DEFAULT_NAMES[process.platform] ?? 'electron')
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const full = override ? join(override, relative) : join(dir, 'dist', relative)
  return existsSync(full) ? full : undefined
}
