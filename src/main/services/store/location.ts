// Where the workspace lives: --workspace <dir>, then DOSSIER_WORKSPACE, then the OS user-data folder.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** The same folder Electron's app.getPath('userData') gives, so the desktop app and browser mode agree. */
export function userDataDir(): string {
  const home = homedir()
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Dossier')
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Dossier')
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Dossier')
  }
}

export function workspaceArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--workspace') return argv[i + 1]
    if (arg.startsWith('--workspace=')) return arg.slice('--workspace='.length)
  }
  return undefined
}

export function resolveWorkspaceDir(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const chosen = workspaceArg(argv) ?? env.DOSSIER_WORKSPACE
  return chosen ? resolve(chosen) : join(userDataDir(), 'workspace')
}
