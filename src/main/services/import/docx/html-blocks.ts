// Walks the HTML mammoth makes of a Word document into draft blocks: headings with their level,
// paragraphs, list items with their depth and number, quotes, code, captions, table rows with their
// cells, and figures named by a picture's alt text; italic, bold, superscript and subscript are kept as
// inline marks. Pictures leave no text but are remembered, because the italic paragraph under a
// picture is its caption.
import { normalizeSpace, type DraftBlock, type DraftMark } from '../text-blocks'

export interface WordBlock extends DraftBlock {
  /** Set by the style map for the Word "Title" style. */
  titleStyle: boolean
  /** Every letter of the block is in italics. */
  allItalic: boolean
  /** The block comes right after a picture. */
  afterImage: boolean
}

interface Run {
  text: string
  marks: DraftMark[]
  images: number
  /** The alt text of each picture, "" where it has none. */
  alts: string[]
}

const MARK_TAGS: Record<string, DraftMark['kind']> = {
  EM: 'emphasis',
  I: 'emphasis',
  STRONG: 'strong',
  B: 'strong',
  SUP: 'superscript',
  SUB: 'subscript',
}
/** mammoth links each footnote back to its reference with an "↑" link; it is navigation, not text. */
const BACK_LINK = /^#(?:footnote|endnote|comment)-ref-/

function collect(node: Node, run: Run, skipLists: boolean): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      run.text += child.nodeValue ?? ''
      continue
    }
    if (child.nodeType !== 1) continue
    const element = child as Element
    const tag = element.tagName
    if (tag === 'IMG') {
      run.images++
      run.alts.push(normalizeSpace(element.getAttribute('alt') ?? '').slice(0, 300))
    } else if (tag === 'BR') run.text += '\n'
    else if (skipLists && (tag === 'UL' || tag === 'OL')) continue
    else if (tag === 'A' && BACK_LINK.test(element.getAttribute('href') ?? '')) continue
    else {
      const start = run.text.length
      collect(element, run, skipLists)
      const kind = MARK_TAGS[tag]
      if (kind && run.text.length > start) run.marks.push({ kind, start, end: run.text.length })
    }
  }
}

function runOf(element: Element, skipLists = false): Run {
  const run: Run = { text: '', marks: [], images: 0, alts: [] }
  collect(element, run, skipLists)
  return run
}

/** True when no letter or digit of the text lies outside an emphasis mark. */
function isAllItalic(run: Run): boolean {
  if (!/[\p{L}\p{N}]/u.test(run.text)) return false
  const italic = run.marks.filter((m) => m.kind === 'emphasis')
  for (let i = 0; i < run.text.length; i++) {
    if (/[\p{L}\p{N}]/u.test(run.text[i]!) && !italic.some((m) => m.start <= i && i < m.end)) return false
  }
  return true
}

export function wordBlocks(root: ParentNode): WordBlock[] {
  const blocks: WordBlock[] = []
  let afterImage = false
  const push = (kind: DraftBlock['kind'], run: Run, extra: Partial<WordBlock> = {}): void => {
    // A picture stands as a figure before the text it sits in: Word keeps no place for it of its own.
    for (const alt of run.alts)
      blocks.push({
        kind: 'figure',
        text: '',
        titleStyle: false,
        allItalic: false,
        afterImage,
        ...(alt ? { alt } : {}),
      })
    if (run.images) afterImage = true
    if (!run.text.trim()) return
    blocks.push({
      kind,
      text: run.text,
      marks: run.marks,
      titleStyle: false,
      allItalic: isAllItalic(run),
      afterImage,
      ...extra,
    })
    // A picture inside this very paragraph is captioned by the next one as well.
    afterImage = run.images > 0
  }
  const list = (element: Element, depth: number): void => {
    const ordered = element.tagName === 'OL'
    let number = 0
    for (const item of Array.from(element.children)) {
      if (item.tagName !== 'LI') continue
      number++
      push('list-item', runOf(item, true), {
        ...(depth > 0 ? { depth } : {}),
        ...(ordered ? { ordered: true, number } : {}),
      })
      for (const child of Array.from(item.children))
        if (child.tagName === 'UL' || child.tagName === 'OL') list(child, depth + 1)
    }
  }
  const walk = (parent: ParentNode, inQuote: boolean): void => {
    for (const element of Array.from(parent.children)) {
      const tag = element.tagName
      const heading = /^H([1-6])$/.exec(tag)
      if (heading) {
        push('heading', runOf(element), {
          level: Number(heading[1]),
          titleStyle: element.classList.contains('doc-title'),
        })
      } else if (tag === 'P') {
        push(
          element.classList.contains('caption') ? 'caption' : inQuote ? 'quote' : 'paragraph',
          runOf(element),
        )
      } else if (tag === 'PRE') {
        push('code', runOf(element))
      } else if (tag === 'UL' || tag === 'OL') {
        list(element, 0)
      } else if (tag === 'BLOCKQUOTE') {
        walk(element, true)
      } else if (tag === 'TABLE') {
        // One block per row, its cells joined as the Markdown importer does, each cell a range of it.
        for (const row of Array.from(element.querySelectorAll('tr'))) {
          const cells = Array.from(row.children).map((cell) => runOf(cell).text.replace(/\s+/g, ' ').trim())
          // Separators stand only between cells with text; an empty cell keeps its place as an empty range.
          let text = ''
          const ranges = cells.map((cell) => {
            if (cell && text) text += ' · '
            const range = { start: text.length, end: text.length + cell.length }
            text += cell
            return range
          })
          const header = row.children.length > 0 && Array.from(row.children).every((c) => c.tagName === 'TH')
          push(
            'row',
            { text, marks: [], images: 0, alts: [] },
            {
              cells: ranges,
              ...(header ? { header: true } : {}),
            },
          )
        }
      } else {
        walk(element, inQuote)
      }
    }
  }
  walk(root, false)
  return blocks
}
