import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/services/dossier'
import { exportBrief } from '../../../src/main/services/brief/brief-handlers'
import { briefMarkdown } from '../../../src/main/services/brief/brief-markdown'
import { briefHtml } from '../../../src/main/services/brief/brief-html'
import { paragraphNumber } from '../../../src/main/services/brief/brief-export'
import { exportFileName } from '../../../src/main/services/brief/brief-model'
import { Workspace } from '../../../src/main/services/store/workspace'
import type { Brief } from '../../../src/shared/brief'
import { hostileDir, SEED_000, SEED_004, tempDir } from '../../helpers'

type Handlers = ReturnType<typeof createHandlers>

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let handlers: Handlers
let printed: { html: string; options: unknown }[]

async function open() {
  workspace = await Workspace.open(dir.path)
  printed = []
  const printer = {
    print: async (html: string, options?: unknown) => {
      printed.push({ html, options })
      return new Uint8Array([37, 80, 68, 70])
    },
    close: async () => {},
  }
  handlers = createHandlers({ workspace, printer, host: 'browser', samplesDir: dir.path })
}

async function importFile(path: string): Promise<string> {
  const result = await handlers['import.upload']({ name: basename(path), data: await readFile(path) })
  return result.articleId!
}

async function highlight(articleId: string, words: string, note = '') {
  const { article } = await handlers['articles.get']({ id: articleId })
  const start = article.text.indexOf(words)
  if (start < 0) throw new Error(`"${words}" is not in the article`)
  const { highlight } = await handlers['highlights.create']({
    articleId,
    start,
    end: start + words.length,
    note,
  })
  return highlight.id
}

beforeEach(async () => {
  dir = await tempDir()
  await open()
})
afterEach(async () => {
  await workspace.close()
  await dir.remove()
})

/** A two-source brief: a BLUF, two judgements, excerpts from both seeds, the same source twice, a paragraph. */
async function twoSourceBrief() {
  const a = await importFile(SEED_000)
  const b = await importFile(SEED_004)
  const h1 = await highlight(a, 'closer strategic cooperation', 'the pledge')
  const h2 = await highlight(a, 'Kim Jong Un')
  const h3 = await highlight(b, 'White House')
  let brief = await handlers['briefs.create']({ title: 'Korea and Russia: what the summit means' })
  brief = await handlers['briefs.addExcerpts']({
    id: brief.id,
    excerpts: [
      { articleId: a, highlightId: h1 },
      { articleId: b, highlightId: h3 },
      { articleId: a, highlightId: h2 },
    ],
  })
  const content = {
    ...brief,
    handling: 'UNCLASSIFIED // FOR OFFICIAL USE ONLY',
    author: 'Desk analyst',
    bluf: 'Pyongyang and Moscow are moving closer.',
    judgements: [
      {
        id: 'judge00001',
        text: 'Cooperation will deepen this year.',
        confidence: 'moderate' as const,
        likelihood: 'likely' as const,
      },
      { id: 'judge00002', text: 'Washington will answer with sanctions.', confidence: 'low' as const },
    ],
  }
  content.sections[0]!.items.splice(1, 0, {
    kind: 'paragraph',
    id: 'para000001',
    text: 'Both sides *say* so.',
  })
  content.sections[0]!.items[0] = { ...content.sections[0]!.items[0]!, commentary: 'The key line.' } as never
  const { schemaVersion: _v, id, createdAt: _c, updatedAt: _u, ...fields } = content
  brief = await handlers['briefs.save']({ id, content: fields })
  return { brief, a, b, h1, h2, h3 }
}

describe('briefs', () => {
  it('are kept as files, listed, duplicated, removed to the trash and restored', async () => {
    const { brief } = await twoSourceBrief()
    expect(await readdir(join(dir.path, 'briefs'))).toEqual([`${brief.id}.json`])
    const copy = await handlers['briefs.duplicate']({ id: brief.id })
    expect(copy.title).toBe('Korea and Russia: what the summit means (copy)')
    expect((await handlers['briefs.list']({})).map((s) => s.excerpts)).toEqual([3, 3])

    await handlers['briefs.remove']({ id: brief.id })
    expect((await handlers['briefs.list']({})).map((s) => s.id)).toEqual([copy.id])
    await handlers['briefs.restore']({ id: brief.id })

    await workspace.close()
    await open()
    const again = await handlers['briefs.get']({ id: brief.id })
    expect(again.bluf).toBe('Pyongyang and Moscow are moving closer.')
    expect(again.sections[0]!.items.map((i) => i.kind)).toEqual([
      'excerpt',
      'paragraph',
      'excerpt',
      'excerpt',
    ])
  })

  it('quarantines a damaged brief file and opens the others', async () => {
    const { brief } = await twoSourceBrief()
    const other = await handlers['briefs.create']({})
    await workspace.close()
    await writeFile(join(dir.path, 'briefs', `${brief.id}.json`), '{"schemaVersion":1,"id":')
    await open()
    expect((await handlers['briefs.list']({})).map((s) => s.id)).toEqual([other.id])
    expect(workspace.problems.map((p) => p.file)).toEqual([join('briefs', `${brief.id}.json`)])
    expect(await readdir(join(dir.path, 'quarantine'))).toHaveLength(1)
  })

  it('names a brief entry it cannot read, leaves it, and opens the others', async () => {
    const other = await handlers['briefs.create']({})
    await workspace.close()
    await mkdir(join(dir.path, 'briefs', 'unreadable01.json'))
    await open()
    expect((await handlers['briefs.list']({})).map((s) => s.id)).toEqual([other.id])
    expect(workspace.problems).toEqual([
      {
        file: join('briefs', 'unreadable01.json'),
        message: expect.stringContaining('it is a folder, not a file'),
      },
    ])
  })

  it('cites every excerpt with its paragraph and gives each source one entry', async () => {
    const { brief, a } = await twoSourceBrief()
    const model = await exportBrief(workspace, brief.id)
    expect(model.sources.map((s) => s.number)).toEqual([1, 2])
    const excerpts = model.sections[0]!.items.filter((i) => i.kind === 'excerpt')
    expect(excerpts.map((e) => [e.number, e.source.number])).toEqual([
      [1, 1],
      [2, 2],
      [3, 1],
    ])
    const article = await workspace.peekArticle(a)
    const at = article.text.indexOf('closer strategic cooperation')
    expect(excerpts[0]!.paragraph).toBe(paragraphNumber(article, at))
    expect(excerpts[0]!.paragraph).toBeGreaterThan(0)
  })

  it('keeps an excerpt whose highlight was removed, marked', async () => {
    const { brief, b, h3 } = await twoSourceBrief()
    await handlers['highlights.remove']({ articleId: b, id: h3 })
    const model = await exportBrief(workspace, brief.id)
    const gone = model.sections[0]!.items.find((i) => i.kind === 'excerpt' && i.number === 2)
    expect(gone).toMatchObject({ removed: true, text: 'White House' })
    expect(briefMarkdown(model)).toContain('The highlight was removed from its article')
  })

  it('tells the composer how each excerpt stands, graded source and removed highlight included', async () => {
    const { brief, a, b, h3 } = await twoSourceBrief()
    await handlers['articles.update']({ id: a, grade: 'B2' })
    await handlers['highlights.remove']({ articleId: b, id: h3 })
    const states = await handlers['briefs.excerpts']({ id: brief.id })
    const items = brief.sections[0]!.items.filter((i) => i.kind === 'excerpt')
    expect(states.map((s) => [s.itemId, s.number, s.removed, s.grade])).toEqual([
      [items[0]!.id, 1, false, 'B2'],
      [items[1]!.id, 2, true, undefined],
      [items[2]!.id, 3, false, 'B2'],
    ])
    expect(states[0]!.citation).toMatch(/¶ \d+, graded B2\. Source 1\.$/)
  })

  it('shows the sentence a fragment stands in, within its paragraph', async () => {
    const { a, h2 } = await twoSourceBrief()
    const context = await handlers['briefs.context']({ articleId: a, highlightId: h2 })
    expect(context.quote).toBe('Kim Jong Un')
    const article = await workspace.peekArticle(a)
    const sentence = `${context.before}${context.quote}${context.after}`
    expect(article.text).toContain(sentence)
    expect(sentence.length).toBeGreaterThan(context.quote.length)
    expect(sentence).toMatch(/[.!?”"]$/)
    expect(sentence).not.toContain('\n')
  })

  it('exports Markdown that parses back, footnotes and all', async () => {
    const { brief } = await twoSourceBrief()
    const file = await handlers['briefs.export']({ id: brief.id, format: 'md' })
    expect(file.fileName).toBe('Korea-and-Russia-what-the-summit-means.md')
    const markdown = new TextDecoder().decode(file.data)
    const html = new MarkdownIt().use(footnote).render(markdown)
    const text = html.replace(/<[^>]+>/g, '')
    for (const words of [
      'closer strategic cooperation',
      'White House',
      'Kim Jong Un',
      'Both sides *say* so.',
    ])
      expect(text).toContain(words)
    expect(text).toContain('UNCLASSIFIED // FOR OFFICIAL USE ONLY')
    expect(text).toContain('Likely (55–80%) · Moderate confidence')
    expect(text).toContain('Low confidence')
    expect(html.match(/class="footnote-item"/g)).toHaveLength(3)
    expect(html).not.toContain('<em>say</em>')
  })

  it('prints HTML with the handling line, on the chosen paper, with a contents list from three sections', async () => {
    const { brief } = await twoSourceBrief()
    const content = (b: Brief) => {
      const { schemaVersion: _v, id: _i, createdAt: _c, updatedAt: _u, ...fields } = b
      return fields
    }
    const three = content(brief)
    three.options.paper = 'letter'
    three.sections.push(
      { id: 'section002', title: 'Outlook', items: [] },
      { id: 'section003', title: 'Gaps', items: [] },
    )
    await handlers['briefs.save']({ id: brief.id, content: three })
    const file = await handlers['briefs.export']({ id: brief.id, format: 'pdf' })
    expect(file.mimeType).toBe('application/pdf')
    expect(printed[0]!.options).toEqual({
      paper: 'letter',
      handling: 'UNCLASSIFIED // FOR OFFICIAL USE ONLY',
    })
    const html = printed[0]!.html
    expect(html).toContain('@page { size: letter')
    expect(html).toContain('<nav class="contents">')
    expect(html).not.toMatch(/<script/i)
    const standalone = new TextDecoder().decode(
      (await handlers['briefs.export']({ id: brief.id, format: 'html' })).data,
    )
    expect(standalone).toBe(html)
  })

  it('keeps hostile article text literal in Markdown and HTML', async () => {
    const id = await importFile(join(hostileDir, 'markdown-injection.txt'))
    const { article } = await handlers['articles.get']({ id })
    const { highlight: h } = await handlers['highlights.create']({
      articleId: id,
      start: 0,
      end: article.text.length,
    })
    const brief = await handlers['briefs.addExcerpts']({
      id: (await handlers['briefs.create']({})).id,
      excerpts: [{ articleId: id, highlightId: h.id }],
    })
    const model = await exportBrief(workspace, brief.id)
    const html = new MarkdownIt({ linkify: true }).use(footnote).render(briefMarkdown(model))
    expect(html.match(/<h1\b/g)).toHaveLength(1)
    expect(html).not.toMatch(/<(img|script|iframe)\b/i)
    expect(html.match(/<a\b[^>]*>/g)?.every((a) => /href="#fn/.test(a))).toBe(true)
    expect(briefHtml(model)).not.toMatch(/<(a|img|script|iframe)\b/i)
  })

  it('names export files at a word boundary', () => {
    const long =
      'The assessment of the strategic cooperation agreement between the two governments and its consequences'
    const name = exportFileName(long, 'pdf')
    expect(name.length).toBeLessThanOrEqual(84)
    expect(long.replace(/ /g, '-').startsWith(name.replace(/\.pdf$/, ''))).toBe(true)
    expect(long.split(' ')).toContain(
      name
        .replace(/\.pdf$/, '')
        .split('-')
        .at(-1),
    )
  })
})
