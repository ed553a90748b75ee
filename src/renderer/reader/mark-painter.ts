// Paints highlights, mentions and search hits over the reader's text with the CSS Custom Highlight API:
// ranges registered in CSS.highlights and styled by ::highlight() rules, so the text DOM is never split
// for a mark. Adding one mark costs one range, whatever the number of marks already painted.

/** One painted range of the canonical text; `layer` names the ::highlight() style it takes. */
export interface PaintMark {
  id: string
  start: number
  end: number
  layer: string
}

interface Painted extends PaintMark {
  /** Made when the mark first comes near the screen; null until then or while its text is not shown. */
  range: StaticRange | null
  /** Whether the range is registered in its layer now. */
  shown: boolean
  /** Only registered while near the screen (highlights and mentions); flashes and hits always are. */
  windowed: boolean
}

/** A rendered text node and the canonical offset it starts at. */
interface TextPiece {
  start: number
  node: Text
}

interface Point {
  node: Text
  offset: number
  /** Position of the piece in reading order. */
  index: number
}

export const HIGHLIGHT_PREFIX = 'dossier-'

/** Whether this browser paints CSS highlights (Chromium 105+, Electron); marks are skipped otherwise. */
export const canPaint = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined'

/** Stacking of the layer groups: search hits above mentions above highlights; a flash above all. */
const PRIORITY: Record<string, number> = { code: 1, entity: 2, hit: 3, cursor: 4, flash: 5 }

function layerPriority(layer: string): number {
  return PRIORITY[layer.split('-')[0]!] ?? 0
}

/**
 * Chromium re-validates every registered range after any change to the page, so the cost of a key press
 * grows with the number of ranges registered. Only marks within this window of the text around the
 * screen are registered; scrolling moves the window.
 */
const INITIAL_WINDOW = { start: 0, end: 30_000 }

export class MarkPainter {
  private pieces: TextPiece[] = []
  /** Where each rendered text node starts in the canonical text. */
  private starts = new WeakMap<Text, number>()
  private readonly marks = new Map<string, Map<string, Painted>>()
  private readonly layers = new Map<string, Highlight>()
  private window = { ...INITIAL_WINDOW }

  constructor(private readonly root: HTMLElement) {}

  /**
   * Re-reads the rendered text pieces (every span with data-start holds one text node) and paints the
   * marks that had no range yet, e.g. after more of a long article was rendered or trimmed text shown.
   */
  reindex(): void {
    const pieces: TextPiece[] = []
    for (const span of this.root.querySelectorAll<HTMLElement>('[data-start]')) {
      const start = Number(span.dataset.start)
      const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT)
      let offset = start
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        pieces.push({ start: offset, node: node as Text })
        offset += (node as Text).length
      }
    }
    pieces.sort((a, b) => a.start - b.start)
    this.pieces = pieces
    this.starts = new WeakMap(pieces.map((piece) => [piece.node, piece.start]))
    for (const group of this.marks.values()) {
      for (const mark of group.values()) {
        if (mark.range && mark.range.startContainer.isConnected) continue
        this.unpaint(mark)
        mark.range = null
        this.show(mark)
      }
    }
  }

  /** Whether [start, end) of the text lies inside the window of registered marks. */
  covers(start: number, end: number): boolean {
    return start >= this.window.start && end <= this.window.end
  }

  /** Registers the windowed marks that overlap [start, end) of the text and takes the others off. */
  setWindow(start: number, end: number): void {
    if (start === this.window.start && end === this.window.end) return
    this.window = { start, end }
    for (const group of this.marks.values())
      for (const mark of group.values()) {
        if (!mark.windowed) continue
        if (this.inWindow(mark)) this.show(mark)
        else this.unpaint(mark)
      }
  }

  /** Makes `group` show exactly `marks`: unchanged marks keep their range, others are added or taken off. */
  set(group: string, marks: readonly PaintMark[], options: { windowed?: boolean } = {}): void {
    const windowed = options.windowed ?? false
    const current = this.marks.get(group) ?? new Map<string, Painted>()
    this.marks.set(group, current)
    const wanted = new Set<string>()
    for (const mark of marks) {
      wanted.add(mark.id)
      const old = current.get(mark.id)
      if (old && old.start === mark.start && old.end === mark.end && old.layer === mark.layer) continue
      if (old) this.unpaint(old)
      const painted: Painted = { ...mark, range: null, shown: false, windowed }
      current.set(mark.id, painted)
      this.show(painted)
    }
    for (const [id, old] of current) {
      if (wanted.has(id)) continue
      this.unpaint(old)
      current.delete(id)
    }
  }

  /** Ids of the marks of `group` that cover `offset`. */
  at(group: string, offset: number): string[] {
    const found: string[] = []
    for (const mark of this.marks.get(group)?.values() ?? [])
      if (mark.start <= offset && offset < mark.end) found.push(mark.id)
    return found
  }

  /** A live DOM range over [start, end) of the canonical text, or null where it is not rendered. */
  range(start: number, end: number): Range | null {
    const ends = this.ends(start, end)
    if (!ends) return null
    const [from, to] = ends
    const range = document.createRange()
    range.setStart(from.node, from.offset)
    range.setEnd(to.node, to.offset)
    return range
  }

  /** The canonical offset of a DOM point inside the reader's text, or null outside it. */
  offsetOf(node: Node, offset: number): number | null {
    if (!(node instanceof Text)) return null
    const start = this.starts.get(node)
    return start === undefined ? null : start + offset
  }

  dispose(): void {
    for (const name of this.layers.keys()) CSS.highlights.delete(HIGHLIGHT_PREFIX + name)
    this.layers.clear()
    this.marks.clear()
    this.pieces = []
    this.starts = new WeakMap()
  }

  private inWindow(mark: Painted): boolean {
    return !mark.windowed || (mark.end > this.window.start && mark.start < this.window.end)
  }

  /** Registers the mark if it belongs on screen, making its range first if needed. */
  private show(mark: Painted): void {
    if (mark.shown || !this.inWindow(mark)) return
    mark.range ??= this.staticRange(mark.start, mark.end)
    this.paint(mark)
  }

  private paint(mark: Painted): void {
    if (!mark.range || !canPaint) return
    mark.shown = true
    let layer = this.layers.get(mark.layer)
    if (!layer) {
      layer = new Highlight()
      layer.priority = layerPriority(mark.layer)
      this.layers.set(mark.layer, layer)
      CSS.highlights.set(HIGHLIGHT_PREFIX + mark.layer, layer)
    }
    layer.add(mark.range)
  }

  private unpaint(mark: Painted): void {
    if (mark.range && mark.shown) this.layers.get(mark.layer)?.delete(mark.range)
    mark.shown = false
  }

  /** Both ends of a range, or null when no rendered text lies inside it (e.g. hidden trimmed text). */
  private ends(start: number, end: number): [Point, Point] | null {
    if (end <= start) return null
    const from = this.locate(start, false)
    const to = this.locate(end, true)
    if (!from || !to) return null
    if (from.index > to.index || (from.index === to.index && from.offset >= to.offset)) return null
    return [from, to]
  }

  private staticRange(start: number, end: number): StaticRange | null {
    const ends = this.ends(start, end)
    if (!ends) return null
    const [from, to] = ends
    return new StaticRange({
      startContainer: from.node,
      startOffset: from.offset,
      endContainer: to.node,
      endOffset: to.offset,
    })
  }

  /**
   * The text node and offset of a canonical offset. A range end that falls on a piece boundary belongs
   * to the piece before it (`asEnd`), so a mark never spills into the next block.
   */
  private locate(offset: number, asEnd: boolean): Point | null {
    const pieces = this.pieces
    let low = 0
    let high = pieces.length - 1
    let found = -1
    while (low <= high) {
      const mid = (low + high) >>> 1
      const piece = pieces[mid]!
      if (piece.start < offset || (!asEnd && piece.start === offset)) {
        found = mid
        low = mid + 1
      } else high = mid - 1
    }
    // A start between pieces (in text that is not rendered, such as the gap between blocks) moves to
    // the next rendered piece; an end there moves back to the end of the previous one.
    if (found === -1) {
      const first = pieces[0]
      return !asEnd && first ? { node: first.node, offset: 0, index: 0 } : null
    }
    const piece = pieces[found]!
    const within = offset - piece.start
    if (within <= piece.node.length) return { node: piece.node, offset: within, index: found }
    if (asEnd) return { node: piece.node, offset: piece.node.length, index: found }
    const next = pieces[found + 1]
    return next ? { node: next.node, offset: 0, index: found + 1 } : null
  }
}
