// Pages saved as one file (MHTML): generated here from the seed page the way Chrome (quoted-printable
// UTF-8, frames as extra parts) and Internet Explorer (base64, windows-1252) write them.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { beforeAll, describe, expect, it } from 'vitest'
import { visibleText } from '../../../../src/main/services/import/boilerplate'
import { extract, type Extraction } from '../../../../src/main/services/import/extract'
import { sniff } from '../../../../src/main/services/import/sniff'
import { seedsDir } from '../../../helpers'

const PAGE_URL = 'https://wire.example.org/world/us-concerned-north-korea-military-equipment-russia'
const SAVED_FROM = 'https://wire.example.org/world/us-concerned-north-korea?utm_source=feed'
const BOUNDARY = '----MultipartBoundary--8Hy3kVQ0zK----'

/** RFC 2045 §6.7 quoted-printable, with soft line breaks before 76 characters. */
function quotedPrintable(bytes: Uint8Array): string {
  const lines: string[] = []
  let line = ''
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b === 0x0a) {
      lines.push(
        line.replace(/[ \t]$/, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`),
      )
      line = ''
      continue
    }
    const literal = (b >= 33 && b <= 126 && b !== 61) || b === 32 || b === 9
    const piece = literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`
    if (line.length + piece.length > 75) {
      lines.push(`${line}=`)
      line = ''
    }
    line += piece
  }
  lines.push(line)
  return lines.join('\r\n')
}

function base64Lines(bytes: Uint8Array): string {
  return (
    Buffer.from(bytes)
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n')
}

interface Part {
  type: string
  location: string
  body: Uint8Array
  encoding: 'quoted-printable' | 'base64'
  contentId?: string
}

/** A multipart/related file as browsers save it: top headers, then one MIME part per resource. */
function mhtml(parts: readonly Part[], top: Record<string, string>): Uint8Array {
  const head = [
    ...Object.entries(top).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    `Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${BOUNDARY}"`,
    '',
    '',
  ]
  const body = parts.map((part) =>
    [
      `--${BOUNDARY}`,
      `Content-Type: ${part.type}`,
      ...(part.contentId ? [`Content-ID: <${part.contentId}>`] : []),
      `Content-Transfer-Encoding: ${part.encoding}`,
      `Content-Location: ${part.location}`,
      '',
      part.encoding === 'base64' ? base64Lines(part.body) : quotedPrintable(part.body),
      '',
    ].join('\r\n'),
  )
  return new TextEncoder().encode(`${head.join('\r\n')}${body.join('')}--${BOUNDARY}--\r\n`)
}

const AD_FRAME =
  '<html><body><p>Win a cruise! Advertisement frame with plenty of words so that it would count as text if it were read.</p></body></html>'

function chromeStyle(html: string, location: string): Uint8Array {
  const utf8 = new TextEncoder().encode(html)
  return mhtml(
    [
      {
        type: 'text/html',
        location,
        body: utf8,
        encoding: 'quoted-printable',
        contentId: 'frame-8A7B@mhtml.blink',
      },
      {
        type: 'text/css',
        location: 'https://wire.example.org/site.css',
        body: new TextEncoder().encode('.nav{display:flex}'),
        encoding: 'quoted-printable',
      },
      {
        type: 'image/png',
        location: 'https://wire.example.org/img/kim-putin.jpg',
        body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
        encoding: 'base64',
      },
      {
        type: 'text/html',
        location: 'cid:frame-9C1D@mhtml.blink',
        body: new TextEncoder().encode(AD_FRAME),
        encoding: 'quoted-printable',
        contentId: 'frame-9C1D@mhtml.blink',
      },
    ],
    {
      From: '<Saved by Blink>',
      'Snapshot-Content-Location': location,
      Subject: 'US concerned North Korean leader',
      Date: 'Tue, 13 Jun 2023 10:00:00 -0000',
    },
  )
}

describe('MHTML import', () => {
  let seedHtml: string
  let fromHtml: Extraction

  beforeAll(async () => {
    seedHtml = await readFile(join(seedsDir, '000_us-concerned-north-korea.html'), 'utf8')
    fromHtml = await extract('page.html', new TextEncoder().encode(seedHtml))
  })

  it('is sniffed from its MIME headers, whatever the file is called', () => {
    expect(sniff(chromeStyle(seedHtml, PAGE_URL))).toBe('mhtml')
  })

  it('reads a Chrome-saved page like the page itself, without its frames', async () => {
    const { article, mimeType } = await extract('page.mhtml', chromeStyle(seedHtml, SAVED_FROM))
    expect(mimeType).toBe('multipart/related')
    expect(article.title).toBe(fromHtml.article.title)
    expect(article.text).toBe(fromHtml.article.text)
    expect(visibleText(article.text, article.blocks)).toBe(
      visibleText(fromHtml.article.text, fromHtml.article.blocks),
    )
    expect(article.text).not.toContain('Win a cruise')
    // The page's canonical URL outranks the address it was saved from.
    expect(article.sourceUrl).toBe(PAGE_URL)
    expect(article.published).toBe('2023-06-13T09:30:00+05:30')
  })

  it('takes the saved-from address as the source when the page names no canonical URL', async () => {
    const withoutCanonical = seedHtml.replace(/<link rel="canonical"[^>]*>/, '')
    const { article } = await extract('page.mht', chromeStyle(withoutCanonical, SAVED_FROM))
    expect(article.sourceUrl).toBe(SAVED_FROM)
  })

  it('decodes an Internet Explorer-style file: base64 windows-1252 with the charset in the MIME header', async () => {
    const legacy = seedHtml.replace('<meta charset="utf-8">', '')
    const body = new Uint8Array(iconv.encode(legacy, 'windows-1252'))
    const file = mhtml(
      [{ type: 'text/html; charset="windows-1252"', location: PAGE_URL, body, encoding: 'base64' }],
      {
        From: '<Saved by Windows Internet Explorer 8>',
        Subject: 'US concerned',
      },
    )
    const { article } = await extract('page.mht', file)
    expect(article.text).toContain('marking Russia’s National Day')
    expect(article.text).toContain('“closer strategic cooperation”')
    expect(article.text).toBe(fromHtml.article.text)
  })

  it('refuses an MHTML file without a page inside, naming the file', async () => {
    const file = mhtml(
      [
        {
          type: 'image/png',
          location: 'https://example.org/a.png',
          body: new Uint8Array([1, 2, 3]),
          encoding: 'base64',
        },
      ],
      { From: '<Saved by Blink>' },
    )
    await expect(extract('pictures.mhtml', file)).rejects.toMatchObject({
      code: 'empty-file',
      message: expect.stringContaining('pictures.mhtml'),
    })
  })
})
