import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { suggestionEngineOf } from '../../../src/main/services/entities/suggestion-engine'
import { openFixture, type Fixture } from './entity-fixture'

let fx: Fixture

const settled = () => suggestionEngineOf(fx.workspace)!.settled()

beforeEach(async () => {
  fx = await openFixture()
  await settled()
})
afterEach(async () => {
  await settled()
  await fx.close()
})

describe('the review of proposals across the workspace', () => {
  it('groups the open proposals by name and type with counts, articles and a sample in its words', async () => {
    const review = await fx.handlers['suggestions.proposals']({})
    const listed = await fx.handlers['suggestions.list']({})
    const open = listed.filter((s) => s.proposed)
    expect(review.proposals).toBe(open.length)
    expect(review.groups.reduce((n, g) => n + g.count, 0)).toBe(open.length)
    // Most proposed first.
    const counts = review.groups.map((g) => g.count)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    const korea = review.groups.find((g) => g.proposed.name === 'North Korea')!
    expect(korea.count).toBe(open.filter((s) => s.proposed!.name === 'North Korea').length)
    expect(korea.articles).toBe(2)
    expect(korea.sample.text).toBe('North Korea')
    expect(korea.sample.before.length + korea.sample.after.length).toBeGreaterThan(20)
    expect([fx.a, fx.b]).toContain(korea.sample.articleId)
  })

  it('accepts every proposal of the chosen names in one call, and lists them no more', async () => {
    const { groups } = await fx.handlers['suggestions.proposals']({})
    const chosen = groups.slice(0, 3)
    const { accepted, created } = await fx.handlers['suggestions.accept']({
      proposals: chosen.map((g) => g.proposed),
    })
    expect(accepted).toHaveLength(chosen.reduce((n, g) => n + g.count, 0))
    expect(created).toHaveLength(3)
    const entities = await fx.handlers['entities.list']({})
    expect(entities.map((e) => e.name).sort()).toEqual(chosen.map((g) => g.proposed.name).sort())
    const after = await fx.handlers['suggestions.proposals']({})
    expect(after.groups.map((g) => g.proposed.name)).toEqual(groups.slice(3).map((g) => g.proposed.name))
  })

  it('is empty when nothing is proposed', async () => {
    const { groups } = await fx.handlers['suggestions.proposals']({})
    await fx.handlers['suggestions.accept']({ proposals: groups.map((g) => g.proposed) })
    expect(await fx.handlers['suggestions.proposals']({})).toEqual({ groups: [], proposals: 0 })
  })
})
