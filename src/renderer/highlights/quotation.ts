// A highlight as a quotation with its citation, for the clipboard: plain text for any editor, and HTML
// (a blockquote with a linked title) for editors that take rich text. Article text is always escaped.
import type { HighlightRow } from '../../shared/highlight-search'

export interface Quotation {
  text: string
  html: string
}

const longDay = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "1 June 2023" from the published date as written (its calendar day, never shifted by time zone). */
export function citationDate(published: string | undefined): string | undefined {
  const value = published?.trim()
  if (!value) return undefined
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  const at = day ? Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!) : Date.parse(value)
  return Number.isNaN(at) ? value : longDay.format(at)
}

/** Only web links are linked; anything else is cited as text. */
function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`)

/** The quoted passage on one line, as the reader shows it. */
function passage(row: HighlightRow): string {
  return row.highlight.target.quote.exact.replace(/\s+/g, ' ').trim()
}

export function quotationOf(row: HighlightRow): Quotation {
  const quote = passage(row)
  const date = citationDate(row.published)
  const url = row.sourceUrl?.trim() || undefined
  const citation = [row.title, row.siteName, date, url].filter(Boolean).join(', ')
  const text = `“${quote}” — ${citation}`

  const link = webUrl(url)
  const title = link ? `<a href="${escapeHtml(link)}">${escapeHtml(row.title)}</a>` : escapeHtml(row.title)
  const rest = [row.siteName, date, link ? undefined : url].filter(Boolean).map((part) => escapeHtml(part!))
  const html =
    `<blockquote><p>“${escapeHtml(quote)}”</p>` +
    `<p>— <cite>${title}</cite>${rest.map((part) => `, ${part}`).join('')}</p></blockquote>`
  return { text, html }
}
