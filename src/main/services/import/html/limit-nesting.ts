// Readies a page's markup for the parser in one pass over its tags. It caps how deep elements nest:
// Readability's cleanup grows with the cube of the depth (512 levels took 6 s, 128 levels 0.3 s), and
// any recursive walk of the tree would overflow the stack a few thousand levels down (Blink caps its
// parser at 512 for the same reason). News pages nest 15–30 deep, so tags deeper than 128 are dropped;
// their text is kept. And it leaves out what nothing downstream reads, so the parser never builds it
// and Readability never walks it: the bodies of scripts (but JSON-LD, which holds the page's
// metadata) and of styles, comments, inline SVG drawings and blocks of navigation links. On news
// pages that is more than half the bytes.

export const MAX_NESTING = 128

function words(list: string): Set<string> {
  return new Set(list.split(' '))
}

/** Elements that never have content, so never add a level. */
const VOID = words(
  'area base br col embed hr img input link meta param source track wbr keygen frame basefont bgsound',
)

/** Elements whose content is raw text: their body is skipped to the matching end tag. */
const RAW_TEXT = words('script style textarea title xmp iframe noembed noframes')

/** Elements whose start tag closes an open one of the same kind (HTML §13.1.2.4 optional end tags). */
const CLOSES_SAME: Record<string, readonly string[]> = {
  p: ['p'],
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  option: ['option'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
}

/** Inline elements: dropping their tags must not glue words together, so no space replaces them. */
const INLINE = words(
  'a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup time u var del ins',
)

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)(?:"[^"]*"|'[^']*'|[^'">])*>/g

/** Raw-text elements whose content nothing reads: Readability removes scripts and styles. */
const UNREAD = new Set(['script', 'style'])
/**
 * Elements whose content is no article's: an SVG drawing (the block walk skips it) and a block of
 * navigation links. Their content is left out only when it is closed before any article markup, so a
 * tag left open, which a browser would close at the next paragraph, never takes the article with it.
 */
const NOT_ARTICLE: Record<string, RegExp> = {
  svg: /<(?:p|div|article|main|section|h[1-6]|table|ul|ol|nav)[\s>/]/i,
  nav: /<(?:p|article|main|section|h[1-6]|table|nav|blockquote|figure)[\s>/]/i,
}
const JSON_LD = /\btype\s*=\s*["']?application\/ld\+json/i

interface Cut {
  start: number
  end: number
  space: boolean
}

/** The end tag of each element whose content is skipped, made once: a page has hundreds of scripts. */
const END_TAGS = new Map<string, RegExp>()

/** How far down the stack an end tag looks for its element: bounded, so stray end tags stay linear. */
const END_TAG_REACH = 256

function openIndex(stack: readonly string[], name: string): number {
  for (let i = stack.length - 1; i >= Math.max(0, stack.length - END_TAG_REACH); i--)
    if (stack[i] === name) return i
  return -1
}

/**
 * The page as the parser should read it: unread content left out, and tags deeper than `max` dropped;
 * `flattened` says whether any were.
 */
export function limitNesting(html: string, max = MAX_NESTING): { html: string; flattened: boolean } {
  // A page with fewer start tags than the cap cannot nest deeper than it, and has little to leave out.
  if (html.length < max * 5) return { html, flattened: false }
  const stack: string[] = []
  const cuts: Cut[] = []
  let flattened = false
  /** Where the element's end tag stands, from the scan's place; -1 when it has none. */
  const endOf = (name: string) => {
    let end = END_TAGS.get(name)
    if (!end) END_TAGS.set(name, (end = new RegExp(`</${name}[\\s/>]`, 'ig')))
    end.lastIndex = TOKEN.lastIndex
    return end.exec(html)?.index ?? -1
  }
  /** Moves the scan to `to`, leaving out what stands before it when `drop`. */
  const skipTo = (to: number, drop: boolean) => {
    if (drop && to > TOKEN.lastIndex) cuts.push({ start: TOKEN.lastIndex, end: to, space: false })
    TOKEN.lastIndex = to
  }
  TOKEN.lastIndex = 0
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const name = match[2]?.toLowerCase()
    if (!name) {
      if (match[0].startsWith('<!--')) cuts.push({ start: match.index, end: TOKEN.lastIndex, space: false })
      continue
    }
    const tag = match[0]
    if (match[1]) {
      const at = openIndex(stack, name)
      if (at < 0) continue
      if (at >= max) {
        cuts.push({ start: match.index, end: match.index + tag.length, space: !INLINE.has(name) })
        flattened = true
      }
      stack.length = at
      continue
    }
    const closes = CLOSES_SAME[name]
    if (closes && closes.includes(stack.at(-1) ?? '')) stack.pop()
    else if (name !== 'p' && stack.at(-1) === 'p' && !INLINE.has(name)) stack.pop()
    if (RAW_TEXT.has(name)) {
      // A raw-text element runs to its end tag, or to the end of the page as in a browser.
      const end = endOf(name)
      skipTo(end < 0 ? html.length : end, UNREAD.has(name) && !(name === 'script' && JSON_LD.test(tag)))
      continue
    }
    if (VOID.has(name) || tag.endsWith('/>')) continue
    if (stack.length >= max) {
      cuts.push({ start: match.index, end: match.index + tag.length, space: !INLINE.has(name) })
      flattened = true
    }
    stack.push(name)
    // Content that is no article's is left out; its end tag then closes the element as any end tag does.
    const notArticle = NOT_ARTICLE[name]
    if (notArticle) {
      const end = endOf(name)
      if (end > 0 && !notArticle.test(html.slice(TOKEN.lastIndex, end))) skipTo(end, true)
    }
  }
  if (cuts.length === 0) return { html, flattened: false }
  const parts: string[] = []
  let from = 0
  let spaced = false
  for (const cut of cuts) {
    const between = html.slice(from, cut.start)
    if (between) spaced = false
    // One space for a run of dropped block tags, so text stays apart without piling up white space.
    parts.push(between, cut.space && !spaced ? ' ' : '')
    spaced ||= cut.space
    from = cut.end
  }
  parts.push(html.slice(from))
  return { html: parts.join(''), flattened }
}
