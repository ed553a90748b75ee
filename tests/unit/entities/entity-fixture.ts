// A workspace with the two seed articles about North Korean arms, opened with the app's handlers, and
// helpers to tag words in them as the reader does.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { createHandlers } from '../../../src/main/services/dossier'
import { Workspace } from '../../../src/main/services/store/workspace'
import type { EntityType } from '../../../src/shared/model'
import { SEED_000, SEED_004, tempDir } from '../../helpers'

export type Handlers = ReturnType<typeof createHandlers>

export interface Fixture {
  dir: Awaited<ReturnType<typeof tempDir>>
  workspace: Workspace
  handlers: Handlers
  /** The June 2023 article (000) and the undated one (004). */
  a: string
  b: string
  reopen(): Promise<void>
  close(): Promise<void>
  /** Tags the `nth` occurrence (0-based) of `words` in the article; returns the mention and entity ids. */
  tag(
    articleId: string,
    words: string,
    type: EntityType,
    options?: { nth?: number; name?: string; entityId?: string },
  ): Promise<{ mentionId: string; entityId: string }>
  /** Tags every occurrence of `words` as one entity. */
  tagAll(articleId: string, words: string, type: EntityType, name?: string): Promise<string>
}

export async function openFixture(): Promise<Fixture> {
  const dir = await tempDir('dossier-entities-')
  const fixture = { dir } as Fixture
  const open = async () => {
    fixture.workspace = await Workspace.open(dir.path)
    const printer = { print: async () => new Uint8Array(), close: async () => {} }
    fixture.handlers = createHandlers({
      workspace: fixture.workspace,
      printer,
      host: 'browser',
      samplesDir: dir.path,
    })
  }
  await open()
  const upload = async (path: string) =>
    (await fixture.handlers['import.upload']({ name: basename(path), data: await readFile(path) })).articleId!
  fixture.a = await upload(SEED_000)
  fixture.b = await upload(SEED_004)
  fixture.reopen = async () => {
    await fixture.workspace.close()
    await open()
  }
  fixture.close = async () => {
    await fixture.workspace.close()
    await dir.remove()
  }
  fixture.tag = async (articleId, words, type, options = {}) => {
    const { article } = await fixture.handlers['articles.get']({ id: articleId })
    let start = -1
    for (let i = 0; i <= (options.nth ?? 0); i++) {
      start = article.text.indexOf(words, start + 1)
      if (start < 0) throw new Error(`"${words}" is not in the article ${i + 1} times`)
    }
    const { mention, entity } = await fixture.handlers['mentions.create']({
      articleId,
      start,
      end: start + words.length,
      type,
      ...(options.name ? { name: options.name } : {}),
      ...(options.entityId ? { entityId: options.entityId } : {}),
    })
    return { mentionId: mention.id, entityId: entity.id }
  }
  fixture.tagAll = async (articleId, words, type, name) => {
    const { article } = await fixture.handlers['articles.get']({ id: articleId })
    const count = article.text.split(words).length - 1
    let entityId = ''
    for (let nth = 0; nth < count; nth++)
      entityId = (await fixture.tag(articleId, words, type, { nth, ...(name ? { name } : {}) })).entityId
    return entityId
  }
  return fixture
}
