// Runs inside the page: times the reader from the user's event (click, key) to the frame that shows its
// effect, reading what is painted from CSS.highlights, and builds the bare page used as a floor.
// Transpiled on its own and added to every page as a script (bench/lib/page-script.ts), so its DOM
// types stay out of the Node project; checked by tsconfig.e2e.json.
import type {
  BareBlock,
  BareMark,
  OpenTiming,
  OpenWanted,
  ReaderProbes,
  ScrollResult,
  TextSpan,
} from '../lib/reader-probe-api'

const TIMEOUT_MS = 60_000

const frame = () => new Promise<number>((done) => requestAnimationFrame(done))

/**
 * Checks `ready` at every frame; once it holds, waits one more frame, so the frame holding the change has
 * been painted (the check's own frame is the first of the usual two). Returns the time of that frame.
 */
async function paintedWhen(ready: () => boolean, what: string, state = () => ''): Promise<number> {
  const start = performance.now()
  for (;;) {
    await frame()
    if (ready()) break
    if (performance.now() - start > TIMEOUT_MS) throw new Error(`timed out waiting for ${what} ${state()}`)
  }
  await frame()
  return performance.now()
}

function reader(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="reader"]')
}

/**
 * How many ranges the groups whose names start with `prefix` hold, leaving out the Highlight objects in
 * `stale`: those registered before the article was opened. (mark-painter.ts's dispose() deletes the
 * layer names without their "dossier-" prefix, so the last article's groups stay registered, over
 * detached text, until a group of the same name replaces them.)
 */
function paintedSize(prefix: string, stale: ReadonlySet<Highlight> = new Set()): number {
  let size = 0
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith(prefix) && !stale.has(highlight)) size += highlight.size
  return size
}

/** Canonical offset at a viewport point of the reader's text, from the span's data-start. */
function offsetAt(x: number, y: number): number | null {
  const caret = document.caretPositionFromPoint(x, y)
  const span = caret?.offsetNode.parentElement?.closest<HTMLElement>('[data-start]')
  return caret && span ? Number(span.dataset.start) + caret.offset : null
}

/** The canonical offset where the visible text ends (the window is at the top while opening). */
function visibleEnd(root: HTMLElement): number | null {
  const box = root.getBoundingClientRect()
  for (let y = window.innerHeight - 2; y > window.innerHeight / 2; y -= 12) {
    for (const x of [box.left + 60, box.left + box.width / 2, box.right - 60]) {
      const offset = offsetAt(x, y)
      if (offset !== null) return offset
    }
  }
  return null
}

function countBelow(sorted: readonly number[], limit: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (sorted[mid]! < limit) low = mid + 1
    else high = mid
  }
  return low
}

let clickAt: number | null = null
let opening: Promise<OpenTiming> | null = null
let keyAt: number | null = null
let adding: Promise<{ paintedMs: number; text: string }> | null = null
let selected: StaticRange | null = null

let articleArrivedAt = 0

// When the reader's article has arrived: the client reads each reply with response.text().
const text = Response.prototype.text
Response.prototype.text = async function (this: Response) {
  const body = await text.call(this)
  if (this.url.endsWith('/api/articles.get')) articleArrivedAt = performance.now()
  return body
}

window.addEventListener('click', (event) => (clickAt = event.timeStamp), { capture: true })
window.addEventListener('keydown', (event) => (keyAt = event.timeStamp), { capture: true })

async function timeOpen(wanted: OpenWanted): Promise<OpenTiming> {
  const started = performance.now()
  const stale = new Set(CSS.highlights.values())
  while (clickAt === null || clickAt < started) {
    await frame()
    if (performance.now() - started > TIMEOUT_MS) throw new Error('no click')
  }
  const at = clickAt
  let visibleHighlights = 0
  let visibleMentions = 0
  const shown = () => {
    const root = reader()
    if (!root || root.querySelector('h1')?.textContent !== wanted.title) return null
    return root.querySelector('[data-start]') ? root : null
  }
  let end: number | null = null
  const state = () =>
    JSON.stringify({
      end,
      visibleHighlights,
      visibleMentions,
      codes: paintedSize('dossier-code-', stale),
      entities: paintedSize('dossier-entity-', stale),
      title: reader()?.querySelector('h1')?.textContent,
      scrollY: window.scrollY,
    })
  const firstScreen = await paintedWhen(
    () => {
      const root = shown()
      end = root && visibleEnd(root)
      if (!root || end === null) return false
      visibleHighlights = countBelow(wanted.highlightStarts, end)
      visibleMentions = countBelow(wanted.mentionStarts, end)
      return (
        paintedSize('dossier-code-', stale) >= visibleHighlights &&
        paintedSize('dossier-entity-', stale) >= visibleMentions
      )
    },
    'the first screen',
    state,
  )
  const complete = await paintedWhen(
    // Only the marks around the screen are registered (mark-painter.ts), so the whole text is done
    // when it is all rendered and the first screen's marks are still painted.
    () =>
      shown()?.dataset.rendered === 'complete' &&
      paintedSize('dossier-code-', stale) >= visibleHighlights &&
      paintedSize('dossier-entity-', stale) >= visibleMentions,
    'the whole text',
    state,
  )
  return {
    firstScreenMs: firstScreen - at,
    completeMs: complete - at,
    arrivedMs: articleArrivedAt - at,
    visibleHighlights,
    visibleMentions,
  }
}

/** The text node and offset of a canonical offset, from the spans' data-start. */
function pointAt(spans: HTMLElement[], offset: number, asEnd: boolean): { node: Text; offset: number } {
  let low = 0
  let high = spans.length - 1
  let found = 0
  while (low <= high) {
    const mid = (low + high) >>> 1
    const start = Number(spans[mid]!.dataset.start)
    if (start < offset || (!asEnd && start === offset)) {
      found = mid
      low = mid + 1
    } else high = mid - 1
  }
  const span = spans[found]!
  return { node: span.firstChild as Text, offset: offset - Number(span.dataset.start) }
}

function select({ start, end }: TextSpan): boolean {
  const root = reader()!
  const spans = [...root.querySelectorAll<HTMLElement>('[data-start]')]
  const from = pointAt(spans, start, false)
  const to = pointAt(spans, end, true)
  const range = document.createRange()
  range.setStart(from.node, from.offset)
  range.setEnd(to.node, to.offset)
  let box = range.getBoundingClientRect()
  const scrolled = box.top < 100 || box.bottom > window.innerHeight - 100
  if (scrolled) {
    from.node.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' })
    box = range.getBoundingClientRect()
  }
  const selection = window.getSelection()!
  selection.removeAllRanges()
  selection.addRange(range)
  selected = new StaticRange(range)
  document.dispatchEvent(new Event('selectionchange'))
  root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: box.right, clientY: box.bottom }))
  return scrolled
}

function sameRange(a: AbstractRange, b: AbstractRange): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  )
}

async function timeAdd(before: number, armedAt: number): Promise<{ paintedMs: number; text: string }> {
  const wanted = selected!
  let text = ''
  const done = await paintedWhen(() => {
    if (keyAt === null || keyAt < armedAt || paintedSize('dossier-code-') <= before) return false
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('dossier-code-')) continue
      for (const range of highlight as unknown as Iterable<AbstractRange>) {
        if (!sameRange(range, wanted)) continue
        const live = document.createRange()
        live.setStart(range.startContainer, range.startOffset)
        live.setEnd(range.endContainer, range.endOffset)
        text = live.toString()
        return true
      }
    }
    return false
  }, 'the new highlight')
  return { paintedMs: done - keyAt!, text }
}

async function scrollThrough(step: number): Promise<ScrollResult> {
  const tasks: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration)
  })
  observer.observe({ type: 'longtask', buffered: false })
  window.scrollTo({ top: 0, behavior: 'instant' })
  await frame()
  let last = await frame()
  const started = last
  const gaps: number[] = []
  const px = Math.round(window.innerHeight * step)
  const bottom = () => document.documentElement.scrollHeight - window.innerHeight - 1
  while (window.scrollY < bottom()) {
    window.scrollBy({ top: px, behavior: 'instant' })
    const now = await frame()
    gaps.push(now - last)
    last = now
    if (now - started > 5 * TIMEOUT_MS) throw new Error('scrolling took too long')
  }
  await frame()
  await frame()
  await new Promise((done) => setTimeout(done, 200))
  for (const entry of observer.takeRecords()) tasks.push(entry.duration)
  observer.disconnect()
  return {
    longestTaskMs: Math.max(0, ...tasks),
    tasksOver50: tasks.filter((ms) => ms > 50).length,
    frames: gaps.length,
    longestFrameMs: Math.max(0, ...gaps),
    framesOver50: gaps.filter((ms) => ms > 50).length,
    scrolledPx: window.scrollY,
    durationMs: last - started,
  }
}

/** The bare page's text nodes, by the canonical offset each starts at. */
let bare: { starts: number[]; nodes: Text[] } = { starts: [], nodes: [] }

function bareRender(text: string, blocks: BareBlock[], css: string): void {
  document.head.innerHTML = ''
  const style = document.createElement('style')
  style.textContent = `${css}
    article { max-width: 68ch; margin: 0 auto; padding: 24px 20px 30vh; font: 18px/1.65 Georgia, serif; }
    p, ul, blockquote, h2 { margin: 0 0 1.1em; }`
  document.head.append(style)
  const article = document.createElement('article')
  let list: HTMLElement | null = null
  bare = { starts: [], nodes: [] }
  for (const block of blocks) {
    const tag = { heading: 'h2', quote: 'blockquote', 'list-item': 'li' }[block.kind] ?? 'p'
    const element = document.createElement(tag)
    const node = document.createTextNode(text.slice(block.start, block.end))
    element.append(node)
    bare.starts.push(block.start)
    bare.nodes.push(node)
    if (tag === 'li') {
      if (!list) article.append((list = document.createElement('ul')))
      list.append(element)
    } else {
      list = null
      article.append(element)
    }
  }
  document.body.replaceChildren(article)
}

function barePoint(offset: number): { node: Text; offset: number } {
  const index = Math.max(0, countBelow(bare.starts, offset + 1) - 1)
  return { node: bare.nodes[index]!, offset: offset - bare.starts[index]! }
}

async function barePaint(marks: BareMark[]): Promise<number> {
  const start = performance.now()
  const layers = new Map<string, Highlight>()
  for (const mark of marks) {
    const from = barePoint(mark.start)
    const to = barePoint(mark.end)
    let layer = layers.get(mark.layer)
    if (!layer) layers.set(mark.layer, (layer = new Highlight()))
    layer.add(
      new StaticRange({
        startContainer: from.node,
        startOffset: from.offset,
        endContainer: to.node,
        endOffset: Math.min(to.offset, to.node.length),
      }),
    )
  }
  for (const [name, layer] of layers) CSS.highlights.set(`dossier-${name}`, layer)
  await frame()
  await frame()
  return performance.now() - start
}

const probes: ReaderProbes = {
  armOpen(wanted) {
    opening = timeOpen(wanted)
  },
  openResult: () => opening!,
  opened(title) {
    const root = reader()
    return root?.dataset.rendered === 'complete' && root.querySelector('h1')?.textContent === title
  },
  select,
  armKey() {
    adding = timeAdd(paintedSize('dossier-code-'), performance.now())
  },
  addResult: () => adding!,
  scrollThrough,
  async idleFrames() {
    const start = performance.now()
    await frame()
    await frame()
    return performance.now() - start
  },
  bareRender,
  barePaint,
  async bareTouch() {
    const start = performance.now()
    const note =
      document.getElementById('bench-note') ?? document.body.appendChild(document.createElement('div'))
    note.id = 'bench-note'
    note.textContent = String(start)
    await frame()
    await frame()
    return performance.now() - start
  },
  async bareClear() {
    CSS.highlights.clear()
    await frame()
    await frame()
  },
}

;(globalThis as unknown as { readerProbes: ReaderProbes }).readerProbes = probes
