import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { suggestionEngineOf } from '../../../src/main/services/entities/suggestion-engine'
import { JOURNAL_FILE } from '../../../src/main/services/store/journal'
import type { Mention } from '../../../src/shared/model'
import { openFixture, type Fixture } from './entity-fixture'

let fx: Fixture

const settled = () => suggestionEngineOf(fx.workspace)!.settled()

async function mentionsOf(articleId: string): Promise<Mention[]> {
  return (await fx.handlers['articles.get']({ id: articleId })).article.mentions
}

async function proposalsOf(name: string) {
  const found: { articleId: string; mention: Mention }[] = []
  for (const articleId of [fx.a, fx.b])
    for (const mention of await mentionsOf(articleId))
      if (mention.proposed?.name === name && !mention.entityId && mention.status === 'suggested')
        found.push({ articleId, mention })
  return found
}

/** The article writes fail from now on, as if the process died after the entity list was written. */
function crashBeforeTheMentions(): void {
  fx.workspace.annotate = () => Promise.reject(new Error('the process was killed'))
}

beforeEach(async () => {
  fx = await openFixture()
  await settled()
})
afterEach(async () => {
  await settled()
  await fx.close()
})

describe('accepting proposals is one step that lands whole', () => {
  it('a crash after the entity is written leaves it with every accepted mention once reopened', async () => {
    const proposed = await proposalsOf('North Korea')
    expect(proposed.length).toBeGreaterThan(1)
    const type = proposed[0]!.mention.proposed!.type
    crashBeforeTheMentions()
    await expect(
      fx.handlers['suggestions.accept']({ proposed: { name: 'North Korea', type } }),
    ).rejects.toThrow()
    await fx.reopen()
    const entities = await fx.handlers['entities.list']({})
    const kim = entities.filter((e) => e.name === 'North Korea')
    expect(kim).toHaveLength(1)
    for (const { articleId, mention } of proposed) {
      const now = (await mentionsOf(articleId)).find((m) => m.id === mention.id)
      expect(now).toMatchObject({ status: 'confirmed', entityId: kim[0]!.id })
    }
    const row = (await fx.handlers['entities.index']({})).rows.find((r) => r.entity.id === kim[0]!.id)
    expect(row?.mentions).toBe(proposed.length)
    expect(await readdir(fx.dir.path)).not.toContain(JOURNAL_FILE)
  })

  it('leaves no journal behind when it lands, and a second accept after a failed one finishes both', async () => {
    const kim = await proposalsOf('Kim Jong Un')
    const real = fx.workspace.annotate.bind(fx.workspace)
    crashBeforeTheMentions()
    await expect(
      fx.handlers['suggestions.accept']({
        items: [{ articleId: kim[0]!.articleId, id: kim[0]!.mention.id }],
      }),
    ).rejects.toThrow()
    fx.workspace.annotate = real
    const korea = await proposalsOf('Russia')
    await fx.handlers['suggestions.accept']({
      items: [{ articleId: korea[0]!.articleId, id: korea[0]!.mention.id }],
    })
    expect(await readdir(fx.dir.path)).not.toContain(JOURNAL_FILE)
    const statuses = async (p: (typeof kim)[number]) =>
      (await mentionsOf(p.articleId)).find((m) => m.id === p.mention.id)?.status
    expect(await statuses(kim[0]!)).toBe('confirmed')
    expect(await statuses(korea[0]!)).toBe('confirmed')
  })

  it('a damaged journal is moved to quarantine with a sentence, and the workspace opens', async () => {
    await fx.workspace.close()
    await writeFile(join(fx.dir.path, JOURNAL_FILE), '{"v":2,"at":')
    await fx.reopen().catch(() => {})
    expect(fx.workspace.problems.map((p) => p.message).join(' ')).toMatch(/journal\.json could not be read/)
    expect(await readdir(join(fx.dir.path, 'quarantine'))).toHaveLength(1)
  })
})
