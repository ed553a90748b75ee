// The pass over a page's markup before it is parsed: unread content left out, nesting capped.
import { describe, expect, it } from 'vitest'
import { limitNesting } from '../../../../src/main/services/import/html/limit-nesting'

const filler = '<p>The convoy crossed the border near Sinuiju before dawn, officials said.</p>'.repeat(12)

describe('readying a page for the parser', () => {
  it('leaves out scripts, styles, SVG drawings and comments, and keeps JSON-LD and the text', () => {
    const ldJson = '{"@type":"NewsArticle","headline":"Convoy"}'
    const page =
      `<html><head><script>window.track("</div>")</script><style>p { color: red }</style>` +
      `<script type="application/ld+json">${ldJson}</script></head><body><!-- ad slot -->` +
      `<svg viewBox="0 0 10 10"><text>icon label</text><path d="M0 0"/></svg><svg/>${filler}</body></html>`
    const { html, flattened } = limitNesting(page)
    expect(flattened).toBe(false)
    expect(html).not.toContain('window.track')
    expect(html).not.toContain('color: red')
    expect(html).not.toContain('icon label')
    expect(html).not.toContain('ad slot')
    expect(html).toContain(ldJson)
    expect(html).toContain('<script></script><style></style>')
    expect(html).toContain('<svg viewBox="0 0 10 10"></svg><svg/>')
    expect(html).toContain(filler)
  })

  it('leaves out a block of navigation links, but not one that holds article markup or is left open', () => {
    const links = '<nav><ul><li><a href="/world">World</a></li><li><a href="/asia">Asia</a></li></ul></nav>'
    expect(limitNesting(`<html><body>${links}${filler}</body></html>`).html).not.toContain('Asia')
    const holding = '<nav><p>Kim arrived in Vladivostok by train on Tuesday.</p></nav>'
    expect(limitNesting(`<html><body>${holding}${filler}</body></html>`).html).toContain('Vladivostok')
    // Left open, the menu would swallow the article up to the next menu's end tag.
    const open = `<nav><a href="/world">World</a>${filler}<nav><a href="/asia">Asia</a></nav>`
    expect(limitNesting(`<html><body>${open}</body></html>`).html).toContain(filler)
    const svgOpen = `<svg><path d="M0 0"/>${filler}</svg>`
    expect(limitNesting(`<html><body>${svgOpen}</body></html>`).html).toContain(filler)
  })

  it('reads a script left open to the end as a browser does: all of the rest is script', () => {
    const { html } = limitNesting(`<html><body>${filler}<script>var a = "<p>not text</p>";`)
    expect(html.endsWith('<script>')).toBe(true)
    expect(html).toContain(filler)
  })

  it('flattens tags deeper than the cap and says so, keeping their text', () => {
    const deep = `${'<div>'.repeat(200)}deep text${'</div>'.repeat(200)}`
    const { html, flattened } = limitNesting(`<html><body>${deep}</body></html>`, 128)
    expect(flattened).toBe(true)
    expect(html).toContain('deep text')
    // <html> and <body> are two of the 128 levels.
    expect(html.match(/<div>/g)).toHaveLength(126)
  })
})
