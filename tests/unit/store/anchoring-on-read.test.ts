import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Workspace } from '../../../src/main/services/store/workspace'
import type { Article } from '../../../src/shared/model'
import { handlersFor, useTaggedWorkspace } from '../../tagged-workspace'

const CONCERN = '“We are concerned that the DPRK is planning to deliver more military equipment to Russia,”'

describe('reading an article whose text changed on disk', () => {
  const current = useTaggedWorkspace()

  async function editedOnDisk(): Promise<{ id: string; file: string }> {
    const id = current.tagged.articleIds[0]!
    let workspace = await Workspace.open(current.path)
    const { article } = await handlersFor(workspace)['articles.get']({ id })
    const start = article.text.indexOf(CONCERN)
    await handlersFor(workspace)['highlights.create']({
      articleId: id,
      start,
      end: start + CONCERN.length,
      note: 'the US concern',
    })
    await workspace.close()
    // What a migration or another version of the extractor might leave: a new first line, a sentence gone.
    const file = join(current.path, 'articles', `${id}.json`)
    const stored = JSON.parse(await readFile(file, 'utf8')) as Article
    stored.text = `Editor’s note: this story was updated.\n\n${stored.text.replace(`${CONCERN} the US State Department spokesperson said.\n`, '')}`
    expect(stored.text).not.toContain(CONCERN)
    await writeFile(file, JSON.stringify(stored))
    workspace = await Workspace.open(current.path)
    await workspace.close()
    return { id, file }
  }

  it('re-anchors what moved and marks what is gone unanchored, keeping its quote and note', async () => {
    const { id, file } = await editedOnDisk()
    const workspace = await Workspace.open(current.path)
    const { article } = await handlersFor(workspace)['articles.get']({ id })
    const at = (t: Article['highlights'][number]['target']) =>
      article.text.slice(t.position.start, t.position.end)
    const pledge = article.highlights.find((h) => h.note === 'the pledge')!
    const concern = article.highlights.find((h) => h.note === 'the US concern')!
    expect(at(pledge.target)).toBe('closer strategic cooperation')
    expect(pledge.unanchored).toBeUndefined()
    expect(concern.unanchored).toBe(true)
    expect(concern.target.quote.exact).toBe(CONCERN)
    for (const mention of article.mentions) {
      // A name suggested in the sentence that went is gone with it.
      if (mention.unanchored && CONCERN.includes(mention.target.quote.exact)) {
        expect(mention.status).toBe('suggested')
        continue
      }
      expect(mention.unanchored).toBeUndefined()
      expect(at(mention.target)).toBe(mention.target.quote.exact)
    }
    await workspace.close()

    // Saved at once, so the next opening finds the selectors already right.
    const saved = JSON.parse(await readFile(file, 'utf8')) as Article
    expect(saved.highlights.find((h) => h.note === 'the US concern')?.unanchored).toBe(true)
    expect(saved.highlights.find((h) => h.note === 'the pledge')?.target).toEqual(pledge.target)
  })

  it('removes an unanchored highlight through the usual remove', async () => {
    const { id } = await editedOnDisk()
    const workspace = await Workspace.open(current.path)
    const handlers = handlersFor(workspace)
    const { article } = await handlers['articles.get']({ id })
    const concern = article.highlights.find((h) => h.unanchored)!
    await handlers['highlights.remove']({ articleId: id, id: concern.id })
    const after = await handlers['articles.get']({ id })
    expect(after.article.highlights.map((h) => h.note)).toEqual(['the pledge'])
    expect(workspace.summary(id)?.highlightCount).toBe(1)
    await workspace.close()
  })

  it('does not rewrite an article whose selectors still hold', async () => {
    const id = current.tagged.articleIds[1]!
    const file = join(current.path, 'articles', `${id}.json`)
    const before = (await stat(file)).mtimeMs
    const workspace = await Workspace.open(current.path)
    const { article } = await handlersFor(workspace)['articles.get']({ id })
    expect(article.mentions.length).toBeGreaterThan(0)
    await workspace.close()
    expect((await stat(file)).mtimeMs).toBe(before)
  })
})
