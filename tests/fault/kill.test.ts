import { describe, expect, it } from 'vitest'
import { runKillTrials } from './lib/kill-trials'

const TRIALS = Number(process.env.DOSSIER_KILL_TRIALS ?? 30)

describe('killing Dossier at random moments while an analyst works', () => {
  it('never corrupts the workspace and never loses an acknowledged write', { timeout: 600_000 }, async () => {
    const counts = await runKillTrials({ trials: TRIALS, perWorkspace: 15 })
    console.log(
      `${counts.trials} kill trials: ${counts.acknowledged} acknowledged writes, ${counts.lost} lost, ` +
        `${counts.corrupted} corrupted workspaces; kills during ${JSON.stringify(counts.interrupted)}, ` +
        `${counts.killedWhileOpening} while opening, ${counts.withLogs} with article logs to replay`,
    )
    expect(counts.failures).toEqual([])
    expect(counts.corrupted).toBe(0)
    expect(counts.lost).toBe(0)
    // The trials mean something only if kills landed in the middle of each kind of write.
    expect(counts.acknowledged).toBeGreaterThan(TRIALS * 3)
    for (const op of ['import', 'highlight', 'tag']) expect(counts.interrupted[op] ?? 0).toBeGreaterThan(0)
    expect(counts.withLogs).toBeGreaterThan(0)
  })
})
