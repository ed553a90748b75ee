// Browser-mode PDF export: one browser context and a few reused pages serve every print, the paper
// the user chose wins, and the handling line and page numbers run in the header and footer as text.
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createChromiumPrinter, findChromium } from '../../../src/main/services/export/chromium-printer'
import { printSettings, type PdfPrinter } from '../../../src/main/services/export/pdf-printer'
import { tempDir } from '../../helpers'

const executable = findChromium()
const poppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
const noChromium = executable ? '' : 'no Chromium on this machine (install chromium or set DOSSIER_CHROMIUM)'
const noPoppler = poppler ? '' : 'pdftotext/pdfinfo not installed (apt-get install poppler-utils)'

const SMALL = '<!doctype html><meta charset="utf-8"><title>Brief</title><p>Kim Jong Un visited Wonsan.</p>'
const TWO_PAGES = `<!doctype html><meta charset="utf-8"><title>Brief</title>
<p>The first page.</p><p style="break-before: page">The second page.</p>`
const HANDLING = 'UNCLASSIFIED // FOR OFFICIAL USE ONLY'

function isPdf(pdf: Uint8Array): boolean {
  return new TextDecoder().decode(pdf.subarray(0, 5)) === '%PDF-'
}

/** Width and height in points of the first page's MediaBox, read from the PDF bytes. */
function mediaBox(pdf: Uint8Array): [number, number] {
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(
    new TextDecoder('latin1').decode(pdf),
  )
  if (!box) throw new Error('no MediaBox in the PDF')
  const [x0, y0, x1, y1] = box.slice(1).map(Number) as [number, number, number, number]
  return [x1 - x0, y1 - y0]
}

async function pdfText(pdf: Uint8Array): Promise<string> {
  const dir = await tempDir('dossier-pdf-')
  try {
    const file = join(dir.path, 'out.pdf')
    await writeFile(file, pdf)
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  } finally {
    await dir.remove()
  }
}

describe('print settings shared by both printers', () => {
  it('prints on A4 unless Letter is asked for, and lets the printer, not the HTML, decide', () => {
    expect(printSettings().paper).toBe('A4')
    expect(printSettings({ paper: 'letter' }).paper).toBe('Letter')
    expect(printSettings({ paper: 'a4' }).preferCSSPageSize).toBe(false)
  })

  it('leaves room for the running header and footer in the top and bottom margins', () => {
    const { marginsMm } = printSettings()
    expect(marginsMm.top).toBeGreaterThanOrEqual(18)
    expect(marginsMm.bottom).toBeGreaterThanOrEqual(18)
  })

  it('puts the handling line in header and footer, escaped, and page numbers in the footer', () => {
    const s = printSettings({ handling: '  SECRET <b>x</b> &\n REL  ' })
    expect(s.headerTemplate).toContain('SECRET &#60;b&#62;x&#60;/b&#62; &#38; REL')
    expect(s.footerTemplate).toContain('SECRET &#60;b&#62;x&#60;/b&#62; &#38; REL')
    expect(s.headerTemplate).not.toContain('<b>')
    expect(s.footerTemplate).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span>')
  })

  it('keeps an empty header without a handling line, so Chromium adds no date or title', () => {
    const s = printSettings({ handling: '   ' })
    expect(s.headerTemplate).toContain('<span></span>')
    expect(s.footerTemplate).toContain('class="pageNumber"')
  })
})

describe.skipIf(Boolean(noChromium))(
  `Chromium printer${noChromium ? ` (skipped: ${noChromium})` : ''}`,
  () => {
    let printer: PdfPrinter
    let browser: () => Promise<Browser>

    beforeAll(() => {
      // Watching the launch gives the test the browser without the printer exposing anything.
      const launch = vi.spyOn(chromium, 'launch')
      browser = async () => (await launch.mock.results.at(-1)!.value) as Browser
      printer = createChromiumPrinter({ ...process.env, DOSSIER_CHROMIUM: executable })
    })

    afterAll(async () => {
      await printer.close()
      vi.restoreAllMocks()
    })

    it('prints twice on the same page of the same context', async () => {
      expect(isPdf(await printer.print(SMALL))).toBe(true)
      const contexts = (await browser()).contexts()
      expect(contexts).toHaveLength(1)
      const [first] = contexts[0]!.pages()
      expect(isPdf(await printer.print(SMALL))).toBe(true)
      expect((await browser()).contexts()).toEqual(contexts)
      expect(contexts[0]!.pages()).toEqual([first])
    })

    it('queues prints beyond the pool on the pages it has', async () => {
      const pdfs = await Promise.all(Array.from({ length: 5 }, () => printer.print(SMALL)))
      expect(pdfs.every(isPdf)).toBe(true)
      const [context] = (await browser()).contexts()
      expect(context!.pages().length).toBeLessThanOrEqual(2)
    })

    it('closes a page whose print failed and prints the next export on a fresh one', async () => {
      await printer.print(SMALL)
      const context = (await browser()).contexts()[0]!
      const pages = context.pages()
      // Whichever page the print lands on fails once.
      const spies = pages.map((page) =>
        vi.spyOn(page, 'pdf').mockRejectedValueOnce(new Error('print failed')),
      )
      await expect(printer.print(SMALL)).rejects.toThrow('print failed')
      for (const spy of spies) spy.mockRestore()
      const broken = pages.filter((page) => page.isClosed())
      expect(broken).toHaveLength(1)
      expect(isPdf(await printer.print(SMALL))).toBe(true)
      expect(context.pages().some((page) => broken.includes(page))).toBe(false)
    })

    it('prints in a fresh browser when Chromium closed under the page', async () => {
      expect(isPdf(await printer.print(SMALL))).toBe(true)
      const before = await browser()
      // As a crash leaves it: the browser runs, but its context and pages are gone.
      await before.contexts()[0]!.close()
      expect(isPdf(await printer.print(SMALL))).toBe(true)
      const after = await browser()
      expect(after).not.toBe(before)
      expect(before.isConnected()).toBe(false)
    })

    it('prints A4 by default and US Letter when asked, whatever the HTML says', async () => {
      const a4 = mediaBox(await printer.print(SMALL))
      const letter = mediaBox(
        await printer.print(SMALL.replace('<p>', '<style>@page { size: A4 }</style><p>'), {
          paper: 'letter',
        }),
      )
      // Chromium rounds A4 (595.3 × 841.9 pt) to its own units.
      expect(Math.abs(a4[0] - 595.3)).toBeLessThan(1.5)
      expect(Math.abs(a4[1] - 841.9)).toBeLessThan(1.5)
      expect(letter).toEqual([612, 792])
    })

    it.skipIf(Boolean(noPoppler))(
      `prints the handling line atop and under every page and numbers the pages${noPoppler ? ` (skipped: ${noPoppler})` : ''}`,
      async () => {
        const text = await pdfText(await printer.print(TWO_PAGES, { handling: HANDLING }))
        expect(text.split(HANDLING)).toHaveLength(5) // header and footer of two pages
        expect(text).toMatch(/\b1 ?\/ ?2\b/) // pdftotext drops the thin spaces of the 8 px footer
        expect(text).toMatch(/\b2 ?\/ ?2\b/)
        expect(text).toContain('The second page.')
      },
    )

    it.skipIf(Boolean(noPoppler))(
      `prints a hostile handling line as text and fetches nothing for it${noPoppler ? ` (skipped: ${noPoppler})` : ''}`,
      async () => {
        const requests: string[] = []
        const server = createServer((req, res) => {
          requests.push(req.url ?? '')
          res.end()
        })
        await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
        const { port } = server.address() as AddressInfo
        const hostile = `<script>document.title='x'</script><img src=http://127.0.0.1:${port}/leak.png>`
        try {
          const text = await pdfText(await printer.print(SMALL, { handling: hostile }))
          expect(text).toContain("<script>document.title='x'</script>")
          expect(text).toContain(`<img src=http://127.0.0.1:${port}/leak.png>`)
          await new Promise((done) => setTimeout(done, 300))
          expect(requests).toEqual([])
        } finally {
          await new Promise((done) => server.close(done))
        }
      },
    )

    it('closes browser, context and pages on close, and starts again for the next export', async () => {
      const before = await browser()
      await printer.close()
      expect(before.isConnected()).toBe(false)
      expect(isPdf(await printer.print(SMALL))).toBe(true)
      const after = await browser()
      expect(after).not.toBe(before)
      expect(after.contexts()).toHaveLength(1)
    })
  },
)
