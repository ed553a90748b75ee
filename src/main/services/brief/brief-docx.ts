// A composed brief as a Word document (Office Open XML, through the docx library): the same content and
// order as the Markdown and HTML, citations as real footnotes, the handling line in every page's header
// and footer. Every string is made safe for XML 1.0 here, since docx escapes markup but not every character.
import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IRunOptions,
} from 'docx'
import type { BriefExport, CitedSource, ExportedExcerpt } from './brief-export'
import {
  briefDateText,
  citationText,
  judgementLabel,
  likelihoodScale,
  SCALE_NOTE,
  sourceFields,
} from './brief-citations'
import { formatDate, TYPE_LABELS } from './brief-model'
import {
  DEFAULT_BAR,
  FAINT,
  LIST_STEP,
  MARGIN,
  MONO,
  MUTED,
  NUMBERING,
  PAGE,
  QUOTE_INDENT,
  RULE,
  SANS,
  STYLES,
} from './brief-docx-styles'
import type { QuotePart } from './quote-parts'

/**
 * Drops what XML 1.0 §2.2 does not allow as a character: C0 controls other than tab, line feed and
 * carriage return, U+FFFE, U+FFFF and lone surrogates. docx 9 drops the C0 controls itself but not the
 * rest, and a Word file with any of them does not open.
 */
export function xmlSafe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching the control characters is the point
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  )
}

/** One run per line of `text`, each after the first on a new line, as Word keeps a line break. */
function runs(text: string, style: Omit<IRunOptions, 'text' | 'break'> = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ ...style, text: line, break: i > 0 ? 1 : undefined }))
}

/** Text the analyst wrote: blank lines part paragraphs, single line breaks are kept. */
function prose(text: string, style?: string): Paragraph[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => new Paragraph({ style, children: runs(p) }))
}

function heading(text: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: runs(text),
  })
}

function empty(text: string): Paragraph {
  return new Paragraph({ children: runs(text, { italics: true, color: FAINT }) })
}

/** The quote bar in the highlight's code colour: a validated #rrggbb of the codebook, never article text. */
function quoteBar(excerpt: ExportedExcerpt): IBorderOptions {
  const color = excerpt.code && /^#[0-9a-f]{6}$/i.test(excerpt.code.color) ? excerpt.code.color.slice(1) : ''
  return { style: BorderStyle.SINGLE, size: 24, space: 10, color: color.toUpperCase() || DEFAULT_BAR }
}

/**
 * A paragraph of the quote block: indented, the bar on its left, kept on the page with what follows.
 * Word draws the bar where the first line starts, so a list item's first line starts where the others
 * do and tabs to its marker; its other lines hang under its text.
 */
function quoteLine(bar: IBorderOptions, children: TextRun[], listDepth?: number): Paragraph {
  const levels = listDepth === undefined ? 0 : listDepth + 1
  return new Paragraph({
    style: 'BriefQuote',
    border: { left: bar },
    indent: { left: QUOTE_INDENT + LIST_STEP * levels, hanging: LIST_STEP * levels },
    tabStops: Array.from({ length: Math.max(0, levels - 1) }, (_, k) => ({
      type: TabStopType.LEFT,
      position: QUOTE_INDENT + LIST_STEP * (k + 1),
    })),
    keepNext: true,
    keepLines: true,
    children,
  })
}

/** A hairline round every cell of a table. */
function gridLines(): Record<
  'top' | 'bottom' | 'left' | 'right' | 'insideHorizontal' | 'insideVertical',
  IBorderOptions
> {
  const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: RULE }
  return { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line }
}

function quoteTable(rows: QuotePart[], width: number): Table {
  const columns = Math.max(1, ...rows.map((row) => row.cells?.length ?? 1))
  const usable = width - QUOTE_INDENT * 2
  return new Table({
    indent: { size: QUOTE_INDENT * 2, type: WidthType.DXA },
    width: { size: usable, type: WidthType.DXA },
    // LibreOffice lays a table out by its grid, so the columns are given their widths.
    columnWidths: Array.from({ length: columns }, () => Math.floor(usable / columns)),
    borders: gridLines(),
    rows: rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header,
          children: Array.from({ length: columns }, (_, i) => {
            const text = (row.cells ?? [row.text])[i] ?? ''
            return new TableCell({
              shading: row.header ? { fill: 'F4F5F7' } : undefined,
              margins: { top: 40, bottom: 40, left: 100, right: 100 },
              children: [
                new Paragraph({
                  spacing: { after: 0 },
                  children: runs(text, { font: SANS, size: 18, bold: row.header }),
                }),
              ],
            })
          }),
        }),
    ),
  })
}

/**
 * The quote's parts as Word paragraphs: headings bold, list items marked and indented, code in monospace.
 * The code name heads the first paragraph, a line above the words, unless that is a list item or a row:
 * a paragraph of its own can be left alone at the foot of a page.
 */
function quoteBlocks(
  parts: QuotePart[],
  bar: IBorderOptions,
  width: number,
  label: TextRun[],
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = []
  let lead = label
  if (label.length > 0 && (parts[0]?.kind === 'list-item' || parts[0]?.kind === 'row')) {
    out.push(quoteLine(bar, label))
    lead = []
  }
  const line = (children: TextRun[], listDepth?: number) => {
    const first = lead.length > 0 ? [...lead, new TextRun({ break: 1 })] : []
    out.push(quoteLine(bar, [...first, ...children], listDepth))
    lead = []
  }
  for (let i = 0; i < parts.length;) {
    const part = parts[i]!
    if (part.kind === 'row') {
      let j = i
      while (j < parts.length && parts[j]!.kind === 'row') j++
      out.push(quoteTable(parts.slice(i, j), width))
      i = j
      continue
    }
    i++
    switch (part.kind) {
      case 'heading':
        line(runs(part.text, { font: SANS, bold: true, size: part.rank === 2 ? 24 : 22 }))
        break
      case 'list-item': {
        const marker = part.ordered ? `${part.number ?? 1}.` : '•'
        const depth = part.depth ?? 0
        line([new TextRun(`${'\t'.repeat(depth)}${marker}\t`), ...runs(part.text)], depth)
        break
      }
      case 'code':
        line(runs(part.text, { font: MONO, size: 18 }))
        break
      case 'figure':
        line(runs(`[Image${part.alt ? `: ${part.alt}` : ''}]`, { font: SANS, size: 18, color: FAINT }))
        break
      case 'caption':
        line(runs(part.text, { italics: true, size: 20, color: MUTED }))
        break
      default:
        for (const p of part.text.split(/\n\s*\n/)) line(runs(p))
    }
  }
  if (lead.length > 0) out.push(quoteLine(bar, lead))
  return out
}

function excerptBlocks(excerpt: ExportedExcerpt, width: number): (Paragraph | Table)[] {
  const bar = quoteBar(excerpt)
  const label = excerpt.code
    ? runs(excerpt.code.name, { font: SANS, size: 16, bold: true, allCaps: true, color: FAINT })
    : []
  const out = quoteBlocks(excerpt.parts, bar, width, label)
  const state = excerpt.removed
    ? 'The highlight was removed from its article; quoted as it was.'
    : excerpt.unanchored
      ? 'This passage is no longer found in the current text of the article.'
      : ''
  if (state) out.push(quoteLine(bar, runs(state, { font: SANS, size: 18, italics: true, color: FAINT })))
  const where = excerpt.paragraph !== undefined ? `, ¶ ${excerpt.paragraph}` : ''
  out.push(
    new Paragraph({
      style: 'BriefCite',
      children: [
        ...runs(`Source ${excerpt.source.number}${where}`),
        new FootnoteReferenceRun(excerpt.number),
      ],
    }),
  )
  if (excerpt.note)
    out.push(
      new Paragraph({
        style: 'BriefNote',
        children: [new TextRun({ text: 'Note: ', bold: true }), ...runs(excerpt.note)],
      }),
    )
  out.push(...prose(excerpt.commentary))
  return out
}

/** A plain web address as a link; anything else stays text, so no article can plant a file: or script link. */
function urlRuns(url: string): (TextRun | ExternalHyperlink)[] {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:')
      return [
        new ExternalHyperlink({ link: xmlSafe(parsed.href), children: runs(url, { style: 'Hyperlink' }) }),
      ]
  } catch {
    // not a URL: shown as text
  }
  return runs(url)
}

/**
 * The footnote of an excerpt: its citation as every format words it, then who wrote the article, when
 * it was imported and where it lives. Word puts the footnote's number first; the space follows it.
 */
function footnote(excerpt: ExportedExcerpt): Paragraph {
  const { byline, importedAt, sourceUrl } = excerpt.source
  const more = [byline && `By ${byline}`, importedAt && `imported ${formatDate(importedAt)}`]
    .filter(Boolean)
    .join('; ')
  const tail = more ? ` ${more[0]!.toUpperCase()}${more.slice(1)}.` : ''
  const url = sourceUrl ? [new TextRun(' '), ...urlRuns(sourceUrl)] : []
  return new Paragraph({
    style: 'FootnoteText',
    children: [...runs(` ${citationText(excerpt)}${tail}`), ...url],
  })
}

function sourceEntry(source: CitedSource): Paragraph {
  return new Paragraph({
    style: 'BriefSource',
    children: [
      new TextRun(`${source.number}.\t`),
      ...runs(source.title, { bold: true }),
      ...runs(`. ${sourceFields(source).join('; ')}.`),
      ...(source.sourceUrl ? [new TextRun(' '), ...urlRuns(source.sourceUrl)] : []),
    ],
  })
}

function judgementBlocks(brief: BriefExport): (Paragraph | Table)[] {
  if (brief.judgements.length === 0) return []
  const out: (Paragraph | Table)[] = [heading('Key judgements')]
  for (const j of brief.judgements)
    out.push(
      new Paragraph({
        numbering: { reference: 'judgements', level: 0 },
        spacing: { after: 120 },
        keepLines: true,
        children: [
          ...runs(j.text),
          new TextRun({ break: 1 }),
          ...runs(judgementLabel(j), { font: SANS, size: 17, italics: true, color: MUTED }),
        ],
      }),
    )
  if (!brief.likelihoodScale) return out
  out.push(new Paragraph({ style: 'BriefSmall', children: runs(SCALE_NOTE) }))
  out.push(
    new Table({
      columnWidths: [2600, 1400],
      borders: gridLines(),
      rows: likelihoodScale().map(
        (row) =>
          new TableRow({
            children: [row.label, row.range].map(
              (text) =>
                new TableCell({
                  margins: { left: 100, right: 100 },
                  children: [
                    new Paragraph({ style: 'BriefSmall', spacing: { after: 0 }, children: runs(text) }),
                  ],
                }),
            ),
          }),
      ),
    }),
  )
  return out
}

function entityBlocks(brief: BriefExport): Paragraph[] {
  if (!brief.entities) return []
  const out = [heading('Appendix: entities in the cited passages')]
  if (brief.entities.length === 0) out.push(empty('No entities are tagged in the cited passages.'))
  for (const type of Object.keys(TYPE_LABELS) as (keyof typeof TYPE_LABELS)[]) {
    const rows = brief.entities.filter((e) => e.type === type)
    if (rows.length === 0) continue
    out.push(heading(TYPE_LABELS[type], 2))
    for (const e of rows)
      out.push(
        new Paragraph({
          numbering: { reference: 'bullets', level: 0 },
          children: runs(`${e.name} (${e.mentions})`),
        }),
      )
  }
  return out
}

function handlingLine(brief: BriefExport): Paragraph[] {
  if (!brief.handling) return []
  return [new Paragraph({ style: 'BriefHandling', children: runs(brief.handling) })]
}

export async function briefDocx(brief: BriefExport): Promise<Uint8Array> {
  const page = PAGE[brief.paper] ?? PAGE.a4
  const width = page.width - MARGIN.left - MARGIN.right
  const excerpts = brief.sections
    .flatMap((s) => s.items)
    .filter((i): i is ExportedExcerpt => i.kind === 'excerpt')
  const byline = [brief.author, briefDateText(brief.date)].filter(Boolean).join(' · ')

  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(brief.title) }),
  ]
  if (byline) body.push(new Paragraph({ style: 'BriefByline', children: runs(byline) }))
  if (brief.bluf) {
    body.push(heading('Bottom line up front'))
    body.push(...prose(brief.bluf, 'BriefBluf'))
  }
  body.push(...judgementBlocks(brief))
  for (const section of brief.sections) {
    body.push(heading(section.title || 'Untitled section'))
    if (section.items.length === 0) body.push(empty('Nothing in this section yet.'))
    for (const item of section.items)
      body.push(...(item.kind === 'paragraph' ? prose(item.text) : excerptBlocks(item, width)))
  }
  body.push(heading('Sources'))
  if (brief.sources.length === 0) body.push(empty('No sources cited.'))
  body.push(...brief.sources.map(sourceEntry), ...entityBlocks(brief))
  const generated = briefDateText(brief.generatedAt.toISOString().slice(0, 10))
  body.push(
    new Paragraph({
      style: 'BriefSmall',
      spacing: { before: 480 },
      children: runs(`Generated by Dossier on ${generated}.`),
    }),
  )

  const document = new Document({
    title: xmlSafe(brief.title),
    creator: xmlSafe(brief.author) || 'Dossier',
    lastModifiedBy: 'Dossier',
    description: 'Brief exported from Dossier',
    styles: STYLES,
    numbering: NUMBERING,
    // Word numbers footnotes in the order they are referenced, the order the brief numbers its citations.
    footnotes: Object.fromEntries(excerpts.map((e) => [e.number, { children: [footnote(e)] }])),
    sections: [
      {
        properties: { page: { size: page, margin: MARGIN } },
        headers: { default: new Header({ children: handlingLine(brief) }) },
        footers: {
          default: new Footer({
            children: [
              ...handlingLine(brief),
              new Paragraph({
                style: 'BriefPageNumber',
                children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  })
  return Packer.pack(document, 'uint8array')
}
