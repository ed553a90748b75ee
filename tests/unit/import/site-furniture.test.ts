// Furniture learnt from a site's other articles: a short block that stands in two other articles of
// the same site is trimmed in the next one, kept in the text; a block the analyst restored in one
// article of the site stays shown in the next import from it.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { visibleText } from '../../../src/main/services/import/boilerplate'
import { extract } from '../../../src/main/services/import/extract'
import { Importer } from '../../../src/main/services/import/importer'
import { BatchSites } from '../../../src/main/services/import/site-furniture'
import { Workspace } from '../../../src/main/services/store/workspace'
import { tempDir } from '../../helpers'

const STANDING = 'Our journalists verify every claim with two sources before it is published here.'

function page(n: number, extra = ''): Uint8Array {
  const body = Array.from(
    { length: 5 },
    (_, i) =>
      `<p>Story ${n}, paragraph ${i + 1}: officials in Seoul said on day ${n} that the shipment of ${n * 10 + i} shells had crossed the border by rail.</p>`,
  ).join('')
  return new TextEncoder().encode(
    `<!doctype html><html><head><title>Story ${n}</title><meta property="og:site_name" content="Example Wire"></head><body><article><h1>Story ${n}</h1>${body}<p>${STANDING}</p>${extra}</article></body></html>`,
  )
}

describe('furniture learnt from the site', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let workspace: Workspace
  beforeEach(async () => {
    dir = await tempDir()
    workspace = await Workspace.open(join(dir.path, 'ws'))
  })
  afterEach(async () => {
    await workspace.close()
    await dir.remove()
  })

  async function shown(id: string): Promise<string> {
    const article = await workspace.readArticle(id)
    expect(article.text).toContain(STANDING)
    return visibleText(article.text, article.blocks)
  }

  it('trims a block that two other articles of the site hold, and remembers a restore', async () => {
    const importer = new Importer(workspace)
    const ids: string[] = []
    for (const n of [1, 2, 3]) ids.push((await importer.importBytes(`story-${n}.html`, page(n))).articleId!)
    expect(await shown(ids[0]!)).toContain(STANDING)
    expect(await shown(ids[1]!)).toContain(STANDING)
    expect(await shown(ids[2]!)).not.toContain(STANDING)

    // The analyst restores it in the third article; the next article of the site shows it.
    await workspace.updateArticle(ids[2]!, (article) => {
      const block = article.blocks.find((b) => article.text.slice(b.start, b.end) === STANDING)!
      block.trimmed = false
    })
    const fourth = await importer.importBytes('story-4.html', page(4))
    expect(await shown(fourth.articleId!)).toContain(STANDING)
  })

  it('learns nothing from another site, and never from long paragraphs', async () => {
    const importer = new Importer(workspace)
    const other = (n: number) =>
      new TextEncoder().encode(new TextDecoder().decode(page(n)).replace('Example Wire', `Other Site ${n}`))
    for (const n of [1, 2]) await importer.importBytes(`other-${n}.html`, other(n))
    const third = await importer.importBytes('story-3.html', page(3))
    expect(await shown(third.articleId!)).toContain(STANDING)
  })
})

describe('furniture learnt within one batch, without a workspace', () => {
  it('trims in the third file of a site what the two before it hold, as an import in that order would', async () => {
    const sites = new BatchSites()
    const other = new TextEncoder().encode(
      new TextDecoder().decode(page(9)).replace('Example Wire', 'Other Site'),
    )
    const shown: string[] = []
    for (const [name, bytes] of [
      ['story-1.html', page(1)],
      ['other.html', other],
      ['story-2.html', page(2)],
      ['story-3.html', page(3)],
    ] as const) {
      const { article } = await extract(name, bytes)
      shown.push(visibleText(article.text, sites.blocksOf(article)))
    }
    expect(shown.map((text) => text.includes(STANDING))).toEqual([true, true, true, false])
  })
})
