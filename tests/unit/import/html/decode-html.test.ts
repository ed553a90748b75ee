// Web pages in every encoding a saved page comes in read without mojibake, and sniffing finds a
// page however it starts: comments, a byte-order mark, an XML declaration, white space.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { beforeAll, describe, expect, it } from 'vitest'
import { extract } from '../../../../src/main/services/import/extract'
import { declaredCharset, decodeHtml } from '../../../../src/main/services/import/html/decode-html'
import { sniff } from '../../../../src/main/services/import/sniff'
import { corpusDir, seedsDir } from '../../../helpers'

const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding))
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('decoding web pages', () => {
  let seed: string
  let seedText: string

  beforeAll(async () => {
    seed = await readFile(join(seedsDir, '000_us-concerned-north-korea.html'), 'utf8')
    seedText = (await extract('seed.html', utf8(seed))).article.text
  })

  it('reads the declared charset from <meta charset> and from http-equiv', () => {
    expect(declaredCharset('<head><meta charset="Shift_JIS"></head>')).toBe('shift_jis')
    expect(
      declaredCharset('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'),
    ).toBe('windows-1251')
    expect(declaredCharset('<meta name="description" content="about charset=koi8-r">')).toBeUndefined()
  })

  it('decodes a windows-1252 page that says so, curly quotes included', async () => {
    const legacy = seed.replace(
      '<meta charset="utf-8">',
      '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
    )
    const { article } = await extract('legacy.html', encode(legacy, 'windows-1252'))
    expect(article.text).toBe(seedText)
    expect(article.text).toContain('Russia’s National Day')
  })

  it('trusts valid UTF-8 over a wrong declaration, and says so', async () => {
    const qq = await readFile(join(corpusDir, 'readability', 'qq', 'source.html'))
    expect(declaredCharset(qq.subarray(0, 4096).toString('latin1'))).toBe('gb2312')
    const decoded = decodeHtml(qq, 'qq.html')
    expect(decoded.encoding).toBe('utf-8')
    expect(decoded.html).toContain('人工智能')
    expect(decoded.warning).toMatch(/gb2312 but it is UTF-8/)
  })

  it('decodes Shift_JIS and GB18030 pages that declare it', () => {
    const japanese =
      '<html><head><meta charset="shift_jis"><title>欲張りなイヌ</title></head><body><p>肉をくわえたイヌが、橋を渡っていました。</p></body></html>'
    expect(decodeHtml(encode(japanese, 'shift_jis'), 'a.html').html).toBe(japanese)
    const chinese =
      '<html><head><meta charset="gbk"><title>人工智能</title></head><body><p>谷歌在2014年收购的人工智能公司。</p></body></html>'
    expect(decodeHtml(encode(chinese, 'gb18030'), 'b.html').html).toBe(chinese)
  })

  it('detects the encoding of a page that declares none, and warns', () => {
    const paragraphs = Array.from(
      { length: 20 },
      () =>
        '<p>Les députés ont adopté le projet de loi à une très large majorité, malgré l’opposition des écologistes et de quelques élus.</p>',
    ).join('')
    const page = `<html><head><title>Loi</title></head><body>${paragraphs}</body></html>`
    const decoded = decodeHtml(encode(page, 'windows-1252'), 'c.html')
    expect(decoded.html).toBe(page)
    expect(decoded.warning).toMatch(/does not say which character encoding/)
  })

  it('decodes UTF-16 with a byte-order mark, and UTF-8 with one', async () => {
    const bom16 = new Uint8Array([0xff, 0xfe, ...encode(seed, 'utf-16le')])
    expect(sniff(bom16)).toBe('html')
    expect((await extract('u16.html', bom16)).article.text).toBe(seedText)
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(seed)])
    expect(sniff(bom8)).toBe('html')
    expect((await extract('u8.html', bom8)).article.text).toBe(seedText)
  })
})

describe('sniffing web pages', () => {
  const page = '<html><head><title>t</title></head><body><p>x</p></body></html>'

  it('finds a page behind comments, white space and an XML declaration', () => {
    expect(
      sniff(utf8(`\n\n  <!-- saved from url=(0042)https://example.org/ -->\n<!DOCTYPE html>${page}`)),
    ).toBe('html')
    expect(
      sniff(
        utf8(
          `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">`,
        ),
      ),
    ).toBe('html')
    expect(
      sniff(utf8(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head/></html>`)),
    ).toBe('html')
    expect(sniff(utf8('<meta charset="utf-8"><title>t</title><p>x</p>'))).toBe('html')
  })

  it('leaves Markdown and plain text alone, even when they start with markup-like text', () => {
    expect(sniff(utf8('<div align="center">\n\n# Title\n</div>'))).toBe('text')
    expect(sniff(utf8('<!-- draft -->\n# Title\n\nText.'))).toBe('text')
    expect(sniff(utf8('Subject: notes\n\nMIME-Version in a sentence is not a header block.'))).toBe('text')
  })

  it('imports an .xhtml file through the HTML path', async () => {
    const xhtml = `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>An XHTML article</title></head><body><article><p>${'The United States is concerned that North Korea is planning to send more military weapons to Russia. '.repeat(6)}</p></article></body></html>`
    const { article, mimeType } = await extract('article.xhtml', utf8(xhtml))
    expect(mimeType).toBe('text/html')
    expect(article.title).toBe('An XHTML article')
    expect(article.text).toMatch(/^The United States is concerned/)
  })
})
