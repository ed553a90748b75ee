// The brief as Markdown. Article text is data: every character that Markdown or HTML would read
// as syntax is escaped, so nothing in an article can become a link, image, heading or tag; the
// structure a quote runs through (headings, lists, code, tables, figures) is written by the brief.
import {
  buildBrief,
  sourceLine,
  TYPE_LABELS,
  type BriefDocument,
  type BriefQuote,
  UNANCHORED_LABEL,
} from './brief-model'
import type { QuotePart } from './quote-parts'
import type { Article, Code, Entity } from '../../../shared/model'

/**
 * Escapes text for use inside a Markdown paragraph (CommonMark §2.4 backslash escapes: any ASCII
 * punctuation may be escaped and renders as itself). Besides Markdown's own syntax this stops the
 * renderers that make links of bare text: GFM's extended autolinks (`www.`, `http://`, emails) and
 * linkify-it (markdown-it's `linkify`: `//host`, `label.tld`, IPv4 addresses, emails). Both see an
 * escaped character as a token of its own, so no address can run across it.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]{}<>|~!#@]/g, '\\$&')
      .replace(/&(?=#?\w+;)/g, '&amp;')
      .replace(/\b(https?|ftp|mailto|javascript|data|file):/gi, '$1\\:')
      .replace(/\/\//g, '\\/\\/')
      // A dot between a label and a letter ends every domain name (a top-level domain starts with a
      // letter); the dots of a dotted quad end an IP address. Decimals like 3.5 need nothing.
      .replace(/(?<=[\p{L}\p{N}_-])\.(?=\p{L})/gu, '\\.')
      .replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, (ip) => ip.replaceAll('.', '\\.'))
      .replace(/\bwww\./gi, 'www\\.')
      .replace(
        /^(\s*)([-+=>]|\d+[.)])/gm,
        (_m, space: string, mark: string) => `${space}${mark.replace(/([-+=>.)])$/, '\\$1')}`,
      )
  )
}

const LANGUAGE = /^[A-Za-z0-9_+#.-]{1,30}$/

/** A fence longer than any run of backticks in the code, so nothing in it can close the fence (CommonMark §4.5). */
function codeFence(part: QuotePart): string[] {
  const longest = Math.max(0, ...(part.text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  const info = part.language && LANGUAGE.test(part.language) ? part.language : ''
  return [`${fence}${info}`, ...part.text.split('\n'), fence]
}

/** A GFM table; without a header row among the quoted rows, the header cells are left empty. */
function table(rows: QuotePart[]): string[] {
  const columns = Math.max(1, ...rows.map((row) => row.cells?.length ?? 1))
  const line = (cells: readonly string[]) =>
    `| ${Array.from({ length: columns }, (_, i) => escapeMarkdown(cells[i] ?? '')).join(' | ')} |`
  const header = rows[0]?.header ? rows.shift()!.cells! : []
  return [line(header), `|${' --- |'.repeat(columns)}`, ...rows.map((row) => line(row.cells ?? [row.text]))]
}

/** Nested items are indented to their parent's text, as CommonMark §5.2 needs. */
function listLines(items: QuotePart[]): string[] {
  const indents = [0]
  return items.map((item) => {
    const depth = Math.min(item.depth ?? 0, indents.length - 1)
    const marker = item.ordered ? `${item.number ?? 1}.` : '-'
    indents.length = depth + 1
    indents.push(indents[depth]! + marker.length + 1)
    return `${' '.repeat(indents[depth]!)}${marker} ${escapeMarkdown(item.text)}`
  })
}

function partLines(part: QuotePart): string[] {
  switch (part.kind) {
    case 'heading':
      // The brief's own sections are level 2, so a quoted heading starts at level 3.
      return [`${'#'.repeat(Math.min(6, (part.rank ?? 2) + 1))} ${escapeMarkdown(part.text)}`]
    case 'code':
      return codeFence(part)
    case 'figure':
      return [part.alt ? `*\\[Image: ${escapeMarkdown(part.alt)}\\]*` : '*\\[Image\\]*']
    case 'caption':
      return [`*${escapeMarkdown(part.text)}*`]
    default:
      return part.text.split('\n').map((line) => escapeMarkdown(line))
  }
}

/** A quote as a blockquote of its parts: list items and table rows in runs, a blank line between runs. */
export function quoteBlock(quote: Pick<BriefQuote, 'parts'>): string {
  const runs: string[][] = []
  for (let i = 0; i < quote.parts.length;) {
    const kind = quote.parts[i]!.kind
    if (kind === 'list-item' || kind === 'row') {
      let j = i
      while (j < quote.parts.length && quote.parts[j]!.kind === kind) j++
      const run = quote.parts.slice(i, j)
      runs.push(kind === 'row' ? table(run) : listLines(run))
      i = j
    } else {
      runs.push(partLines(quote.parts[i]!))
      i++
    }
  }
  return runs
    .flatMap((lines, i) => (i > 0 ? ['', ...lines] : lines))
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n')
}

/** A link only for a plain web address; anything else is shown as escaped text. */
export function linkTo(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:')
      return `<${encodeURI(decodeURI(parsed.href))}>`
  } catch {
    // not a URL: fall through
  }
  return escapeMarkdown(url)
}

export function renderMarkdown(brief: BriefDocument): string {
  const out: string[] = [`# ${escapeMarkdown(brief.title)}`, '']
  const source = sourceLine(brief)
  if (source) out.push(`**Source:** ${escapeMarkdown(source)}  `)
  if (brief.sourceUrl) out.push(`**Link:** ${linkTo(brief.sourceUrl)}  `)
  out.push(`**File:** ${escapeMarkdown(brief.originalName)}`, '')
  out.push('## Highlights', '')
  if (brief.quotes.length === 0) out.push('_No passages highlighted._', '')
  for (const quote of brief.quotes) {
    out.push(quoteBlock(quote), '')
    if (quote.code) out.push(`**Code:** ${escapeMarkdown(quote.code.name)}`, '')
    if (quote.unanchored) out.push(`_${escapeMarkdown(UNANCHORED_LABEL)}_`, '')
    if (quote.note) out.push(`**Note:** ${escapeMarkdown(quote.note).replace(/\n/g, '  \n')}`, '')
  }
  out.push('## Entities', '')
  if (brief.entities.length === 0) out.push('_No entities tagged._', '')
  for (const type of Object.keys(TYPE_LABELS) as (keyof typeof TYPE_LABELS)[]) {
    const rows = brief.entities.filter((e) => e.type === type)
    if (rows.length === 0) continue
    out.push(`**${TYPE_LABELS[type]}**`, '')
    for (const entity of rows) {
      const forms = entity.forms.length
        ? ` (as ${entity.forms.map((f) => `“${escapeMarkdown(f)}”`).join(', ')})`
        : ''
      out.push(`- ${escapeMarkdown(entity.name)}${forms}`)
    }
    out.push('')
  }
  out.push('---', '', `_Brief generated by Dossier on ${brief.generatedAt.toISOString().slice(0, 10)}._`, '')
  return out.join('\n')
}

export function articleMarkdown(
  article: Article,
  entities: readonly Entity[],
  codes: readonly Code[] = [],
): string {
  return renderMarkdown(buildBrief(article, entities, codes))
}
