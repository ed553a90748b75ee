// The packaged app's fuses: the ones that let a local attacker run code through the signed binary are off,
// the asar checks are on, and no fuse is left to Electron's default by omission.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { FuseState, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
import { electronExecutable, FUSES, flipDossierFuses } from '../../../scripts/fuses.mjs'
import { tempDir } from '../../helpers'

/** Electron's marker before its fuse wire (@electron/fuses' SENTINEL). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const FUSE_COUNT = Object.values(FuseV1Options).filter((value) => typeof value === 'number').length

/** A stand-in for Electron's binary: bytes around a fuse wire of version 1 with every fuse enabled. */
function fakeElectron(): Buffer {
  const wire = Buffer.from([1, FUSE_COUNT, ...new Array<number>(FUSE_COUNT).fill(FuseState.ENABLE)])
  return Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 7)])
}

describe('Electron fuses', () => {
  it('turns off running as Node, NODE_OPTIONS and the inspector', () => {
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false)
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
  })

  it('loads the app only from an asar whose integrity is checked', () => {
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
  })

  it('encrypts cookies and gives file:// no extra privileges, since the page is app://', () => {
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true)
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
  })

  it('decides every fuse this version of @electron/fuses knows, and requires that of later ones', () => {
    expect(FUSES.version).toBe(FuseVersion.V1)
    expect(FUSES.strictlyRequireAllFuses).toBe(true)
    const known = Object.values(FuseV1Options).filter((value) => typeof value === 'number')
    for (const fuse of known)
      expect([FuseV1Options[fuse], typeof FUSES[fuse]]).toEqual([FuseV1Options[fuse], 'boolean'])
  })
})

describe('flipping the fuses at packaging', () => {
  it('writes each fuse of the config into the Electron binary and nothing else', async () => {
    const dir = await tempDir()
    try {
      const executable = electronExecutable(dir.path, 'linux')
      expect(executable).toBe(join(dir.path, 'electron'))
      const before = fakeElectron()
      await writeFile(executable, before)
      await flipDossierFuses(executable, 'linux', 'x64')
      const wire = await getCurrentFuseWire(executable)
      for (const [fuse, value] of Object.entries(FUSES)) {
        if (!/^\d+$/.test(fuse)) continue
        expect([fuse, wire[Number(fuse) as FuseV1Options]]).toEqual([
          fuse,
          value ? FuseState.ENABLE : FuseState.DISABLE,
        ])
      }
      const after = await readFile(executable)
      expect(after.length).toBe(before.length)
      expect(after.subarray(0, 4096)).toEqual(before.subarray(0, 4096))
    } finally {
      await dir.remove()
    }
  })

  it('finds the binary inside the extracted release on each platform', () => {
    expect(electronExecutable('/r', 'win32')).toBe(join('/r', 'electron.exe'))
    expect(electronExecutable('/r', 'darwin')).toBe(join('/r', 'Electron.app'))
  })
})
