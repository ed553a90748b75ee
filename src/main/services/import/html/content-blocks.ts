// Readability's article DOM to draft blocks: paragraphs, headings, quotes, list items, captions,
// table rows as text, emphasis and strong marks. Only text leaves the DOM, never markup. The walk
// follows sibling and parent pointers rather than recursing, so no page can overflow the stack.
import type { BlockKind } from '../../../../shared/model'
import type { DraftBlock, DraftMark } from '../text-blocks'
import { BLOCK, CELL_SEPARATOR, hidden, inPageLink, KIND, MARK, onlyInline, SKIP } from './html-elements'

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const CDATA_SECTION_NODE = 4

/** Splits a draft at blank lines (pre-formatted text), carrying its marks into each piece. */
function splitAtBlankLines(draft: DraftBlock): DraftBlock[] {
  const pieces: DraftBlock[] = []
  const separator = /\n[ \t\r]*\n/g
  let from = 0
  for (let m = separator.exec(draft.text); ; m = separator.exec(draft.text)) {
    const to = m ? m.index : draft.text.length
    const marks = (draft.marks ?? [])
      .filter((mark) => mark.end > from && mark.start < to)
      .map((mark) => ({
        kind: mark.kind,
        start: Math.max(mark.start, from) - from,
        end: Math.min(mark.end, to) - from,
      }))
    pieces.push({ kind: draft.kind, text: draft.text.slice(from, to), ...(marks.length ? { marks } : {}) })
    if (!m) break
    from = m.index + m[0].length
  }
  return pieces
}

class BlockWriter {
  readonly drafts: DraftBlock[] = []
  private text = ''
  private marks: DraftMark[] = []
  private readonly open: Array<{ kind: DraftMark['kind']; start: number }> = []
  private readonly kinds: BlockKind[] = []
  private readonly rows: Element[] = []
  private pre = 0
  /** Open links to a place on the same page, and how much text of the current block they hold. */
  private inPageLinks = 0
  private linkText = 0

  private kind(): BlockKind {
    return this.kinds.at(-1) ?? 'paragraph'
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
      const draft: DraftBlock = {
        kind: this.kind(),
        text: this.text,
        ...(this.marks.length ? { marks: this.marks } : {}),
      }
      this.drafts.push(...(this.pre > 0 ? splitAtBlankLines(draft) : [draft]))
    }
    this.text = ''
    this.marks = []
    this.linkText = 0
  }

  /** Returns whether the walk should go into the element's children. */
  enter(el: Element): boolean {
    const name = el.localName
    if (SKIP.has(name) || hidden(el)) return false
    if (name === 'br') {
      this.text += '\n'
      return false
    }
    const row = this.rows.at(-1)
    if (row && (name === 'td' || name === 'th') && el.parentElement === row) {
      if (this.text.trim()) this.text += CELL_SEPARATOR
      return true
    }
    const kind = KIND[name]
    if (kind || BLOCK.has(name)) {
      this.flush()
      if (kind) this.kinds.push(kind)
      if (name === 'pre') this.pre++
      if (name === 'tr' && onlyInline(el)) this.rows.push(el)
      return true
    }
    const mark = MARK[name]
    if (mark) this.open.push({ kind: mark, start: this.text.length })
    if (name === 'a' && inPageLink(el)) this.inPageLinks++
    return true
  }

  leave(el: Element): void {
    const name = el.localName
    const row = this.rows.at(-1)
    if (row && (name === 'td' || name === 'th') && el.parentElement === row) return
    const kind = KIND[name]
    if (kind || BLOCK.has(name)) {
      this.flush()
      if (kind) this.kinds.pop()
      if (name === 'pre') this.pre--
      if (row === el) this.rows.pop()
      return
    }
    if (name === 'a' && inPageLink(el)) this.inPageLinks--
    if (MARK[name]) {
      const mark = this.open.pop()
      if (mark && this.text.length > mark.start)
        this.marks.push({ kind: mark.kind, start: mark.start, end: this.text.length })
    }
  }

  write(text: string): void {
    this.text += text
    if (this.inPageLinks > 0) this.linkText += text.replace(/\s+/g, '').length
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
  return writer.drafts
}
