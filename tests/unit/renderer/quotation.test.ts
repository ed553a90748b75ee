// A highlight copied as a quotation carries its citation, in plain text and in escaped HTML.
import { describe, expect, it } from 'vitest'
import { citationDate, quotationOf } from '../../../src/renderer/highlights/quotation'
import type { HighlightRow } from '../../../src/shared/highlight-search'

const row = (fields: Partial<HighlightRow> = {}): HighlightRow => ({
  articleId: 'article01',
  title: 'Kim <pledges> support',
  siteName: 'WION',
  published: '2023-06-01T23:30:00+05:30',
  sourceUrl: 'https://www.wionews.com/world/kim',
  entityIds: [],
  highlight: {
    id: 'highlight01',
    codeId: 'evidence',
    note: '',
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'closer strategic\n\ncooperation', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 30 },
    },
  },
  ...fields,
})

describe('quotationOf', () => {
  it('cites title, site, the day as written and the URL', () => {
    expect(quotationOf(row()).text).toBe(
      '“closer strategic cooperation” — Kim <pledges> support, WION, 1 June 2023, https://www.wionews.com/world/kim',
    )
  })

  it('leaves out what the article does not have', () => {
    expect(quotationOf(row({ siteName: undefined, published: undefined, sourceUrl: undefined })).text).toBe(
      '“closer strategic cooperation” — Kim <pledges> support',
    )
  })

  it('escapes article text in the HTML and links only web addresses', () => {
    const { html } = quotationOf(row())
    expect(html).toContain('<a href="https://www.wionews.com/world/kim">Kim &lt;pledges&gt; support</a>')
    const local = quotationOf(row({ sourceUrl: 'javascript:alert(1)' })).html
    expect(local).not.toContain('<a ')
    expect(local).toContain(', javascript:alert(1)')
  })

  it('shows an unreadable date as it came', () => {
    expect(citationDate('early June')).toBe('early June')
  })
})
