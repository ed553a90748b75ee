// PDF import: pdf.js gives positioned runs of text; this rebuilds lines, drops page furniture, orders
// columns, groups paragraphs, undoes line-break hyphenation and names the title, headings and caption.
import { DossierError } from '../../../../shared/dossier-error'
import type { ExtractedArticle } from '../../../../shared/model'
import { guessTitle } from '../guess-title'
import { assembleText } from '../text-blocks'
import { articleParts, type TextParagraph } from './article-parts'
import { readingOrder, type Line } from './columns'
import { buildVocabulary } from './hyphenation'
import { joinLines } from './join-lines'
import { segmentsOf } from './lines'
import { damagedPdf, openPdf } from './open-pdf'
import { removePageFurniture } from './page-furniture'
import { buildParagraphs } from './paragraphs'
import { readPages, type PageText } from './text-runs'

interface PdfInfo {
  title?: string
  language?: string
}

/** A metadata title worth showing: not empty, not a file name, not a word processor's placeholder. */
function usableTitle(title: unknown): string | undefined {
  if (typeof title !== 'string') return undefined
  const clean = title.replace(/\s+/g, ' ').trim()
  if (clean.length < 3 || /^(untitled|document\d*|title|microsoft word\b.*)$/i.test(clean)) return undefined
  if (/\.(?:docx?|pdf|txt|rtf|odt|indd|pages|html?)$/i.test(clean)) return undefined
  return clean
}

function listPages(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 5).join(', ')
  return numbers.length > 5 ? `${shown} and ${numbers.length - 5} more` : shown
}

function pageWarnings(pages: readonly PageText[], unreadable: readonly number[]): string[] {
  const warnings: string[] = []
  if (unreadable.length) {
    warnings.push(
      `Page${unreadable.length > 1 ? 's' : ''} ${listPages(unreadable)} could not be read and ${unreadable.length > 1 ? 'were' : 'was'} left out.`,
    )
  }
  const blank = pages
    .filter((p) => p.runs.length === 0 && !unreadable.includes(p.number))
    .map((p) => p.number)
  if (blank.length) {
    warnings.push(
      `Page${blank.length > 1 ? 's' : ''} ${listPages(blank)} ${blank.length > 1 ? 'have' : 'has'} no text layer (probably scanned images or pictures); Dossier does not do OCR, so anything written there is missing.`,
    )
  }
  const skipped = pages.reduce((n, p) => n + p.skipped, 0)
  const kept = pages.reduce((n, p) => n + p.runs.length, 0)
  if (skipped > 0.1 * (skipped + kept)) {
    warnings.push('Some text in the PDF is rotated or runs vertically; it was left out of the reading text.')
  }
  return warnings
}

async function readDocument(
  fileName: string,
  bytes: Uint8Array,
): Promise<{ pages: PageText[]; unreadable: number[]; info: PdfInfo }> {
  const doc = await openPdf(fileName, bytes)
  try {
    const { pages, unreadable } = await readPages(doc)
    const metadata = await doc.getMetadata().catch(() => undefined)
    const raw = (metadata?.info ?? {}) as { Title?: unknown; Language?: unknown }
    const language =
      typeof raw.Language === 'string' && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(raw.Language)
        ? raw.Language
        : undefined
    return { pages, unreadable, info: { title: usableTitle(raw.Title), language } }
  } finally {
    await doc.destroy()
  }
}

/** Lines of the whole document in reading order, without headers, footers and page numbers. */
export function documentLines(pages: readonly PageText[]): Line[] {
  const segments = pages.map((page) => segmentsOf(page.runs, page.number))
  const { pages: kept } = removePageFurniture(
    segments,
    pages.map((p) => p.height),
  )
  return kept.flatMap((page, i) => readingOrder(page, pages[i]!.number))
}

export async function extractPdf(fileName: string, bytes: Uint8Array): Promise<ExtractedArticle> {
  const { pages, unreadable, info } = await readDocument(fileName, bytes)
  if (pages.every((p) => p.runs.length === 0)) {
    if (unreadable.length === pages.length && pages.length > 0)
      throw damagedPdf(fileName, 'none of its pages could be read')
    throw new DossierError(
      'empty-file',
      `${fileName} has no text layer (it is probably a scan); Dossier does not do OCR. Run it through OCR software (many PDF readers and scanners offer it) and import the result.`,
      fileName,
    )
  }
  const lines = documentLines(pages)
  const layout = buildParagraphs(lines)
  const context = { vocabulary: buildVocabulary(lines.map((l) => l.text)), justified: layout.justified }
  const paragraphs: TextParagraph[] = layout.paragraphs.map((p) => ({
    text: joinLines(
      p.lines.map((l) => l.text),
      context,
    ),
    size: p.size,
    font: p.font,
    page: p.lines[0]!.page,
    lineCount: p.lines.length,
  }))
  const parts = articleParts(paragraphs, layout.bodySize, layout.bodyFont)
  const rtl = 2 * lines.reduce((n, l) => n + l.rtlChars, 0) > lines.reduce((n, l) => n + l.text.length, 0)
  const warnings = pageWarnings(pages, unreadable)
  let title = parts.title ?? info.title
  if (!title) {
    title = guessTitle(parts.drafts)
    if (title) warnings.push('The PDF has no title, so the title was taken from its first sentence.')
  }
  return {
    title: title ?? '',
    ...(parts.byline ? { byline: parts.byline } : {}),
    ...(parts.sourceUrl ? { sourceUrl: parts.sourceUrl } : {}),
    ...(info.language ? { language: info.language } : {}),
    ...(rtl ? { direction: 'rtl' as const } : {}),
    tags: [],
    warnings,
    ...assembleText(parts.drafts),
  }
}
