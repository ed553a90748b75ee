// The brief as one self-contained print HTML page, the single source of every PDF. All document
// text is escaped, the page has no script and a CSP that forbids loading anything. A quote keeps the
// structure it runs through: headings, lists, code, tables, and a figure as a line naming the image.
import {
  buildBrief,
  formatDate,
  sourceLine,
  TYPE_LABELS,
  UNANCHORED_LABEL,
  type BriefDocument,
} from './brief-model'
import { escapeHtml } from '../../../shared/escape-html'
import type { QuotePart } from './quote-parts'
import type { Article, Code, Entity } from '../../../shared/model'

export { escapeHtml }

/** The look every printed brief shares; the page size and margins are set by each page. */
export const STYLE = `
* { box-sizing: border-box; }
body { font-family: Georgia, 'DejaVu Serif', 'Liberation Serif', 'Times New Roman', serif; color: #1b1b1f;
  font-size: 11pt; line-height: 1.5; margin: 0; font-variant-ligatures: none; font-kerning: none; }
header { border-bottom: 2px solid #1b1b1f; padding-bottom: 10pt; margin-bottom: 16pt; }
.kicker { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 8pt; letter-spacing: 0.12em;
  text-transform: uppercase; color: #5c5f66; margin: 0 0 6pt; }
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 8pt; }
.meta { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 9pt; color: #45474d; margin: 2pt 0; }
.meta b { color: #1b1b1f; }
.url { word-break: break-all; }
h2 { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 10pt; letter-spacing: 0.08em;
  text-transform: uppercase; color: #1b1b1f; border-bottom: 1px solid #d0d2d8; padding-bottom: 3pt; margin: 18pt 0 10pt; }
blockquote { margin: 0 0 12pt; padding: 4pt 0 4pt 12pt; border-left: 3pt solid #e8b400; break-inside: avoid; }
blockquote p { margin: 0; font-size: 11.5pt; }
blockquote p.code-name { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 8pt; font-weight: bold;
  text-transform: uppercase; letter-spacing: 0.04em; color: #5c5f66; margin-bottom: 2pt; }
blockquote > * + * { margin-top: 6pt; }
blockquote :is(h3, h4, h5, h6) { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; margin: 0; line-height: 1.3; }
blockquote h3 { font-size: 12pt; } blockquote h4 { font-size: 11pt; } blockquote :is(h5, h6) { font-size: 10pt; }
blockquote :is(ul, ol) { margin: 0; padding-left: 16pt; }
blockquote pre { margin: 0; padding: 6pt 8pt; background: #f4f5f7; border-radius: 3pt; font-size: 9pt; line-height: 1.4;
  font-family: 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace; white-space: pre-wrap; }
blockquote table { border-collapse: collapse; font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 9pt; }
blockquote :is(th, td) { border: 0.5pt solid #c9ccd3; padding: 2pt 6pt; text-align: left; vertical-align: top; }
blockquote th { background: #f4f5f7; }
blockquote p.caption { font-style: italic; font-size: 10pt; color: #45474d; }
blockquote p.figure { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 9pt; color: #5c5f66; }
.note { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #2c2e33;
  margin: 5pt 0 0; white-space: pre-wrap; }
.note b { color: #1b1b1f; }
.unanchored { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 9pt; color: #6b6e75;
  font-style: italic; margin: 3pt 0 0; }
.empty { color: #6b6e75; font-style: italic; }
.entities { display: grid; grid-template-columns: 1fr 1fr; gap: 6pt 24pt; }
.group { break-inside: avoid; }
.group h3 { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 9pt; margin: 0 0 3pt; color: #45474d; }
.group ul { margin: 0 0 8pt; padding-left: 14pt; }
.forms { color: #6b6e75; }
footer { margin-top: 24pt; font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 8pt; color: #6b6e75; }
`

/** List items as nested lists: an item one level deeper opens a list inside the item before it. */
function listHtml(items: QuotePart[]): string {
  let html = ''
  const open: Array<'ul' | 'ol'> = []
  for (const item of items) {
    const depth = Math.min(item.depth ?? 0, open.length)
    while (open.length > depth + 1) html += `</li></${open.pop()}>`
    const tag = item.ordered ? 'ol' : 'ul'
    if (open.length === depth + 1 && open[depth] !== tag) html += `</li></${open.pop()}>`
    if (open.length === depth) {
      open.push(tag)
      html +=
        item.ordered && item.number !== undefined && item.number !== 1
          ? `<ol start="${item.number}">`
          : `<${tag}>`
    } else html += '</li>'
    html += `<li>${escapeHtml(item.text)}`
  }
  while (open.length) html += `</li></${open.pop()}>`
  return html
}

function tableHtml(rows: QuotePart[]): string {
  const body = rows
    .map((row) => {
      const cell = row.header ? 'th' : 'td'
      return `<tr>${(row.cells ?? [row.text]).map((c) => `<${cell}>${escapeHtml(c)}</${cell}>`).join('')}</tr>`
    })
    .join('')
  return `<table>${body}</table>`
}

function partHtml(part: QuotePart): string {
  switch (part.kind) {
    case 'heading': {
      const level = Math.min(6, (part.rank ?? 2) + 1)
      return `<h${level}>${escapeHtml(part.text)}</h${level}>`
    }
    case 'code':
      return `<pre><code>${escapeHtml(part.text)}</code></pre>`
    case 'figure':
      return `<p class="figure">[Image${part.alt ? `: ${escapeHtml(part.alt)}` : ''}]</p>`
    case 'caption':
      return `<p class="caption">${escapeHtml(part.text)}</p>`
    default:
      return part.text
        .split(/\n\s*\n/)
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join('')
  }
}

/** A quote's parts, list items and table rows taken in runs. */
export function quoteHtml(parts: QuotePart[]): string {
  let html = ''
  for (let i = 0; i < parts.length;) {
    const kind = parts[i]!.kind
    if (kind === 'list-item' || kind === 'row') {
      let j = i
      while (j < parts.length && parts[j]!.kind === kind) j++
      html += kind === 'row' ? tableHtml(parts.slice(i, j)) : listHtml(parts.slice(i, j))
      i = j
    } else html += partHtml(parts[i++]!)
  }
  return html
}

function quotes(brief: BriefDocument): string {
  if (brief.quotes.length === 0) return '<p class="empty">No passages highlighted.</p>'
  return brief.quotes
    .map((q) => {
      const paragraphs = quoteHtml(q.parts)
      const note = q.note ? `<p class="note"><b>Note:</b> ${escapeHtml(q.note)}</p>` : ''
      const code = q.code ? `<p class="code-name">${escapeHtml(q.code.name)}</p>` : ''
      // The colour is a validated #rrggbb of the codebook, never text from an article.
      const style =
        q.code && /^#[0-9a-f]{6}$/i.test(q.code.color) ? ` style="border-left-color: ${q.code.color}"` : ''
      const lost = q.unanchored ? `<p class="unanchored">${escapeHtml(UNANCHORED_LABEL)}</p>` : ''
      return `<blockquote${style}>${code}${paragraphs}${lost}${note}</blockquote>`
    })
    .join('\n')
}

function entities(brief: BriefDocument): string {
  if (brief.entities.length === 0) return '<p class="empty">No entities tagged.</p>'
  const groups = (Object.keys(TYPE_LABELS) as (keyof typeof TYPE_LABELS)[])
    .map((type) => {
      const rows = brief.entities.filter((e) => e.type === type)
      if (rows.length === 0) return ''
      const items = rows
        .map((e) => {
          const forms = e.forms.length
            ? ` <span class="forms">(as ${e.forms.map((f) => `“${escapeHtml(f)}”`).join(', ')})</span>`
            : ''
          return `<li>${escapeHtml(e.name)}${forms}</li>`
        })
        .join('')
      return `<div class="group"><h3>${TYPE_LABELS[type]}</h3><ul>${items}</ul></div>`
    })
    .join('')
  return `<div class="entities">${groups}</div>`
}

export function renderPrintHtml(brief: BriefDocument): string {
  const source = sourceLine(brief)
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(brief.title)}</title>
<style>@page { size: A4; margin: 22mm 20mm 24mm; }${STYLE}</style></head>
<body>
<header>
<p class="kicker">Dossier brief</p>
<h1>${escapeHtml(brief.title)}</h1>
${source ? `<p class="meta"><b>Source:</b> ${escapeHtml(source)}</p>` : ''}
${brief.sourceUrl ? `<p class="meta url"><b>Link:</b> ${escapeHtml(brief.sourceUrl)}</p>` : ''}
<p class="meta"><b>File:</b> ${escapeHtml(brief.originalName)}</p>
</header>
<h2>Highlights</h2>
${quotes(brief)}
<h2>Entities</h2>
${entities(brief)}
<footer>Brief generated by Dossier on ${escapeHtml(formatDate(brief.generatedAt.toISOString()) ?? '')}.</footer>
</body></html>`
}

export function articlePrintHtml(
  article: Article,
  entities: readonly Entity[],
  codes: readonly Code[] = [],
): string {
  return renderPrintHtml(buildBrief(article, entities, codes))
}
