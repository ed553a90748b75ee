// What the block walk reads off an element besides its text: a heading's level, a list item's number,
// a code block's language, an image's text alternative, and the edit links wikis put in headings.
import { normalizeSpace, type DraftBlock } from '../text-blocks'

/** 1–6 for h1–h6. */
export function headingLevel(el: Element): number | undefined {
  const match = /^h([1-6])$/.exec(el.localName)
  return match ? Number(match[1]) : undefined
}

function integerAttribute(el: Element, name: string): number | undefined {
  const value = el.getAttribute(name)
  if (value === null || !/^\s*[+-]?\d{1,9}\s*$/.test(value)) return undefined
  return Number.parseInt(value, 10)
}

/** An open list: whether it is numbered, and the number its next item gets (HTML §4.4.5 `start`). */
export interface OpenList {
  ordered: boolean
  next: number
}

export function openList(el: Element): OpenList {
  const ordered = el.localName === 'ol'
  return { ordered, next: ordered ? (integerAttribute(el, 'start') ?? 1) : 1 }
}

/** The number of a list item: its own `value`, else the one after the previous item's. */
export function itemNumber(li: Element, list: OpenList | undefined): number {
  const number = integerAttribute(li, 'value') ?? list?.next ?? 1
  if (list) list.next = number + 1
  return number
}

const LANGUAGE_CLASS = /(?:^|\s)(?:language|lang)-([A-Za-z0-9_+#.-]{1,30})(?:\s|$)/
const LANGUAGE_NAME = /^[A-Za-z0-9_+#.-]{1,30}$/

/**
 * Readability keeps no classes but the ones it is told, so a code block's language class is copied to
 * `data-lang` (which it keeps) before it runs.
 */
export function keepCodeLanguages(doc: Document, html: string): void {
  // Most pages name no language at all: two walks of the page saved.
  if (!/\b(?:language|lang)-/.test(html)) return
  for (const tag of ['pre', 'code']) {
    for (const el of Array.from(doc.getElementsByTagName(tag))) {
      const named = LANGUAGE_CLASS.exec(el.getAttribute('class') ?? '')?.[1]
      if (named && !el.hasAttribute('data-lang')) el.setAttribute('data-lang', named)
    }
  }
}

/** The language a code block names: `class="language-js"` on <pre> or its <code>, or `data-lang`. */
export function codeLanguage(pre: Element): string | undefined {
  const code = pre.firstElementChild?.localName === 'code' ? pre.firstElementChild : null
  for (const el of [pre, code]) {
    if (!el) continue
    const named = LANGUAGE_CLASS.exec(el.getAttribute('class') ?? '')?.[1] ?? el.getAttribute('data-lang')
    if (named && LANGUAGE_NAME.test(named)) return named.toLowerCase()
  }
  return undefined
}

const MAX_ALT = 300

/** An image's text alternative, white space folded; for <picture>, that of the image inside. */
export function imageAlt(el: Element): string {
  const img = el.localName === 'img' ? el : el.getElementsByTagName('img')[0]
  const alt = normalizeSpace(img?.getAttribute('alt') ?? '')
  return alt.length > MAX_ALT ? `${alt.slice(0, MAX_ALT - 1)}…` : alt
}

/** "edit", "[edit]", "[ edit ]", "[edit source]", "[edit | edit source]": a wiki's section edit link. */
const EDIT_LINK = /^\[?\s*edit(?:\s+source)?(?:\s*\|\s*edit(?:\s+source)?)*\s*\]?$/i
const MAX_EDIT_LINK = 40

/** A link, or an element around links, whose whole text is an edit link: furniture inside a heading. */
export function isEditLink(el: Element): boolean {
  if (el.localName !== 'a' && el.getElementsByTagName('a').length === 0) return false
  const text = el.textContent ?? ''
  return text.length <= MAX_EDIT_LINK && EDIT_LINK.test(text.trim())
}

function clipMarks(draft: DraftBlock, from: number, to: number): Pick<DraftBlock, 'marks'> {
  const marks = (draft.marks ?? [])
    .filter((mark) => mark.end > from && mark.start < to)
    .map((mark) => ({
      kind: mark.kind,
      start: Math.max(mark.start, from) - from,
      end: Math.min(mark.end, to) - from,
    }))
  return marks.length ? { marks } : {}
}

/**
 * Splits an edit link at the start or end of a heading off as a trimmed block attached to it, so the
 * heading reads "History" while the canonical text still holds "History[edit]". The brackets around
 * the link go with it. A link in the middle of the heading is left as text.
 */
export function splitEditLink(draft: DraftBlock, link: { start: number; end: number }): DraftBlock[] {
  const text = draft.text
  const start = link.start - (/\[\s*$/.exec(text.slice(0, link.start))?.[0].length ?? 0)
  const end = link.end + (/^\s*\]/.exec(text.slice(link.end))?.[0].length ?? 0)
  const before = text.slice(0, start)
  const after = text.slice(end)
  const atEnd = !after.trim() && before.trim()
  const atStart = !before.trim() && after.trim()
  // A heading that is nothing but "[edit]" (its own words lost) is furniture as a whole; a heading
  // that is only a link named "Edit" may be the article's own.
  if (!before.trim() && !after.trim())
    return text.trim().startsWith('[') ? [{ ...draft, trimmed: true }] : [draft]
  if (!atEnd && !atStart) return [draft]
  const furniture: DraftBlock = { kind: 'paragraph', text: text.slice(start, end), trimmed: true }
  const structure: DraftBlock = { ...draft }
  delete structure.marks
  if (atEnd) {
    return [
      { ...structure, text: before, ...clipMarks(draft, 0, start) },
      { ...furniture, attached: /\s$/.test(before) ? 'space' : 'tight' },
    ]
  }
  return [
    furniture,
    {
      ...structure,
      text: after,
      ...clipMarks(draft, end, text.length),
      attached: /^\s/.test(after) ? 'space' : 'tight',
    },
  ]
}
