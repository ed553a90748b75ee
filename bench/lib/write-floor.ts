// The floor under a durable save: what the disk alone costs to write and fsync the same bytes, so a
// save time can be read as "n× the disk" rather than as a bare number that depends on the machine.
import { randomBytes } from 'node:crypto'
import { open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../src/main/services/store/atomic-write'

function scratchPath(dir: string, kind: string): string {
  // A .tmp name: if the bench dies here, Workspace.open sweeps it up like any interrupted write.
  return join(dir, `.bench-${kind}-${randomBytes(6).toString('hex')}.tmp`)
}

/** One new file: open, write, fsync, close. No rename and no directory fsync: the least a durable write costs. */
export async function timeBareWrite(dir: string, bytes: Uint8Array): Promise<number> {
  const path = scratchPath(dir, 'floor')
  const start = performance.now()
  const handle = await open(path, 'wx', 0o644)
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  const elapsed = performance.now() - start
  await rm(path, { force: true })
  return elapsed
}

/**
 * The floor under an append to a log: open an existing file, write the bytes at its end, fsync, close.
 * `path` is a scratch file the caller removes.
 */
export async function timeBareAppend(path: string, bytes: Uint8Array): Promise<number> {
  const start = performance.now()
  const handle = await open(path, 'a')
  try {
    await handle.write(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  return performance.now() - start
}

/** A scratch file for timeBareAppend, named like an interrupted write so a sweep removes it. */
export function scratchLogPath(dir: string): string {
  return scratchPath(dir, 'append')
}

/** The store's own atomic write (temp, fsync, rename, directory fsync) of the same bytes, without the store around it. */
export async function timeAtomicWrite(dir: string, bytes: Uint8Array): Promise<number> {
  const path = scratchPath(dir, 'atomic')
  const start = performance.now()
  await writeFileAtomic(path, bytes)
  const elapsed = performance.now() - start
  await rm(path, { force: true })
  return elapsed
}
