// A workspace as an analyst leaves it: the two seed articles, highlighted and tagged through the same
// handlers the app calls, including a typo filed as an alias. Used by the store and fault tests.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { createHandlers } from '../src/main/services/dossier'
import { Workspace } from '../src/main/services/store/workspace'
import type { Entity } from '../src/shared/model'
import { afterEach, beforeEach } from 'vitest'
import { SEED_000, SEED_004, tempDir } from './helpers'

export interface TaggedWorkspace {
  articleIds: string[]
  entities: Entity[]
}

const TAGS = [
  { article: 0, text: 'Kim Jong Un', type: 'Person' as const, name: 'Kim Jong Un' },
  { article: 0, text: 'Kin Jong Un', type: 'Person' as const, name: 'Kim Jong Un' },
  { article: 0, text: 'Vladimir Putin', type: 'Person' as const },
  { article: 0, text: 'North Korea', type: 'Location' as const },
  { article: 1, text: 'North Korea', type: 'Location' as const },
  { article: 1, text: 'White House', type: 'Organization' as const },
  { article: 1, text: 'Kim Jong-un', type: 'Person' as const, name: 'Kim Jong Un' },
]

export function handlersFor(workspace: Workspace) {
  const printer = { print: async () => new Uint8Array(), close: async () => {} }
  return createHandlers({ workspace, printer, host: 'browser', samplesDir: workspace.dir })
}

export async function makeTaggedWorkspace(dir: string): Promise<TaggedWorkspace> {
  const workspace = await Workspace.open(dir)
  try {
    const handlers = handlersFor(workspace)
    const articleIds: string[] = []
    for (const seed of [SEED_000, SEED_004]) {
      const result = await handlers['import.upload']({ name: basename(seed), data: await readFile(seed) })
      articleIds.push(result.articleId!)
    }
    for (const tag of TAGS) {
      const id = articleIds[tag.article]!
      const { article } = await handlers['articles.get']({ id })
      const start = article.text.indexOf(tag.text)
      if (start < 0) throw new Error(`"${tag.text}" is not in the seed article`)
      await handlers['mentions.create']({
        articleId: id,
        start,
        end: start + tag.text.length,
        type: tag.type,
        name: tag.name,
      })
    }
    const { article } = await handlers['articles.get']({ id: articleIds[0]! })
    const start = article.text.indexOf('closer strategic cooperation')
    await handlers['highlights.create']({
      articleId: articleIds[0]!,
      start,
      end: start + 28,
      note: 'the pledge',
    })
    return { articleIds, entities: structuredClone(workspace.entities) }
  } finally {
    await workspace.close()
  }
}

/** Entities as the analyst sees them: name, type and aliases, by id. */
export function entityFacts(entities: readonly Entity[]) {
  return Object.fromEntries(
    entities.map((e) => [e.id, { name: e.name, type: e.type, aliases: [...e.aliases].sort() }]),
  )
}

/** For a describe block: a fresh tagged workspace in a temp folder before each test, removed after. */
export function useTaggedWorkspace(options: { openedAgain?: boolean } = {}) {
  const current = {} as { path: string; tagged: TaggedWorkspace }
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => {
    dir = await tempDir()
    current.path = dir.path
    current.tagged = await makeTaggedWorkspace(dir.path)
    // Opened once more, so that a backup exists as it would after any day's work.
    if (options.openedAgain) await (await Workspace.open(dir.path)).close()
  })
  afterEach(() => dir.remove())
  return current
}
