import { spawn } from 'node:child_process'
import { readFile, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { acquireLock, LOCK_FILE } from '../../../src/main/services/store/lock'
import { tempDir } from '../../helpers'

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  return new Promise((done) => child.on('exit', () => done(child.pid!)))
}

describe('the workspace lock', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => (dir = await tempDir()))
  afterEach(() => dir.remove())
  const lockPath = () => join(dir.path, LOCK_FILE)

  it('exists only with its complete owner, and is gone after release', async () => {
    const lock = await acquireLock(dir.path)
    const owner = JSON.parse(await readFile(lockPath(), 'utf8'))
    expect(owner).toMatchObject({ pid: process.pid, host: hostname(), nonce: lock.owner.nonce })
    await lock.release()
    await expect(readFile(lockPath())).rejects.toThrow(/ENOENT/)
  })

  it('never takes over a lock whose owner cannot be read while it is fresh', async () => {
    await writeFile(lockPath(), '')
    await expect(acquireLock(dir.path)).rejects.toThrow(/opening the workspace .* right now/)
    expect(await readFile(lockPath(), 'utf8')).toBe('')
  })

  it('takes over an unreadable lock once it is old', async () => {
    await writeFile(lockPath(), '{"pid": 12')
    const old = new Date(Date.now() - 3_600_000)
    await utimes(lockPath(), old, old)
    const lock = await acquireLock(dir.path)
    expect(JSON.parse(await readFile(lockPath(), 'utf8')).nonce).toBe(lock.owner.nonce)
    await lock.release()
  })

  it('refuses a lock held on another host, whatever its pid', async () => {
    const owner = { pid: await deadPid(), host: 'another-machine', since: '2026-01-01', nonce: 'n' }
    await writeFile(lockPath(), JSON.stringify(owner))
    await expect(acquireLock(dir.path)).rejects.toThrow(/another Dossier \(process \d+ on another-machine/)
  })

  it('takes over the lock of a process that is gone, also in the format of earlier versions', async () => {
    await writeFile(lockPath(), JSON.stringify({ pid: await deadPid(), host: hostname(), since: '' }))
    const lock = await acquireLock(dir.path)
    await lock.release()
  })

  it('takes over a lock left by an earlier process that had this pid', async () => {
    await writeFile(
      lockPath(),
      JSON.stringify({ pid: process.pid, host: hostname(), since: '', nonce: 'old' }),
    )
    const lock = await acquireLock(dir.path)
    await lock.release()
  })

  it('releases only its own lock', async () => {
    const lock = await acquireLock(dir.path)
    const other = JSON.stringify({ pid: 1, host: 'elsewhere', since: '', nonce: 'other' })
    await writeFile(lockPath(), other)
    await lock.release()
    expect(await readFile(lockPath(), 'utf8')).toBe(other)
  })
})
