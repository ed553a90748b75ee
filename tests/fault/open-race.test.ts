import { describe, expect, it } from 'vitest'
import { runOpenRace } from './lib/open-race'

const ROUNDS = Number(process.env.DOSSIER_RACE_ROUNDS ?? 24)

describe('many processes opening one workspace at the same instant', () => {
  it(
    'lets exactly one win each round, and keeps everything each winner wrote',
    { timeout: 300_000 },
    async () => {
      const counts = await runOpenRace(ROUNDS)
      console.log(
        `${counts.rounds} open races of 6 processes: ${counts.wrongRounds} rounds without exactly one winner, ${counts.lost} writes lost`,
      )
      expect(counts.failures).toEqual([])
      expect(counts.rounds).toBe(ROUNDS)
    },
  )
})
