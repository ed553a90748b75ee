import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/services/dossier'
import { extract } from '../../../src/main/services/import/extract'
import { Workspace } from '../../../src/main/services/store/workspace'
import type { Article } from '../../../src/shared/model'
import { handlersFor, useTaggedWorkspace } from '../../tagged-workspace'

const CONCERN = '“We are concerned that the DPRK is planning to deliver more military equipment to Russia,”'

/** An extractor that reads the same file differently: a new line after the title, one paragraph lost. */
async function changedExtractor(fileName: string, bytes: Uint8Array) {
  const lines = new TextDecoder().decode(bytes).split('\n')
  const kept = lines.filter((line) => !line.startsWith(CONCERN))
  kept.splice(1, 0, 'Editor’s note: this story has been updated with comment from Washington.')
  return extract(fileName, new TextEncoder().encode(kept.join('\n')))
}

const wordsAt = (article: Article, t: Article['highlights'][number]['target']) =>
  article.text.slice(t.position.start, t.position.end)

describe('articles.reextract', () => {
  const current = useTaggedWorkspace()

  it('replaces the text, keeps what the analyst edited, re-anchors every highlight and tag', async () => {
    const id = current.tagged.articleIds[0]!
    const workspace = await Workspace.open(current.path)
    const printer = { print: async () => new Uint8Array(), close: async () => {} }
    const handlers = createHandlers({
      workspace,
      printer,
      host: 'browser',
      samplesDir: workspace.dir,
      extractor: changedExtractor,
    })
    const before = (await handlers['articles.get']({ id })).article
    const start = before.text.indexOf(CONCERN)
    await handlers['highlights.create']({
      articleId: id,
      start,
      end: start + CONCERN.length,
      note: 'US view',
    })
    await handlers['articles.update']({ id, title: 'Pyongyang pledges support to Moscow' })
    const furniture = before.blocks.findIndex((b) => b.trimmed)
    expect(furniture).toBeGreaterThanOrEqual(0)
    await handlers['articles.setTrimmed']({ id, block: furniture, trimmed: false })
    const restoredText = before.text.slice(before.blocks[furniture]!.start, before.blocks[furniture]!.end)

    // Names suggested in the paragraph that goes are lost with it, as the highlight on it is.
    const lost = before.mentions.filter(
      (m) => m.target.position.start >= start && m.target.position.end <= start + CONCERN.length,
    ).length
    const result = await handlers['articles.reextract']({ id })
    expect(result.article.title).toBe('Pyongyang pledges support to Moscow')
    // (or found near their words elsewhere: "Russia" is in other sentences too).
    expect(result.unanchored + result.reanchored.fuzzy).toBe(1 + lost)
    // The other tags, the recogniser's suggestions and the pledge all sit after the new line, so each is
    // found by its words.
    expect(result.reanchored).toMatchObject({ position: 0, quote: before.mentions.length - lost + 1 })

    const { article } = await handlers['articles.get']({ id })
    expect(article.text).toContain('Editor’s note')
    expect(article.text).not.toContain(CONCERN)
    expect(article.title).toBe('Pyongyang pledges support to Moscow')
    const pledge = article.highlights.find((h) => h.note === 'the pledge')!
    expect(wordsAt(article, pledge.target)).toBe('closer strategic cooperation')
    const concern = article.highlights.find((h) => h.note === 'US view')!
    expect(concern).toMatchObject({ unanchored: true, target: { quote: { exact: CONCERN } } })
    for (const mention of article.mentions)
      expect(wordsAt(article, mention.target)).toBe(mention.target.quote.exact)
    const again = article.blocks.find((b) => article.text.slice(b.start, b.end) === restoredText)
    expect(again?.trimmed).toBe(false)

    // Extracting again finds everything where it is, and the lost one still lost.
    const twice = await handlers['articles.reextract']({ id })
    // (a suggestion whose words went is not kept).
    const placed = (await handlers['articles.get']({ id })).article.mentions.filter((m) => !m.unanchored)
    expect(twice).toMatchObject({
      reanchored: { position: placed.length + 1, quote: 0, fuzzy: 0 },
      unanchored: 1,
    })
    await workspace.close()
  })

  it('leaves an article whose extraction did not change as it was', async () => {
    const id = current.tagged.articleIds[1]!
    const workspace = await Workspace.open(current.path)
    const handlers = handlersFor(workspace)
    const before = (await handlers['articles.get']({ id })).article
    const result = await handlers['articles.reextract']({ id })
    expect(result).toMatchObject({
      reanchored: { position: before.mentions.length, quote: 0, fuzzy: 0 },
      unanchored: 0,
    })
    const after = (await handlers['articles.get']({ id })).article
    expect({ ...after, updatedAt: '' }).toEqual({ ...before, updatedAt: '' })
    await workspace.close()
  })

  it('says so when the original is gone, and changes nothing', async () => {
    const id = current.tagged.articleIds[1]!
    for (const name of await readdir(join(current.path, 'originals')))
      await rm(join(current.path, 'originals', name))
    const workspace = await Workspace.open(current.path)
    const handlers = handlersFor(workspace)
    const before = (await handlers['articles.get']({ id })).article
    await expect(handlers['articles.reextract']({ id })).rejects.toThrow(
      /The original of ".*" \(originals\/[0-9a-f]{64}\.txt\) is missing.*The article is unchanged\./,
    )
    expect((await handlers['articles.get']({ id })).article).toEqual(before)
    await workspace.close()
  })
})
