// A change to many articles in one step: the change notices wait until the step is done and come once
// per article, and articles held parsed for it are never a stale copy of what is stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addHighlight } from '../../../src/main/services/annotate/highlights'
import { Importer } from '../../../src/main/services/import/importer'
import { Workspace } from '../../../src/main/services/store/workspace'
import { SEED_000, SEED_004, tempDir } from '../../helpers'

describe('changes to many articles at once', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let workspace: Workspace
  let ids: string[]
  beforeEach(async () => {
    dir = await tempDir()
    workspace = await Workspace.open(dir.path)
    const results = await new Importer(workspace).importPaths([SEED_000, SEED_004])
    ids = results.map((r) => r.articleId!)
  })
  afterEach(async () => {
    await workspace.close()
    await dir.remove()
  })

  const highlightFirstWord = (id: string) =>
    workspace.updateArticle(id, (a) => addHighlight(a, { start: 0, end: a.text.indexOf(' ') }))

  it('tells the listeners of each changed article once, after the whole step', async () => {
    const told: string[] = []
    workspace.onArticleChanged((id) => told.push(id))
    await workspace.withChangesHeld(async () => {
      await highlightFirstWord(ids[0]!)
      await highlightFirstWord(ids[0]!)
      await highlightFirstWord(ids[1]!)
      expect(told).toEqual([])
    })
    expect(told.sort()).toEqual([...ids].sort())
    await highlightFirstWord(ids[1]!)
    expect(told).toHaveLength(3)
  })

  it('gives the article as stored after a change, held or not, and keeps the change on disk', async () => {
    await workspace.peekArticle(ids[0]!)
    workspace.holdArticles([ids[0]!])
    await highlightFirstWord(ids[0]!)
    expect((await workspace.peekArticle(ids[0]!)).highlights).toHaveLength(1)
    await workspace.close()
    workspace = await Workspace.open(dir.path)
    expect((await workspace.peekArticle(ids[0]!)).highlights).toHaveLength(1)
  })
})
