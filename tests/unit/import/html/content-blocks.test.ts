// The walk from an article's DOM to text blocks: what each element becomes, what is dropped, and
// that marks and structure survive; plus the tidy step that drops a repeated headline and byline.
import { describe, expect, it } from 'vitest'
import { cleanByline, textDirection } from '../../../../src/main/services/import/html/article-fields'
import { contentBlocks } from '../../../../src/main/services/import/html/content-blocks'
import { normalizeDate } from '../../../../src/main/services/import/html/published-date'
import { parseInert } from '../../../../src/main/services/import/html/inert-dom'
import { dropRepeatedMetadata } from '../../../../src/main/services/import/html/tidy-blocks'
import { assembleText, type DraftBlock } from '../../../../src/main/services/import/text-blocks'

// The same inert DOM that import parses pages into.
const doc = parseInert('')

function blocksOf(html: string): Array<[string, string]> {
  const root = doc.createElement('div')
  root.innerHTML = html
  const { text, blocks } = assembleText(contentBlocks(root))
  return blocks.map((b) => [b.kind, text.slice(b.start, b.end)])
}

describe('content blocks', () => {
  it('gives each element its block kind, the innermost one winning', () => {
    expect(
      blocksOf(
        '<h2>Kirby speaks</h2><p>First.</p><blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote><ul><li>One</li><li><p>Two</p></li></ul><figure><img src="a.jpg"><figcaption>Kim and Putin in 2019.</figcaption></figure>',
      ),
    ).toEqual([
      ['heading', 'Kirby speaks'],
      ['paragraph', 'First.'],
      ['quote', 'Quoted one.'],
      ['quote', 'Quoted two.'],
      ['list-item', 'One'],
      ['list-item', 'Two'],
      ['figure', ''],
      ['caption', 'Kim and Putin in 2019.'],
    ])
  })

  it('writes a nested list item and the text before it as separate items', () => {
    expect(blocksOf('<ul><li>Weapons<ul><li>rockets</li><li>missiles</li></ul></li></ul>')).toEqual([
      ['list-item', 'Weapons'],
      ['list-item', 'rockets'],
      ['list-item', 'missiles'],
    ])
  })

  it('writes a data table as one row block per row, and a layout table by its blocks', () => {
    expect(
      blocksOf(
        '<table><caption>Shipments</caption><tr><th>Year</th><th>Containers</th></tr><tr><td>2022</td><td>1,000</td></tr></table>',
      ),
    ).toEqual([
      ['caption', 'Shipments'],
      ['row', 'Year · Containers'],
      ['row', '2022 · 1,000'],
    ])
    expect(
      blocksOf('<table><tr><td><p>Layout paragraph one.</p><p>Two.</p></td><td>Side</td></tr></table>'),
    ).toEqual([
      ['paragraph', 'Layout paragraph one.'],
      ['paragraph', 'Two.'],
      ['paragraph', 'Side'],
    ])
  })

  it('drops scripts, forms, media, frames and hidden elements with everything inside', () => {
    expect(
      blocksOf(
        '<p>Kept<script>pwned()</script><style>p{}</style></p><form><label>Email</label><input></form><iframe>frame</iframe><svg><text>chart</text></svg><p hidden>Hidden</p><p style="display: none">None</p><video>Your browser</video><p>Also kept</p>',
      ),
    ).toEqual([
      ['paragraph', 'Kept'],
      ['paragraph', 'Also kept'],
    ])
  })

  it('drops text only screen readers get, and blocks that only link within the page', () => {
    expect(
      blocksOf(
        '<p><span class="visually-hidden">Photo</span></p><p>Sudan sanctions <span class="sr-only">(opens in a new window)</span>lifted.</p><p><a href="#story-continues-1">Continue reading the main story</a></p><ul><li><a href="#history">1 History</a></li></ul><nav><a href="/world">World</a></nav><p>Firefox was released in 2004.<sup><a href="#cite_note-4">[4]</a></sup></p>',
      ),
    ).toEqual([
      ['paragraph', 'Sudan sanctions lifted.'],
      ['paragraph', 'Firefox was released in 2004.[4]'],
    ])
  })

  it('keeps emphasis and strong as marks on the canonical text, across a block break', () => {
    const root = doc.createElement('div')
    root.innerHTML = '<p>The <em>DPRK</em> said <b>no</b>.</p><p><i>With inputs from Reuters</i></p>'
    const { text, inline } = assembleText(contentBlocks(root))
    expect(inline.map((m) => [m.kind, text.slice(m.start, m.end)])).toEqual([
      ['emphasis', 'DPRK'],
      ['strong', 'no'],
      ['emphasis', 'With inputs from Reuters'],
    ])
  })

  it('keeps pre-formatted text as one code block, and joins lines broken by <br>', () => {
    expect(blocksOf('<pre>line one\nline two\n\nsecond block</pre><p>Pyongyang<br>Moscow</p>')).toEqual([
      ['code', 'line one\nline two\n\nsecond block'],
      ['paragraph', 'Pyongyang Moscow'],
    ])
  })

  it('walks a tree far deeper than the call stack allows', () => {
    const document = doc
    let node: Element = document.createElement('p')
    node.textContent = 'deep inside'
    for (let i = 0; i < 50_000; i++) {
      const parent = document.createElement(i % 2 ? 'div' : 'span')
      parent.appendChild(node)
      node = parent
    }
    const drafts = contentBlocks(node)
    expect(drafts.map((d) => d.text.trim())).toEqual(['deep inside'])
  })
})

describe('tidying the top of an article', () => {
  const drafts: DraftBlock[] = [
    { kind: 'heading', text: 'US concerned: North Korea plans more deliveries' },
    { kind: 'paragraph', text: 'By Wire Staff · Updated June 13, 2023, 9:30 am' },
    { kind: 'paragraph', text: 'On Monday, the State Department said it was concerned.' },
  ]

  it('drops a headline equal to the title and a line holding only the byline and a date', () => {
    const kept = dropRepeatedMetadata(
      drafts,
      'US concerned — North Korea plans more deliveries',
      'Wire Staff',
    )
    expect(kept.map((d) => d.text)).toEqual(['On Monday, the State Department said it was concerned.'])
  })

  it('keeps them when they say something else', () => {
    expect(dropRepeatedMetadata(drafts, 'Another title', 'Someone Else')).toHaveLength(3)
  })
})

describe('article fields', () => {
  it('cleans bylines', () => {
    expect(cleanByline('By Nathan Willis\n   March 25, 2015')).toBe('Nathan Willis')
    expect(cleanByline('by Lucas Nolan22 Dec 2016651')).toBe('Lucas Nolan')
    expect(cleanByline('Par Sébastien Farcis')).toBe('Sébastien Farcis')
    expect(cleanByline('April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm')).toBeUndefined()
    expect(cleanByline('https://www.facebook.com/somebody')).toBeUndefined()
    expect(cleanByline('Byron Smith')).toBe('Byron Smith')
  })

  it('normalizes dates as pages write them, keeping their local time', () => {
    expect(normalizeDate('2021-11-01T10:52:50+0100')).toBe('2021-11-01T10:52:50+01:00')
    expect(normalizeDate('2017-11-03 03:01:00.000000')).toBe('2017-11-03T03:01:00')
    expect(normalizeDate('2019-01-03T07:00:02.000Z')).toBe('2019-01-03T07:00:02Z')
    expect(normalizeDate('2023-06-13')).toBe('2023-06-13')
    expect(normalizeDate('June 13, 2023')).toBe('2023-06-13')
    expect(normalizeDate('Tue, 13 Jun 2023 09:30:00 GMT')).toBe('2023-06-13T09:30:00Z')
    expect(normalizeDate('not a date')).toBeUndefined()
    expect(normalizeDate('0001-01-01')).toBeUndefined()
  })

  it('tells right-to-left text from left-to-right', () => {
    expect(textDirection('הממשל האמריקאי הביע דאגה, said the report')).toBe('rtl')
    expect(textDirection('قالت وزارة الخارجية الأمريكية')).toBe('rtl')
    expect(textDirection('The State Department said')).toBe('ltr')
  })
})
