// Maps the DOM Selection inside the reader to offsets of the canonical text. Every rendered piece of text
// sits in a span with data-start (its absolute offset), so a boundary is that span's start plus the
// characters before it inside the span.
import { trimRange, type TextRange } from './text-range'

function spanOf(node: Node, root: HTMLElement): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement
  const span = element?.closest<HTMLElement>('[data-start]') ?? null
  return span && root.contains(span) ? span : null
}

/** Characters of the span's text that come before (node, offset). */
function offsetInSpan(span: HTMLElement, node: Text, offset: number): number {
  let before = 0
  const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT)
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (current === node) return before + offset
    before += (current as Text).length
  }
  return before
}

function textPosition(node: Text, offset: number, root: HTMLElement): number | null {
  const span = spanOf(node, root)
  if (!span) return null
  const start = Number(span.dataset.start)
  return Number.isFinite(start) ? start + offsetInSpan(span, node, offset) : null
}

/**
 * For a boundary that is not inside a text node of a data-start span (an element boundary, or text outside
 * the spans), the nearest mapped text in the direction of the selection: the first one at or after a start
 * boundary, the last one at or before an end boundary.
 */
function nearestPosition(range: Range, root: HTMLElement, edge: 'start' | 'end'): number | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      spanOf(node, root) && range.intersectsNode(node) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
  })
  let first: Text | null = null
  let last: Text | null = null
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    first ??= node as Text
    last = node as Text
    if (edge === 'start') break
  }
  if (edge === 'start') {
    if (!first) return null
    return textPosition(first, first === range.startContainer ? range.startOffset : 0, root)
  }
  if (!last) return null
  return textPosition(last, last === range.endContainer ? range.endOffset : last.length, root)
}

function boundary(range: Range, root: HTMLElement, edge: 'start' | 'end'): number | null {
  const node = edge === 'start' ? range.startContainer : range.endContainer
  const offset = edge === 'start' ? range.startOffset : range.endOffset
  if (node instanceof Text && spanOf(node, root)) return textPosition(node, offset, root)
  return nearestPosition(range, root, edge)
}

/**
 * The canonical range of the current selection inside `root`, trimmed of surrounding whitespace; null when
 * the selection is empty, collapsed, or not inside the reader.
 */
export function selectionOffsets(
  selection: Selection | null,
  root: HTMLElement | null,
  text: string,
): TextRange | null {
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer)) return null
  const start = boundary(range, root, 'start')
  const end = boundary(range, root, 'end')
  if (start === null || end === null || end <= start) return null
  return trimRange(text, { start, end })
}
