// The workspace's highlights as a CSV a spreadsheet opens as it is: RFC 4180 quoting of every field,
// CRLF rows, a UTF-8 byte order mark, and fields a spreadsheet would run as a formula defused with a '.
import { codeResolver, resolveCode } from '../codes/codebook'
import { paragraphNumber } from '../brief/brief-export'
import type { Workspace } from '../store/workspace'

export const CSV_COLUMNS = ['article', 'site', 'published', 'code', 'quote', 'note', 'citation'] as const

/** One field quoted per RFC 4180; a leading = + - @ (or tab/CR, which some spreadsheets skip) gets a '. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n'
}

/** "Title, Site, 2023-06-13, ¶ 4": where a quoted passage came from. */
function citation(parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join(', ')
}

export async function highlightsCsv(workspace: Workspace): Promise<string> {
  const resolve = codeResolver(workspace.codes)
  let out = '\uFEFF' + csvRow(CSV_COLUMNS)
  for (const row of workspace.articles) {
    const article = await workspace.peekArticle(row.id)
    for (const h of article.highlights) {
      const code = resolveCode(workspace.codes, resolve(h.codeId))?.name ?? ''
      const paragraph = h.unanchored ? undefined : paragraphNumber(article, h.target.position.start)
      const where = paragraph === undefined ? undefined : `¶ ${paragraph}`
      out += csvRow([
        article.title,
        article.siteName ?? '',
        article.published ?? '',
        code,
        h.target.quote.exact,
        h.note,
        citation([article.title, article.siteName, article.published, where]),
      ])
    }
  }
  return out
}
