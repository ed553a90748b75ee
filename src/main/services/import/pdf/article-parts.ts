// Names the parts of an article among a PDF's paragraphs from how they are set: the title (largest type
// on the first page), headings (larger type, or a short line in another font), the photo caption under
// the title, a byline, and the "Source: <url>" line. The rest is body text.
import { looksLikeCaption } from '../guess-title'
import type { DraftBlock } from '../text-blocks'
import { sourceUrlOf } from '../source-line'

export interface TextParagraph {
  text: string
  size: number
  font: string
  page: number
  lineCount: number
}

export interface ArticleParts {
  title?: string
  byline?: string
  sourceUrl?: string
  drafts: DraftBlock[]
}

/** Type this much larger than the body is display type: a title or a heading. */
const DISPLAY = 1.15
const MAX_TITLE_CHARS = 250
const MAX_HEADING_CHARS = 160
const MAX_CAPTION_CHARS = 600
const BYLINE =
  /^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|de|van|von|al|bin))*(?:\s*[,|–—]\s*.{1,60})?$/iu
/** A bullet glyph opening a paragraph: a list item, whose marker is layout rather than text. */
const BULLET = /^[•●▪◦‣■□➢►–]\s+/
const CAPTION_LEAD = /^(?:photo|picture|image|figure|fig\.|file photo)\b/i

/** The first paragraph set in the largest type on the first page with text, if that type is display type. */
function findTitle(paragraphs: readonly TextParagraph[], bodySize: number): number {
  const firstPage = paragraphs[0]?.page
  const onFirst = paragraphs.map((p, i) => ({ p, i })).filter(({ p }) => p.page === firstPage)
  const largest = Math.max(...onFirst.map(({ p }) => p.size))
  if (!(largest >= DISPLAY * bodySize)) return -1
  const found = onFirst.find(
    ({ p }) => p.size === largest && p.text.length <= MAX_TITLE_CHARS && p.lineCount <= 4,
  )
  return found ? found.i : -1
}

function isHeading(
  p: TextParagraph,
  next: TextParagraph | undefined,
  bodySize: number,
  bodyFont: string,
): boolean {
  if (p.text.length > MAX_HEADING_CHARS || p.lineCount > 3) return false
  if (p.size >= DISPLAY * bodySize) return true
  // Same size in another font (bold): a short line without closing punctuation, followed by body text.
  return (
    p.font !== bodyFont &&
    p.lineCount === 1 &&
    Math.abs(p.size - bodySize) < 0.1 * bodySize &&
    !/[.,;:!)"”]$/.test(p.text) &&
    // Code set in a typewriter font is short and unpunctuated too, but has code characters.
    !/[{}<>=;|\\]|::|\/\*/.test(p.text) &&
    /^[\p{Lu}\p{N}"“'‘]/u.test(p.text) &&
    next !== undefined &&
    next.font === bodyFont
  )
}

export function articleParts(
  paragraphs: readonly TextParagraph[],
  bodySize: number,
  bodyFont: string,
): ArticleParts {
  const parts: ArticleParts = { drafts: [] }
  const titleIndex = findTitle(paragraphs, bodySize)
  if (titleIndex >= 0) parts.title = paragraphs[titleIndex]!.text
  let bodySeen = 0
  paragraphs.forEach((p, i) => {
    if (i === titleIndex) return
    const source = parts.sourceUrl ? undefined : sourceUrlOf(p.text)
    if (source) {
      parts.sourceUrl = source
      return
    }
    if (!parts.byline && bodySeen < 3 && p.text.length <= 100 && BYLINE.test(p.text)) {
      parts.byline = p.text.replace(/^by\s+/i, '')
      return
    }
    const next = paragraphs[i + 1]
    const firstAfterTitle = bodySeen === 0 && (titleIndex < 0 || i === titleIndex + 1)
    const captionLike =
      p.text.length <= MAX_CAPTION_CHARS &&
      p.size <= bodySize * 1.05 &&
      ((firstAfterTitle && (p.font !== bodyFont || looksLikeCaption(p.text))) ||
        (p.size < 0.95 * bodySize && CAPTION_LEAD.test(p.text)))
    let kind: DraftBlock['kind'] = 'paragraph'
    if (captionLike) kind = 'caption'
    else if (BULLET.test(p.text)) kind = 'list-item'
    else if (isHeading(p, next, bodySize, bodyFont)) kind = 'heading'
    if (kind !== 'caption' && kind !== 'heading') bodySeen++
    parts.drafts.push({ kind, text: kind === 'list-item' ? p.text.replace(BULLET, '') : p.text })
  })
  return parts
}
