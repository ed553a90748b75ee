// The Electron fuses flipped on the packaged binary (npm run package): switches compiled into Electron
// that no command-line flag or environment variable can turn back on. Every fuse is set on purpose:
// strictlyRequireAllFuses makes a fuse added by a later Electron fail packaging until it is decided here.
import { join } from 'node:path'
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses'

export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // Cookies (Dossier keeps none) are encrypted at rest with the OS's key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at packaging (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never a loose app/ folder dropped beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // No custom V8 snapshot is shipped: the default, stated.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The page is served from app://dossier/; file:// gets no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // WebAssembly's trap handlers stay on (Electron's default): turning them off hardens nothing.
  [FuseV1Options.WasmTrapHandlers]: true,
}

/** The Electron executable inside a freshly extracted release, before packager renames it. */
export function electronExecutable(releaseDir, platform) {
  if (platform === 'darwin' || platform === 'mas') return join(releaseDir, 'Electron.app')
  return join(releaseDir, platform === 'win32' ? 'electron.exe' : 'electron')
}

/** Writes FUSES into the Electron binary at `executable` (an .app bundle on macOS). */
export function flipDossierFuses(executable, platform, arch) {
  return flipFuses(executable, {
    ...FUSES,
    // Flipping fuses breaks the ad-hoc signature Apple silicon requires; this renews it.
    resetAdHocDarwinSignature: (platform === 'darwin' || platform === 'mas') && arch === 'arm64',
  })
}
