import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCK_FILE, processStartTime } from '../../src/main/services/store/lock'
import { Workspace } from '../../src/main/services/store/workspace'
import { tempDir } from '../helpers'
import { startContenders, type Contenders } from './lib/contenders'

const CONTENDERS = 6
const ROUNDS = Number(process.env.DOSSIER_RACE_ROUNDS ?? 24)

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  return new Promise((done) => child.on('exit', () => done(child.pid!)))
}

/** What is left in the folder before a round: nothing, or a lock only a dead owner could have left. */
const leftovers: Record<string, (dir: string) => Promise<void>> = {
  'no lock': async () => {},
  'a dead process’s lock': async (dir) => {
    const owner = { pid: await deadPid(), host: hostname(), since: '2026-01-01T00:00:00Z', nonce: 'x1' }
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(owner))
  },
  'an old unreadable lock': async (dir) => {
    await writeFile(join(dir, LOCK_FILE), '')
    const old = new Date(Date.now() - 3_600_000)
    await utimes(join(dir, LOCK_FILE), old, old)
  },
  'a lock of an earlier process whose pid is running again': async (dir) => {
    // Linux only: the start time tells the reused pid from the owner.
    const started = processStartTime(process.pid)
    if (started === undefined) return
    const owner = { pid: process.pid, host: hostname(), since: '', nonce: 'x2', started: started - 1 }
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(owner))
  },
}

describe('many processes opening one workspace at the same instant', () => {
  let contenders: Contenders
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeAll(async () => {
    contenders = await startContenders(CONTENDERS)
    dir = await tempDir()
  })
  afterAll(async () => {
    await contenders.stop()
    await dir.remove()
  })

  it(
    'lets exactly one win each round, and keeps everything each winner wrote',
    { timeout: 300_000 },
    async () => {
      const written: string[] = []
      const kinds = Object.keys(leftovers)
      const failures: string[] = []
      for (let round = 0; round < ROUNDS; round++) {
        const kind = kinds[round % kinds.length]!
        await leftovers[kind]!(dir.path)
        const reports = await contenders.race(dir.path)
        const winners = reports.filter((r) => r.won)
        const losers = reports.filter((r) => !r.won)
        if (winners.length !== 1) failures.push(`round ${round} (${kind}): ${winners.length} winners`)
        for (const loser of losers) {
          if (!loser.won && !/open in another Dossier|opening the workspace/.test(loser.message))
            failures.push(`round ${round} (${kind}): a loser was told "${loser.message}"`)
        }
        for (const winner of winners) if (winner.won) written.push(winner.entityId)
        await contenders.closeAll()
        if (existsSync(join(dir.path, LOCK_FILE)))
          failures.push(`round ${round} (${kind}): the lock was still there after the winner closed`)
      }
      expect(failures).toEqual([])
      const workspace = await Workspace.open(dir.path)
      try {
        expect(workspace.entities.map((e) => e.id).sort()).toEqual([...written].sort())
      } finally {
        await workspace.close()
      }
    },
  )
})
