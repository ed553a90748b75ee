// What the reader scenario asks of the page, as plain data: bench/page/reader-probes.ts implements it in
// the browser (with DOM types), and the scenario calls it by name (with Node's), so neither side's
// library types leak into the other's project.

export interface TextSpan {
  start: number
  end: number
}

export interface OpenWanted {
  title: string
  /** Sorted starts of the article's highlights and painted mentions. */
  highlightStarts: number[]
  mentionStarts: number[]
}

export interface OpenTiming {
  /** From the click to the frame after the first screen's text and marks were all in place. */
  firstScreenMs: number
  /** From the click to the frame after the whole text was rendered and every mark painted. */
  completeMs: number
  /** From the click to the article's reply read (articles.get: server, transfer, no parsing). */
  arrivedMs: number
  visibleHighlights: number
  visibleMentions: number
}

export interface AddTiming {
  /** From the key press to the frame after the new highlight's range was in CSS.highlights. */
  paintedMs: number
  text: string
}

export interface ScrollResult {
  longestTaskMs: number
  tasksOver50: number
  frames: number
  longestFrameMs: number
  framesOver50: number
  scrolledPx: number
  durationMs: number
}

export interface BareBlock extends TextSpan {
  kind: string
}

export interface BareMark extends TextSpan {
  layer: string
}

/** Everything bench/page/reader-probes.ts puts on `globalThis.readerProbes`. */
export interface ReaderProbes {
  /** Arms the next click: openResult() then times the opening of `wanted`. */
  armOpen(wanted: OpenWanted): void
  openResult(): Promise<OpenTiming>
  /** Whether the reader shows `title` with its whole text rendered. */
  opened(title: string): boolean
  /** Selects [start, end) of the canonical text in the reader, scrolled into view; true if it scrolled. */
  select(range: TextSpan): boolean
  /** Arms the next key press: addResult() then waits for one more highlight over the selection. */
  armKey(): void
  addResult(): Promise<AddTiming>
  /** Scrolls the window top to bottom, `step` of a viewport per frame, watching long tasks. */
  scrollThrough(step: number): Promise<ScrollResult>
  /** Two animation frames with nothing changed: the least any "painted" figure can be. */
  idleFrames(): Promise<number>
  /** A bare page: the same text as plain blocks, and these ::highlight() rules. */
  bareRender(text: string, blocks: BareBlock[], css: string): void
  /** Creates and registers ranges for `marks`; ms until two frames later. */
  barePaint(marks: BareMark[]): Promise<number>
  /** Changes one small element's text; ms until two frames later, as any DOM change in the app costs. */
  bareTouch(): Promise<number>
  bareClear(): Promise<void>
}
