import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { citationText } from '../../../src/main/services/brief/brief-citations'
import { xmlSafe } from '../../../src/main/services/brief/brief-docx'
import type { ExportedExcerpt } from '../../../src/main/services/brief/brief-export'
import { exportBrief } from '../../../src/main/services/brief/brief-handlers'
import { createHandlers } from '../../../src/main/services/dossier'
import { Workspace } from '../../../src/main/services/store/workspace'
import { SEED_000, SEED_004, tempDir } from '../../helpers'

// LibreOffice reads the .docx back as Word would and prints it, so the test sees what a reader sees.
// CI installs it (.ci/run); a developer machine without it skips that test, CI fails it.
const hasSoffice = spawnSync('soffice', ['--version'], { timeout: 30_000 }).status === 0
const inCi = process.env.CI === 'true'

const HANDLING = 'UNCLASSIFIED // FOR OFFICIAL USE ONLY'
/** A quote from an article that tries markup, Markdown, a footnote marker and a control character. */
const HOSTILE = 'The courier carried <script>alert(1)</script>, **bold** orders,\u0007 and a [^1] marker'
/** What a reader sees of it: the bell is not a character XML can hold. */
const HOSTILE_SEEN = HOSTILE.replace('\u0007', '')

type Handlers = ReturnType<typeof createHandlers>

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let handlers: Handlers

beforeEach(async () => {
  dir = await tempDir()
  workspace = await Workspace.open(dir.path)
  const printer = { print: async () => new Uint8Array(), close: async () => {} }
  handlers = createHandlers({ workspace, printer, host: 'browser', samplesDir: dir.path })
})
afterEach(async () => {
  await workspace.close()
  await dir.remove()
})

async function importFile(path: string): Promise<string> {
  const result = await handlers['import.upload']({ name: basename(path), data: await readFile(path) })
  return result.articleId!
}

async function highlight(articleId: string, words: string) {
  const { article } = await handlers['articles.get']({ id: articleId })
  const start = article.text.indexOf(words)
  if (start < 0) throw new Error(`"${words}" is not in the article`)
  const { highlight } = await handlers['highlights.create']({ articleId, start, end: start + words.length })
  return highlight.id
}

/** Two seed articles, one of them with a hostile line added; a BLUF, two judgements, a paragraph. */
async function twoSourceBrief() {
  const seed = await readFile(SEED_004, 'utf8')
  const hostileSeed = join(dir.path, 'hostile-seed.txt')
  const [first, ...rest] = seed.split('\n')
  await writeFile(hostileSeed, [first, `${HOSTILE} was seen.`, ...rest].join('\n'))
  const a = await importFile(SEED_000)
  const b = await importFile(hostileSeed)
  const excerpts = [
    { articleId: a, highlightId: await highlight(a, 'closer strategic cooperation') },
    { articleId: b, highlightId: await highlight(b, HOSTILE) },
    { articleId: a, highlightId: await highlight(a, 'Kim Jong Un') },
  ]
  await handlers['articles.update']({ id: a, grade: 'B2' })
  const created = await handlers['briefs.create']({ title: 'Korea and Russia: what the summit means' })
  const brief = await handlers['briefs.addExcerpts']({ id: created.id, excerpts })
  const { schemaVersion: _v, id, createdAt: _c, updatedAt: _u, ...content } = brief
  content.handling = HANDLING
  content.author = 'Desk analyst'
  content.bluf = 'Pyongyang and Moscow are moving closer.'
  content.judgements = [
    {
      id: 'judge00001',
      text: 'Cooperation will deepen this year.',
      confidence: 'moderate',
      likelihood: 'likely',
    },
    { id: 'judge00002', text: 'Washington will answer with sanctions.', confidence: 'low' },
  ]
  const items = content.sections[0]!.items
  items[0] = {
    ...items[0]!,
    commentary: 'The key line.\u0001 A lone \uD800 surrogate and \uFFFF end here.',
  } as never
  items.splice(1, 0, { kind: 'paragraph', id: 'para000001', text: 'Both sides *say* so.' })
  await handlers['briefs.save']({ id, content })
  return id
}

/** The text of each paragraph of a WordprocessingML part: its runs joined, line breaks as \\n, entities read. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map(([, text]) => text ?? '\n')
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  )
}

/** Characters XML 1.0 §2.2 does not allow. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/ // eslint-disable-line no-control-regex

/**
 * The words of a footnote as pdftotext -layout prints them, with the footnote's raised number somewhere
 * among them: it is set above the line, so -layout puts it before the first word or after a line.
 */
function marked(citation: string, mark: number): RegExp {
  const words = xmlSafe(citation)
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`(?:(${mark}) )?${words.join(` (?:(${mark}) )?`)}`)
}

function excerptsOf(model: Awaited<ReturnType<typeof exportBrief>>): ExportedExcerpt[] {
  return model.sections.flatMap((s) => s.items).filter((i): i is ExportedExcerpt => i.kind === 'excerpt')
}

describe('Word export of a brief', () => {
  it('drops the characters XML 1.0 does not allow and keeps the rest', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g\uDC00h')).toBe('abcdefgh')
    expect(xmlSafe('tab\tline\nreturn\r 😀 \u00e9')).toBe('tab\tline\nreturn\r 😀 \u00e9')
  })

  it('writes the quotes into the document and each full citation as a Word footnote', async () => {
    const id = await twoSourceBrief()
    const file = await handlers['briefs.export']({ id, format: 'docx' })
    expect(file.fileName).toBe('Korea-and-Russia-what-the-summit-means.docx')
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    const parts = unzipSync(file.data)
    const document = strFromU8(parts['word/document.xml']!)
    const footnotes = strFromU8(parts['word/footnotes.xml']!)
    const body = paragraphs(document)
    const notes = paragraphs(footnotes)
    const lines = body.flatMap((p) => p.split('\n'))

    const model = await exportBrief(workspace, id)
    const excerpts = excerptsOf(model)
    expect(excerpts).toHaveLength(3)
    for (const excerpt of excerpts) {
      expect(lines).toContain(xmlSafe(excerpt.text))
      expect(document).toContain(`<w:footnoteReference w:id="${excerpt.number}"/>`)
      expect(notes.some((n) => n.startsWith(` ${xmlSafe(citationText(excerpt))}`))).toBe(true)
    }
    const graded = notes.find((n) => n.includes('graded B2'))!
    expect(graded).toMatch(/¶ \d+, graded B2\. Source 1\./)
    expect(notes.join('\n')).toMatch(/Source 1\. Imported \d{1,2} \w+ \d{4}\./)

    expect(lines).toContain(HOSTILE_SEEN)
    expect(document).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(document).not.toMatch(/<script/i)
    expect(body).toContain('Both sides *say* so.')
    const judgement = body.find((p) => p.startsWith('Cooperation will deepen this year.'))
    expect(judgement).toMatch(/Likely \(55–80%\) · Moderate confidence$/)
    expect(body.filter((p) => p === 'Sources')).toHaveLength(1)
    for (const [name, bytes] of Object.entries(parts))
      if (name.endsWith('.xml')) expect(strFromU8(bytes), name).not.toMatch(NOT_XML)
    expect(body.join('\n')).toContain('The key line. A lone  surrogate and  end here.')

    const header = Object.keys(parts).filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n))
    expect(header.map((n) => paragraphs(strFromU8(parts[n]!)).includes(HANDLING))).toEqual(
      header.map(() => true),
    )
    expect(strFromU8(parts[header.find((n) => n.includes('footer'))!]!)).toMatch(/NUMPAGES/)
  })

  it.skipIf(!hasSoffice && !inCi)(
    'opens in LibreOffice and prints every quote, its footnote and the handling line (needs soffice: apt package libreoffice-writer-nogui)',
    async () => {
      expect(hasSoffice, 'soffice is not installed; .ci/run installs libreoffice-writer-nogui').toBe(true)
      const id = await twoSourceBrief()
      const file = await handlers['briefs.export']({ id, format: 'docx' })
      const docx = join(dir.path, file.fileName)
      await writeFile(docx, file.data)
      const convert = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir.path, 'libreoffice-profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir.path,
          docx,
        ],
        { encoding: 'utf8', timeout: 55_000 },
      )
      expect(convert.status, convert.stderr).toBe(0)
      const pdf = docx.replace(/\.docx$/, '.pdf')
      const layout = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      expect(layout.status, layout.stderr).toBe(0)
      const pages = layout.stdout.split('\f').filter((p) => p.trim())
      const text = layout.stdout.replace(/\s+/g, ' ')

      const model = await exportBrief(workspace, id)
      for (const excerpt of excerptsOf(model)) {
        expect(text).toContain(xmlSafe(excerpt.text))
        const where = excerpt.paragraph !== undefined ? `, ¶ ${excerpt.paragraph}` : ''
        // The footnote mark, raised, follows the citation line; pdftotext writes it right after.
        expect(text).toMatch(new RegExp(`Source ${excerpt.source.number}${where} ?${excerpt.number}\\b`))
        const note = text.match(marked(citationText(excerpt), excerpt.number))
        expect(note, `footnote ${excerpt.number}`).not.toBeNull()
        expect(note!.slice(1), `footnote ${excerpt.number} is numbered`).toContain(String(excerpt.number))
      }
      expect(text).toContain('Korea and Russia: what the summit means')
      pages.forEach((page, i) => {
        expect(page.split(HANDLING).length - 1, `handling line on page ${i + 1}`).toBe(2)
        expect(page).toMatch(new RegExp(`\\b${i + 1} ?/ ?${pages.length}\\b`))
      })
    },
    60_000,
  )
})
