// Real disks that fill up or refuse writes, for the fault suite: a small tmpfs mounted where the tests
// run as root (CI), or, for read-only, a folder without write permission where they do not.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const isRoot = process.getuid?.() === 0

function canMount(): boolean {
  if (!isRoot || process.platform !== 'linux') return false
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export const mountable = canMount()

export interface SmallDisk {
  path: string
  readOnly(): void
  writable(): void
  remove(): Promise<void>
}

/** A tmpfs of `size` (e.g. '4m') mounted on a new temp folder. */
export async function smallDisk(size: string): Promise<SmallDisk> {
  const path = await mkdtemp(join(tmpdir(), 'dossier-disk-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path])
  const remount = (mode: string) => execFileSync('mount', ['-o', `remount,${mode}`, path])
  return {
    path,
    readOnly: () => remount('ro'),
    writable: () => remount('rw'),
    async remove() {
      execFileSync('umount', [path])
      await rm(path, { recursive: true, force: true })
    },
  }
}
