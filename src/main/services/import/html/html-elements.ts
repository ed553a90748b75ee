// How the block walk treats each HTML element: dropped, a block of some kind, a mark, or hidden
// from sighted readers. Tags are compared by local name, which the parser gives HTML elements in lower case.
import type { BlockKind } from '../../../../shared/model'
import type { DraftMark } from '../text-blocks'

function words(list: string): Set<string> {
  return new Set(list.trim().split(/\s+/))
}

/** Dropped with everything inside: code, embeds, forms, media, site navigation, what only a browser shows. */
export const SKIP = words(`
  script style noscript template iframe frame frameset object embed applet param
  form input button select option optgroup textarea datalist output progress meter
  svg math img picture video audio canvas source track map area dialog
  head title meta link base rp nav`)

/** Elements that give their text a block kind; the innermost one wins. */
export const KIND: Record<string, BlockKind> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  blockquote: 'quote',
  li: 'list-item',
  figcaption: 'caption',
  caption: 'caption',
  pre: 'code',
}

/** Elements that start and end a block without changing its kind. */
export const BLOCK = words(`
  p div section article main header footer aside address center details summary
  dl dt dd figure fieldset legend hgroup ul ol menu dir table thead tbody tfoot tr td th
  hr body html search`)

/** Elements that hold list items. */
export const LISTS = words('ul ol menu dir')

export const MARK: Record<string, DraftMark['kind']> = {
  em: 'emphasis',
  i: 'emphasis',
  strong: 'strong',
  b: 'strong',
  sup: 'superscript',
  sub: 'subscript',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
}

/** A table row is written as one paragraph when its cells hold none of these, only inline text. */
const ROW_BLOCKS = words('p div table ul ol li h1 h2 h3 h4 h5 h6 blockquote pre figure section article dl')

/** Iterative, and by tag name rather than a selector, which the DOM would parse again for every row. */
export function onlyInline(row: Element): boolean {
  let el = row.firstElementChild
  while (el && el !== row) {
    if (ROW_BLOCKS.has(el.localName)) return false
    if (el.firstElementChild) {
      el = el.firstElementChild
      continue
    }
    while (el && el !== row && !el.nextElementSibling) el = el.parentElement
    el = el && el !== row ? el.nextElementSibling : null
  }
  return true
}

export const CELL_SEPARATOR = ' · '

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i

/**
 * Text only screen readers get ("Photo", "Continue reading the main story", "Advertisement"): never
 * shown on the page, so not article text. Readability strips classes, so it is told to keep these.
 */
export const SCREEN_READER_CLASSES = [
  ...words(`
    visually-hidden visuallyhidden u-visually-hidden sr-only u-sr-only screen-reader-text
    screen-reader-only screenreader-only element-invisible a11y-hidden assistive-text`),
]
const SCREEN_READER_ONLY = new RegExp(`(?:^|\\s)(?:${SCREEN_READER_CLASSES.join('|')})(?:\\s|$)`)

export function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true
  const style = el.getAttribute('style')
  if (style !== null && HIDDEN_STYLE.test(style)) return true
  const classes = el.getAttribute('class')
  return classes !== null && SCREEN_READER_ONLY.test(classes)
}

/** "#section", or the page's own address with a fragment, which Readability writes when the page has a <base>. */
export function inPageLink(el: Element): boolean {
  const href = el.getAttribute('href')
  if (!href) return false
  const hash = href.indexOf('#')
  if (hash < 0) return false
  if (hash === 0) return true
  const target = href.slice(0, hash)
  // The inert document has no address of its own; only a <base> gives it one, which Readability
  // then writes in front of every "#fragment" link.
  const base = el.ownerDocument.baseURI
  return typeof base === 'string' && target === base.split('#')[0]
}
