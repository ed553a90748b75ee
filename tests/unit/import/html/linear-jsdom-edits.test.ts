// The patch that makes jsdom's edits of a wide element linear must be in place (a jsdom upgrade
// that moves its internals should be noticed here, not as a slow import), and must change nothing
// that a page or Readability can see: live child lists and Ranges behave as before.
import { describe, expect, it } from 'vitest'
import { parseInert } from '../../../../src/main/services/import/html/extract-html'
import { makeJsdomEditsLinear } from '../../../../src/main/services/import/html/linear-jsdom-edits'

describe('linear jsdom edits', () => {
  it('is in place for the jsdom Dossier uses', () => {
    const dom = parseInert('<p>x</p>')
    expect(makeJsdomEditsLinear(dom)).toBe(true)
    dom.window.close()
  })

  it('keeps live child lists up to date through removals and insertions', () => {
    const dom = parseInert(`<body>${'<p>a</p>'.repeat(5)}</body>`)
    const body = dom.window.document.body
    const children = body.children
    const nodes = body.childNodes
    expect(children.length).toBe(5)
    body.lastElementChild!.remove()
    body.firstElementChild!.remove()
    expect(children.length).toBe(3)
    expect(nodes.length).toBe(3)
    body.append(dom.window.document.createElement('div'))
    expect(children[3]!.localName).toBe('div')
    expect([...nodes].map((n) => n.nodeName)).toEqual(['P', 'P', 'P', 'DIV'])
    dom.window.close()
  })

  it('still finds an element named "length" through namedItem, while .length stays the count', () => {
    const dom = parseInert('<body><p id="length">a</p><p name="item">b</p></body>')
    const paragraphs = dom.window.document.getElementsByTagName('p')
    expect(paragraphs.length).toBe(2)
    expect(paragraphs.namedItem('length')?.textContent).toBe('a')
    expect(typeof paragraphs.item).toBe('function')
    dom.window.close()
  })

  it('still moves a Range when a node before it is removed', () => {
    const dom = parseInert(`<body>${'<p>a</p>'.repeat(5)}</body>`)
    const doc = dom.window.document
    const range = doc.createRange()
    range.setStart(doc.body, 4)
    range.setEnd(doc.body, 5)
    doc.body.children[1]!.remove()
    expect([range.startOffset, range.endOffset]).toEqual([3, 4])
    dom.window.close()
  })
})
