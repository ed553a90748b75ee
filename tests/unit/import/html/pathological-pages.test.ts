// Small pages built to be slow: thousands of empty elements or tiny text nodes in one parent. Each
// must import (or fail with a sentence) within the test's time limit; 16,000 empty paragraphs once
// took 97 s. No speed is asserted, only that the import finishes and finds the article.
import { describe, expect, it } from 'vitest'
import { extract } from '../../../../src/main/services/import/extract'

const SENTENCE = 'Kim Jong Un met Vladimir Putin in Vladivostok, officials said on Tuesday.'

function page(body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><body>${body}<p>${SENTENCE}</p></body></html>`)
}

const PAGES: [string, string][] = [
  ['16,000 unclosed <p>', '<p>'.repeat(16_000)],
  ['16,000 <p></p>', '<p></p>'.repeat(16_000)],
  ['8,000 empty <div>', '<div></div>'.repeat(8_000)],
  ['8,000 empty <li> in a list', `<ul>${'<li></li>'.repeat(8_000)}</ul>`],
  ['16,000 <br>', '<br>'.repeat(16_000)],
  ['8,000 nested <span>', '<span>'.repeat(8_000)],
  ['16,000 tiny text nodes', 'a<b></b>'.repeat(16_000)],
]

describe('pathological web pages', () => {
  for (const [name, body] of PAGES) {
    it(`imports a page of ${name} and finds its sentence`, { timeout: 60_000 }, async () => {
      const { article } = await extract('page.html', page(body))
      expect(article.text).toContain(SENTENCE)
    })
  }
})
