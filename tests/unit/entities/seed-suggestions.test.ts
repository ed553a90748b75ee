// What the app suggests on the two seed articles, recogniser and dictionary together, against the forms an
// analyst would tag (seeds/expected-entities.json): a form counts when a suggestion (or, once the analyst
// confirmed some, a confirmed tag) covers it with the right type; precision is over the suggestions.
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { suggestionEngineOf } from '../../../src/main/services/entities/suggestion-engine'
import { Workspace } from '../../../src/main/services/store/workspace'
import type { EntityType } from '../../../src/shared/model'
import { SEED_000, SEED_004, seedsDir, tempDir } from '../../helpers'
import { handlersFor } from '../../tagged-workspace'

type Handlers = ReturnType<typeof handlersFor>
interface Truth {
  entities: { name: string; type: EntityType; forms: string[] }[]
}

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let handlers: Handlers

beforeEach(async () => {
  dir = await tempDir()
  workspace = await Workspace.open(dir.path)
  handlers = handlersFor(workspace)
})
afterEach(async () => {
  await suggestionEngineOf(workspace)!.settled()
  await workspace.close()
  await dir.remove()
})

const settled = () => suggestionEngineOf(workspace)!.settled()

async function importFile(path: string): Promise<string> {
  const result = await handlers['import.upload']({ name: basename(path), data: await readFile(path) })
  return result.articleId!
}

/** Every mention of the articles as `type text`, with whether it is a suggestion. */
async function mentionsOf(ids: readonly string[]) {
  const types = new Map(workspace.entities.map((e) => [e.id, e.type]))
  const out: { key: string; suggested: boolean }[] = []
  for (const id of ids) {
    const { article } = await handlers['articles.get']({ id })
    for (const m of article.mentions) {
      const type = m.entityId ? types.get(m.entityId) : m.proposed?.type
      const text = article.text.slice(m.target.position.start, m.target.position.end)
      out.push({ key: `${type} ${text}`, suggested: m.status === 'suggested' })
    }
  }
  return out
}

function figures(truth: Truth, mentions: readonly { key: string; suggested: boolean }[]) {
  const wanted = new Set(truth.entities.flatMap((e) => e.forms.map((f) => `${e.type} ${f}`)))
  const covered = new Set(mentions.map((m) => m.key).filter((k) => wanted.has(k)))
  const suggestions = mentions.filter((m) => m.suggested)
  const right = suggestions.filter((m) => wanted.has(m.key)).length
  const wrong = [...new Set(suggestions.filter((m) => !wanted.has(m.key)).map((m) => m.key))]
  const missed = [...wanted].filter((k) => !covered.has(k))
  return { forms: covered.size, of: wanted.size, precision: right / suggestions.length, wrong, missed }
}

describe('what the app suggests on the seed articles', () => {
  it('with nothing confirmed, and after the analyst confirms Kim Jong Un, North Korea and Russia', async () => {
    const truth = JSON.parse(await readFile(join(seedsDir, 'expected-entities.json'), 'utf8')) as Truth
    const ids = [await importFile(SEED_000), await importFile(SEED_004)]
    await settled()
    const before = figures(truth, await mentionsOf(ids))

    for (const name of ['Kim Jong Un', 'North Korea', 'Russia']) {
      const { type } = truth.entities.find((e) => e.name === name)!
      const { article } = await handlers['articles.get']({ id: ids[0]! })
      const start = article.text.indexOf(name)
      await handlers['mentions.create']({ articleId: ids[0]!, start, end: start + name.length, type })
    }
    await settled()
    const after = figures(truth, await mentionsOf(ids))

    const line = (label: string, f: ReturnType<typeof figures>) =>
      `${label}: ${f.forms} of ${f.of} forms at precision ${f.precision.toFixed(3)}; missed ${f.missed.join(', ')}; not in the list: ${f.wrong.join(', ')}`
    console.log(`${line('seeds, nothing confirmed', before)}\n${line('seeds, three confirmed', after)}`)
    // Targets: 28 forms at precision 0.85 with nothing confirmed (the list has one form more than the
    // issue counts: "Putin" alone is not in these texts).
    expect(before.forms).toBeGreaterThanOrEqual(28)
    expect(before.precision).toBeGreaterThanOrEqual(0.85)
    // After three confirmed: 33 forms at precision 0.9.
    expect(after.forms).toBeGreaterThanOrEqual(Math.max(33, before.forms))
    expect(after.precision).toBeGreaterThanOrEqual(0.9)
  })
})
