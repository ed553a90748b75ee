// Walks the HTML mammoth makes of a Word document into draft blocks: headings, paragraphs, list items,
// quotes, captions and table rows, with italic and bold kept as inline marks. Images leave no text but
// are remembered, because the italic paragraph under a picture is its caption.
import type { DraftBlock, DraftMark } from '../text-blocks'

export interface WordBlock extends DraftBlock {
  /** Heading level 1–6 for headings; 0 for the rest. */
  level: number
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
}

const MARK_TAGS: Record<string, DraftMark['kind']> = {
  EM: 'emphasis',
  I: 'emphasis',
  STRONG: 'strong',
  B: 'strong',
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
    if (tag === 'IMG') run.images++
    else if (tag === 'BR') run.text += '\n'
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
  const run: Run = { text: '', marks: [], images: 0 }
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
    if (run.images) afterImage = true
    if (!run.text.trim()) return
    blocks.push({
      kind,
      text: run.text,
      marks: run.marks,
      level: 0,
      titleStyle: false,
      allItalic: isAllItalic(run),
      afterImage,
      ...extra,
    })
    // A picture inside this very paragraph is captioned by the next one as well.
    afterImage = run.images > 0
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
      } else if (tag === 'UL' || tag === 'OL') {
        for (const item of Array.from(element.children)) {
          push('list-item', runOf(item, true))
          walk(item, inQuote)
        }
      } else if (tag === 'BLOCKQUOTE') {
        walk(element, true)
      } else if (tag === 'TABLE') {
        // One block per row, cells joined as the Markdown importer does, so a table reads as lines of data.
        for (const row of Array.from(element.querySelectorAll('tr'))) {
          const cells = Array.from(row.children).map((cell) => runOf(cell).text.replace(/\s+/g, ' ').trim())
          push('paragraph', { text: cells.filter(Boolean).join(' · '), marks: [], images: 0 })
        }
      } else {
        walk(element, inQuote)
      }
    }
  }
  walk(root, false)
  return blocks
}
