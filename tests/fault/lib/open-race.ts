// The open race: contenders open one workspace at the same instant, round after round, over what a
// crash could have left (nothing, a dead owner's lock, an unreadable old lock, a reused pid's lock).
// Exactly one may win each round, and everything each winner wrote must still be there at the end.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { LOCK_FILE, processStartTime } from '../../../src/main/services/store/lock'
import { Workspace } from '../../../src/main/services/store/workspace'
import { startContenders } from './contenders'

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  return new Promise((done) => child.on('exit', () => done(child.pid!)))
}

export const LEFTOVERS: Record<string, (dir: string) => Promise<void>> = {
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

export interface RaceCounts {
  rounds: number
  /** Rounds where not exactly one contender won. */
  wrongRounds: number
  /** Entities a winner wrote that are not in the workspace at the end. */
  lost: number
  failures: string[]
}

export async function runOpenRace(rounds: number, contenderCount = 6): Promise<RaceCounts> {
  const contenders = await startContenders(contenderCount)
  const dir = await mkdtemp(join(tmpdir(), 'dossier-race-'))
  const counts: RaceCounts = { rounds: 0, wrongRounds: 0, lost: 0, failures: [] }
  try {
    const written: string[] = []
    const kinds = Object.keys(LEFTOVERS)
    for (let round = 0; round < rounds; round++) {
      const kind = kinds[round % kinds.length]!
      await LEFTOVERS[kind]!(dir)
      const reports = await contenders.race(dir)
      const winners = reports.filter((r) => r.won)
      if (winners.length !== 1) {
        counts.wrongRounds++
        counts.failures.push(`round ${round} (${kind}): ${winners.length} winners`)
      }
      for (const report of reports) {
        if (report.won) written.push(report.entityId)
        else if (!/open in another Dossier|opening the workspace/.test(report.message))
          counts.failures.push(`round ${round} (${kind}): a loser was told "${report.message}"`)
      }
      await contenders.closeAll()
      if (existsSync(join(dir, LOCK_FILE)))
        counts.failures.push(`round ${round} (${kind}): the lock was still there after the winner closed`)
      counts.rounds++
    }
    const workspace = await Workspace.open(dir)
    try {
      const kept = new Set(workspace.entities.map((e) => e.id))
      const lost = written.filter((id) => !kept.has(id))
      counts.lost = lost.length
      counts.failures.push(...lost.map((id) => `entity ${id}, written by a winner, is gone`))
    } finally {
      await workspace.close()
    }
  } finally {
    await contenders.stop()
    await rm(dir, { recursive: true, force: true })
  }
  return counts
}
