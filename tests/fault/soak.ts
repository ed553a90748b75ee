// npm run soak: the fault suite at length. 1,000 kill trials (DOSSIER_SOAK_TRIALS to change) and
// 200 open races, with the counts printed; exits non-zero if anything was corrupted or lost.
import { runKillTrials } from './lib/kill-trials'
import { runOpenRace } from './lib/open-race'

const trials = Number(process.env.DOSSIER_SOAK_TRIALS ?? 1000)
const races = Number(process.env.DOSSIER_SOAK_RACES ?? 200)
const started = Date.now()
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`

const kills = await runKillTrials({
  trials,
  perWorkspace: 25,
  parallel: 1,
  seed: Number(process.env.DOSSIER_SOAK_SEED ?? Date.now() % 1_000_000),
  onTrial: (counts) => {
    if (counts.trials % 50 === 0)
      console.log(
        `  ${counts.trials}/${trials} kill trials, ${counts.acknowledged} acknowledged writes, ${elapsed()}`,
      )
  },
})
console.log(`  ${races} open races…`)
const race = await runOpenRace(races)

console.log(`
Kill trials:            ${kills.trials}
  killed while opening: ${kills.killedWhileOpening}
  changes in flight:    ${Object.entries(kills.interrupted)
    .map(([op, n]) => `${op} ${n}`)
    .join(', ')}
  with logs to replay:  ${kills.withLogs}
  acknowledged writes:  ${kills.acknowledged}
  lost:                 ${kills.lost}
  corrupted workspaces: ${kills.corrupted}
Open races (6 processes): ${race.rounds}
  without exactly one winner: ${race.wrongRounds}
  writes lost:          ${race.lost}
Time: ${elapsed()}`)
for (const failure of [...kills.failures, ...race.failures].slice(0, 50)) console.log(`  ✗ ${failure}`)
process.exit(kills.lost + kills.corrupted + race.wrongRounds + race.lost + race.failures.length > 0 ? 1 : 0)
