// Readability's article DOM to draft blocks: paragraphs, headings with their level, quotes, list items
// with their depth and number, code with its white space, table rows with their cells, figures (an
// image's alt text, never the image), captions, and inline marks. Only text leaves the DOM, never
// markup. The walk follows sibling and parent pointers rather than recursing, so no page can overflow
// the stack.
import type { BlockKind } from '../../../../shared/model'
import type { BlockStructure, DraftBlock, DraftMark } from '../text-blocks'
import {
  codeLanguage,
  headingLevel,
  imageAlt,
  isEditLink,
  itemNumber,
  openList,
  splitEditLink,
  type OpenList,
} from './block-structure'
import {
  BLOCK,
  CELL_SEPARATOR,
  hidden,
  inPageLink,
  KIND,
  LISTS,
  MARK,
  onlyInline,
  SKIP,
} from './html-elements'

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const CDATA_SECTION_NODE = 4

/** An element that gives the text inside it a block kind, with what it says about the block. */
interface Context extends BlockStructure {
  kind: BlockKind
  el: Element
}

/** Where images stand as figures: at the start of a block of running text, or anywhere in a <figure>. */
const FIGURE_PLACES = new Set<BlockKind>(['paragraph', 'quote'])

class BlockWriter {
  readonly drafts: DraftBlock[] = []
  private text = ''
  private marks: DraftMark[] = []
  private readonly open: Array<{ kind: DraftMark['kind']; start: number }> = []
  private readonly contexts: Context[] = []
  private readonly lists: OpenList[] = []
  private readonly rows: Element[] = []
  private cells: Array<{ start: number; end: number }> = []
  private headerCells = 0
  private figures = 0
  private pre = 0
  /** Open links to a place on the same page, and how much text of the current block they hold. */
  private inPageLinks = 0
  private linkText = 0
  /** Open links elsewhere, and how much text of the current block they hold. */
  private links = 0
  private linkedText = 0
  /** The share of each draft's letters that are link text, for the teaser-run rule. */
  readonly linkShare = new WeakMap<DraftBlock, number>()
  /** The edit link inside the current heading, while it is open and once it is closed. */
  private editLink: { el: Element; start: number; end?: number } | undefined

  private context(): Context | undefined {
    return this.contexts.at(-1)
  }

  flush(): void {
    const end = this.text.length
    // Marks still open continue in the next block, from its start.
    for (const mark of this.open) {
      if (end > mark.start) this.marks.push({ kind: mark.kind, start: mark.start, end })
      mark.start = 0
    }
    // A block that is nothing but links within the page ("Continue reading", a table of contents) is navigation.
    const navigation = this.linkText > 0 && this.linkText >= this.text.replace(/\s+/g, '').length
    if (this.text.trim() && !navigation) {
      const { el: _el, ...structure } = this.context() ?? { kind: 'paragraph' as const, el: null }
      const draft: DraftBlock = {
        ...structure,
        text: this.text,
        ...(this.marks.length ? { marks: this.marks } : {}),
      }
      if (draft.kind === 'row') {
        draft.cells = this.cells
        if (this.headerCells > 0 && this.headerCells === this.cells.length) draft.header = true
      }
      const link = this.editLink
      const share = this.linkedText / Math.max(1, this.text.replace(/\s+/g, '').length)
      const made =
        draft.kind === 'heading' && link?.end !== undefined
          ? splitEditLink(draft, { start: link.start, end: link.end })
          : [draft]
      for (const made1 of made) this.linkShare.set(made1, share)
      this.drafts.push(...made)
    }
    this.text = ''
    this.marks = []
    this.cells = []
    this.headerCells = 0
    this.linkText = 0
    this.linkedText = 0
    this.editLink = undefined
  }

  /** An image becomes a figure that names it, where it stands apart from running text. */
  private image(el: Element): void {
    if (hidden(el)) return
    const place = this.context()?.kind ?? 'paragraph'
    const alt = imageAlt(el)
    if (!FIGURE_PLACES.has(place)) return
    if (this.figures === 0 && (!alt || this.text.trim())) return
    if (this.text.trim()) this.flush()
    this.drafts.push({ kind: 'figure', text: '', ...(alt ? { alt } : {}) })
  }

  private enterContext(el: Element, kind: BlockKind): void {
    // A list inside a caption (some sites list a photo's caption and credit) is still the caption.
    if (kind === 'list-item' && this.contexts.some((c) => c.kind === 'caption')) kind = 'caption'
    const context: Context = { kind, el }
    if (kind === 'heading') context.level = headingLevel(el)
    if (kind === 'code') context.language = codeLanguage(el)
    if (kind === 'list-item') {
      const list = this.lists.at(-1)
      const number = itemNumber(el, list)
      if (this.lists.length > 1) context.depth = this.lists.length - 1
      if (list?.ordered) {
        context.ordered = true
        context.number = number
      }
    }
    this.contexts.push(context)
  }

  /** Returns whether the walk should go into the element's children. */
  enter(el: Element): boolean {
    const name = el.localName
    if (name === 'img' || name === 'picture') {
      this.image(el)
      return false
    }
    if (SKIP.has(name) || hidden(el)) return false
    if (name === 'br') {
      this.text += '\n'
      return false
    }
    const row = this.rows.at(-1)
    if (row && (name === 'td' || name === 'th') && el.parentElement === row) {
      if (this.text.trim()) this.text += CELL_SEPARATOR
      this.cells.push({ start: this.text.length, end: this.text.length })
      if (name === 'th') this.headerCells++
      return true
    }
    const kind = KIND[name]
    if (kind || BLOCK.has(name)) {
      this.flush()
      if (kind) this.enterContext(el, kind)
      if (name === 'pre') this.pre++
      if (name === 'figure') this.figures++
      if (LISTS.has(name)) this.lists.push(openList(el))
      if (name === 'tr' && onlyInline(el)) {
        this.rows.push(el)
        this.contexts.push({ kind: 'row', el })
      }
      return true
    }
    if (this.context()?.kind === 'heading' && !this.editLink && isEditLink(el)) {
      this.editLink = { el, start: this.text.length }
    }
    const mark = this.pre > 0 && name === 'code' ? undefined : MARK[name]
    if (mark) this.open.push({ kind: mark, start: this.text.length })
    if (name === 'a' && inPageLink(el)) this.inPageLinks++
    else if (name === 'a' && el.hasAttribute('href')) this.links++
    return true
  }

  leave(el: Element): void {
    const name = el.localName
    const row = this.rows.at(-1)
    if (row && (name === 'td' || name === 'th') && el.parentElement === row) {
      const cell = this.cells.at(-1)
      if (cell) cell.end = this.text.length
      return
    }
    const kind = KIND[name]
    if (kind || BLOCK.has(name)) {
      this.flush()
      if (this.context()?.el === el) this.contexts.pop()
      if (name === 'pre') this.pre--
      if (name === 'figure') this.figures--
      if (LISTS.has(name)) this.lists.pop()
      if (row === el) this.rows.pop()
      return
    }
    if (this.editLink?.el === el) this.editLink.end = this.text.length
    if (name === 'a' && inPageLink(el)) this.inPageLinks--
    else if (name === 'a' && el.hasAttribute('href')) this.links--
    if (MARK[name] && !(this.pre > 0 && name === 'code')) {
      const mark = this.open.pop()
      if (mark && this.text.length > mark.start)
        this.marks.push({ kind: mark.kind, start: mark.start, end: this.text.length })
    }
  }

  write(text: string): void {
    this.text += text
    if (this.inPageLinks > 0) this.linkText += text.replace(/\s+/g, '').length
    if (this.links > 0) this.linkedText += text.replace(/\s+/g, '').length
  }
}

export function contentBlocks(root: Element): DraftBlock[] {
  const writer = new BlockWriter()
  let node: Node | null = root.firstChild
  while (node) {
    let descend = false
    if (node.nodeType === ELEMENT_NODE) descend = writer.enter(node as Element)
    else if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE)
      writer.write((node as CharacterData).data)
    if (descend && node.firstChild) {
      node = node.firstChild
      continue
    }
    if (descend) writer.leave(node as Element)
    // Climb until a next sibling exists, leaving every element passed on the way up.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode
      if (node && node !== root) writer.leave(node as Element)
    }
    node = node && node !== root ? node.nextSibling : null
  }
  writer.flush()
  return trimTeaserRuns(writer.drafts, writer.linkShare)
}

/** A teaser: a short block that is all but entirely a link to somewhere else. */
const TEASER_LENGTH = 160
const TEASER_LINK_SHARE = 0.8
/** So many teasers in a row are a list of other stories, not the article's own list of sources. */
const TEASER_RUN = 3
const TEASER_KINDS = new Set<BlockKind>(['paragraph', 'list-item', 'heading'])
/**
 * A paragraph of its own that is nothing but a link, between the article's paragraphs: another story's
 * headline set in the text ("Five things we learned from the interview"), however few stand together.
 */
const LONE_TEASER_LENGTH = 120
const LONE_TEASER_LINK_SHARE = 0.95

/**
 * Marks runs of teasers as trimmed: three or more short blocks in a row, each mostly link text
 * ("More from the section", a list of headlines). A run under a heading of its own ("See also",
 * "References"), or inside a longer list or table of the article's, stays.
 */
function trimTeaserRuns(drafts: DraftBlock[], share: WeakMap<DraftBlock, number>): DraftBlock[] {
  const teaser = (d: DraftBlock) =>
    TEASER_KINDS.has(d.kind) &&
    d.text.trim().length <= TEASER_LENGTH &&
    (share.get(d) ?? 0) >= TEASER_LINK_SHARE
  for (let start = 0; start < drafts.length;) {
    let end = start
    while (end < drafts.length && teaser(drafts[end]!)) end++
    // The block before the run, past furniture attached to it (a heading's "[edit]" link).
    let at = start - 1
    while (at >= 0 && drafts[at]!.trimmed && drafts[at]!.attached) at--
    const before = drafts[at]
    const underOwnHeading = before?.kind === 'heading' && !teaser(before) && !before.trimmed
    // Next to list items or table rows that are not teasers, the run is part of the article's own list.
    const inList = [before, drafts[end]].some((d) => d && (d.kind === 'list-item' || d.kind === 'row'))
    if (end - start >= TEASER_RUN && !underOwnHeading && !inList)
      for (let i = start; i < end; i++) drafts[i] = { ...drafts[i]!, trimmed: true }
    else if (end > start && !underOwnHeading && !inList)
      for (let i = start; i < end; i++)
        if (loneTeaser(drafts[i]!, share)) drafts[i] = { ...drafts[i]!, trimmed: true }
    start = Math.max(end, start + 1)
  }
  return drafts
}

/** A paragraph that is all link and reads as a headline: it does not lead into what follows (":"). */
function loneTeaser(draft: DraftBlock, share: WeakMap<DraftBlock, number>): boolean {
  const text = draft.text.trim()
  return (
    draft.kind === 'paragraph' &&
    text.length <= LONE_TEASER_LENGTH &&
    (share.get(draft) ?? 0) >= LONE_TEASER_LINK_SHARE &&
    !/[:：]$/.test(text)
  )
}
