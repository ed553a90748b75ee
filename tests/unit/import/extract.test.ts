import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extract } from '../../../src/main/services/import/extract'
import { DossierError } from '../../../src/shared/errors'
import { SEED_000, hostileDir, seedsDir } from '../../helpers'

async function failure(name: string, dir = hostileDir): Promise<DossierError> {
  try {
    await extract(name, await readFile(join(dir, name)))
  } catch (error) {
    return error as DossierError
  }
  throw new Error(`${name} was accepted`)
}

describe('extract', () => {
  it('refuses empty and whitespace-only files with a sentence naming the file', async () => {
    for (const name of ['empty.txt', 'whitespace-only.txt']) {
      const error = await failure(name)
      expect(error.code).toBe('empty-file')
      expect(error.message).toContain(name)
      expect(error.message).toMatch(/empty/)
    }
  })

  it('refuses binary content whatever the extension says', async () => {
    for (const name of ['binary-garbage.txt', 'renamed-png.html']) {
      const error = await failure(name)
      expect(error.code).toBe('not-text')
      expect(error.message).toMatch(/is not a text document/)
    }
  })

  it('imports the Markdown-injection file as plain text', async () => {
    const article = (
      await extract('markdown-injection.txt', await readFile(join(hostileDir, 'markdown-injection.txt')))
    ).article
    expect(article.title).toMatch(/^Export escaping test: <script>/)
    expect(article.text).toContain('![beacon](http://127.0.0.1:9/md-beacon.png)')
  })

  it('decodes Windows-1252 to the same text as the UTF-8 original', async () => {
    const utf8 = (await extract('a.txt', await readFile(SEED_000))).article
    const legacy = (await extract('b.txt', await readFile(join(seedsDir, '000_windows-1252.txt')))).article
    expect(legacy.text).toBe(utf8.text)
    expect(legacy.title).toBe(utf8.title)
  })

  it('decodes UTF-16LE with a byte-order mark', async () => {
    const article = (await extract('c.txt', await readFile(join(seedsDir, '004_utf-16le-bom.txt')))).article
    expect(article.sourceUrl).toBe('https://www.ansarpress.com/english/27741')
    expect(article.text).toMatch(/^Flags of Russia and North Korea/)
  })

  it('reads the Markdown seed: title heading, italic date line, paragraphs without markup', async () => {
    const md = (await extract('x.md', await readFile(join(seedsDir, '000_us-concerned-north-korea.md'))))
      .article
    const txt = (await extract('x.txt', await readFile(SEED_000))).article
    expect(md.title).toBe(txt.title)
    expect(md.published).toBe('2023-06-13')
    expect(md.text).toContain('With inputs from Reuters')
    expect(md.text).not.toMatch(/[*_#]/)
    expect(txt.text.startsWith(md.text.slice(0, 500))).toBe(true)
  })

  it('names damaged PDF and Word files as such', async () => {
    for (const [name, what] of [
      ['garbage.pdf', /garbage\.pdf is a damaged PDF/],
      ['truncated.pdf', /truncated\.pdf is a damaged PDF/],
      ['not-a-zip.docx', /not-a-zip\.docx is a damaged Word document/],
    ] as const) {
      const error = await failure(name)
      expect(error.code).toBe('damaged-file')
      expect(error.message).toMatch(what)
    }
  })
})
