// A composed brief as one standalone HTML page: the HTML export as it is, and the source of its PDF.
// No script, a CSP that loads nothing, every string escaped; the handling line heads the page (the PDF
// also prints it in the running header and footer of every page).
import type { BriefExport, ExportedExcerpt } from './brief-export'
import {
  briefDateText,
  citationText,
  judgementLabel,
  likelihoodScale,
  SCALE_NOTE,
  sourceFields,
} from './brief-citations'
import { TYPE_LABELS } from './brief-model'
import { escapeHtml, quoteHtml, STYLE } from './print-html'

/** A contents list is printed from this many sections on. */
export const CONTENTS_FROM = 3

const BRIEF_STYLE = `
.handling { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 8.5pt; font-weight: bold;
  letter-spacing: 0.08em; text-align: center; text-transform: uppercase; color: #1b1b1f; margin: 0 0 10pt; }
.bluf { border: 1px solid #c9ccd3; background: #f7f8fa; padding: 8pt 10pt; margin: 0 0 12pt; break-inside: avoid; }
.bluf h2 { border: 0; margin: 0 0 4pt; padding: 0; }
.bluf p { margin: 0 0 4pt; }
ol.judgements { padding-left: 16pt; margin: 0 0 8pt; }
ol.judgements li { margin: 0 0 6pt; break-inside: avoid; }
.judgement-label { display: block; font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 8.5pt;
  color: #45474d; font-style: italic; }
.scale { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 8.5pt; color: #45474d; margin: 4pt 0 12pt; }
.scale table { border-collapse: collapse; margin-top: 4pt; }
.scale td { border: 0.5pt solid #c9ccd3; padding: 1pt 6pt; }
nav.contents { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 9.5pt; margin: 0 0 12pt; }
nav.contents ol { margin: 0; padding-left: 16pt; }
nav.contents a { color: inherit; text-decoration: none; }
.cite { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 8.5pt; color: #45474d; margin: 3pt 0 0; }
.cite sup { font-weight: bold; color: #1b1b1f; }
.commentary { margin: 4pt 0 0; }
.paragraph { margin: 0 0 10pt; }
.item { margin: 0 0 14pt; }
ol.sources, ol.notes { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 9pt; padding-left: 18pt; }
ol.sources li, ol.notes li { margin: 0 0 4pt; break-inside: avoid; }
`

function paragraphs(text: string, className?: string): string {
  const cls = className ? ` class="${className}"` : ''
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p${cls}>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('')
}

function excerptHtml(excerpt: ExportedExcerpt): string {
  // The colour is a validated #rrggbb of the codebook, never text from an article.
  const style =
    excerpt.code && /^#[0-9a-f]{6}$/i.test(excerpt.code.color)
      ? ` style="border-left-color: ${excerpt.code.color}"`
      : ''
  const code = excerpt.code ? `<p class="code-name">${escapeHtml(excerpt.code.name)}</p>` : ''
  const where = excerpt.paragraph !== undefined ? `, ¶ ${excerpt.paragraph}` : ''
  const state = excerpt.removed
    ? '<p class="unanchored">The highlight was removed from its article; quoted as it was.</p>'
    : excerpt.unanchored
      ? '<p class="unanchored">This passage is no longer found in the current text of the article.</p>'
      : ''
  const note = excerpt.note ? `<p class="note"><b>Note:</b> ${escapeHtml(excerpt.note)}</p>` : ''
  return `<div class="item"><blockquote${style}>${code}${quoteHtml(excerpt.parts)}${state}</blockquote>
<p class="cite"><sup>[${excerpt.number}]</sup> Source ${excerpt.source.number}${where}</p>${note}${paragraphs(excerpt.commentary, 'commentary')}</div>`
}

export function briefHtml(brief: BriefExport): string {
  const byline = [brief.author, briefDateText(brief.date)].filter(Boolean).join(' · ')
  const sections = brief.sections.map((section, i) => {
    const items = section.items.length
      ? section.items
          .map((item) => (item.kind === 'paragraph' ? paragraphs(item.text, 'paragraph') : excerptHtml(item)))
          .join('\n')
      : '<p class="empty">Nothing in this section yet.</p>'
    return `<section><h2 id="s${i + 1}">${escapeHtml(section.title || 'Untitled section')}</h2>\n${items}</section>`
  })
  const contents =
    brief.sections.length >= CONTENTS_FROM
      ? `<nav class="contents"><h2>Contents</h2><ol>${brief.sections
          .map((s, i) => `<li><a href="#s${i + 1}">${escapeHtml(s.title || 'Untitled section')}</a></li>`)
          .join('')}</ol></nav>`
      : ''
  const judgements = brief.judgements.length
    ? `<h2>Key judgements</h2><ol class="judgements">${brief.judgements
        .map(
          (j) =>
            `<li>${escapeHtml(j.text)}<span class="judgement-label">${escapeHtml(judgementLabel(j))}</span></li>`,
        )
        .join('')}</ol>${
        brief.likelihoodScale
          ? `<div class="scale">${escapeHtml(SCALE_NOTE)}<table>${likelihoodScale()
              .map((r) => `<tr><td>${escapeHtml(r.label)}</td><td>${r.range}</td></tr>`)
              .join('')}</table></div>`
          : ''
      }`
    : ''
  const sources = brief.sources.length
    ? `<ol class="sources">${brief.sources
        .map((s) => {
          const url = s.sourceUrl ? ` <span class="url">${escapeHtml(s.sourceUrl)}</span>` : ''
          return `<li><b>${escapeHtml(s.title)}</b>. ${escapeHtml(sourceFields(s).join('; '))}.${url}</li>`
        })
        .join('')}</ol>`
    : '<p class="empty">No sources cited.</p>'
  const notes = brief.sections
    .flatMap((s) => s.items)
    .filter((i): i is ExportedExcerpt => i.kind === 'excerpt')
    .map((e) => `<li value="${e.number}">${escapeHtml(citationText(e))}</li>`)
    .join('')
  const entities = brief.entities
    ? `<h2>Appendix: entities in the cited passages</h2>${
        brief.entities.length === 0
          ? '<p class="empty">No entities are tagged in the cited passages.</p>'
          : `<div class="entities">${(Object.keys(TYPE_LABELS) as (keyof typeof TYPE_LABELS)[])
              .map((type) => {
                const rows = brief.entities!.filter((e) => e.type === type)
                if (rows.length === 0) return ''
                const items = rows.map((e) => `<li>${escapeHtml(e.name)} (${e.mentions})</li>`).join('')
                return `<div class="group"><h3>${TYPE_LABELS[type]}</h3><ul>${items}</ul></div>`
              })
              .join('')}</div>`
      }`
    : ''
  const size = brief.paper === 'letter' ? 'letter' : 'A4'
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(brief.title)}</title>
<style>@page { size: ${size}; margin: 20mm 20mm 22mm; }${STYLE}${BRIEF_STYLE}</style></head>
<body>
<header>
${brief.handling ? `<p class="handling">${escapeHtml(brief.handling)}</p>` : ''}
<h1>${escapeHtml(brief.title)}</h1>
${byline ? `<p class="meta">${escapeHtml(byline)}</p>` : ''}
</header>
${brief.bluf ? `<div class="bluf"><h2>Bottom line up front</h2>${paragraphs(brief.bluf)}</div>` : ''}
${judgements}
${contents}
${sections.join('\n')}
<h2>Sources</h2>
${sources}
${notes ? `<h2>Notes</h2><ol class="notes">${notes}</ol>` : ''}
${entities}
<footer>Generated by Dossier on ${escapeHtml(briefDateText(brief.generatedAt.toISOString().slice(0, 10)) ?? '')}.</footer>
</body></html>`
}
