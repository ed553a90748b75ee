// The blocks of the open article, with trimmed passages hidden unless asked for. Long articles render in
// slices: the first screens at once, the rest in the next tasks, so opening never waits for the whole
// text. Memoised on the text alone: highlights, mentions, selection and toolbar never re-render it.
import { Fragment, memo, useEffect, useLayoutEffect, useMemo, useState } from 'react'
import type { Block, InlineMark } from '../../shared/model'
import { ArticleBlock } from './ArticleBlock'
import classes from './Reader.module.css'
import { groupListItems, renderedBlocks, type RenderedBlock } from './segments'
import { TrimmedPassage } from './TrimmedPassage'

/** Characters rendered before the first paint (a few screens), then per later slice. */
const FIRST_SLICE_CHARS = 12_000
const SLICE_CHARS = 40_000

interface ArticleBodyProps {
  title: string
  text: string
  blocks: Block[]
  inline: InlineMark[] | undefined
  /** Keep a first heading that repeats the title, because something is anchored in it. */
  keepTitleHeading: boolean
  showTrimmed: boolean
  /** Blocks restored while reading, which keep a "Trim" action while trimmed text is shown. */
  restored: ReadonlySet<number>
  /** Must be stable across renders, or the memo is lost. */
  onSetTrimmed: (index: number, trimmed: boolean) => void
  /** Runs after each slice is in the DOM; `complete` once the whole text is. Must be stable. */
  onRendered: (complete: boolean) => void
}

/** How many groups fit in `budget` characters from `from` (at least one). */
function sliceEnd(groups: RenderedBlock[][], from: number, budget: number): number {
  let chars = 0
  let end = from
  while (end < groups.length && (end === from || chars < budget)) {
    const group = groups[end]!
    chars += group[group.length - 1]!.end - group[0]!.start
    end++
  }
  return end
}

/** Characters per chunk of text laid out and painted only when near the screen (content-visibility). */
const CHUNK_CHARS = 3_000

interface Chunk {
  start: number
  end: number
  groups: RenderedBlock[][]
  /** Height guessed from its length before it is first laid out; then the real height is remembered. */
  estimate: number
}

function chunksOf(groups: RenderedBlock[][]): Chunk[] {
  const chunks: Chunk[] = []
  let current: Chunk | null = null
  let chars = 0
  for (const group of groups) {
    if (!current || chars >= CHUNK_CHARS) {
      current = { start: group[0]!.start, end: group[0]!.start, groups: [], estimate: 0 }
      chunks.push(current)
      chars = 0
    }
    current.groups.push(group)
    current.end = group[group.length - 1]!.end
    for (const block of group) {
      const length = block.end - block.start
      chars += length
      current.estimate += Math.ceil(length / 70) * 30 + 20
    }
  }
  return chunks
}

export const ArticleBody = memo(function ArticleBody(props: ArticleBodyProps) {
  const { title, text, blocks, inline, keepTitleHeading, showTrimmed, restored, onSetTrimmed, onRendered } =
    props
  const groups = useMemo(() => {
    const isRestored = (block: RenderedBlock) => showTrimmed && (block.restored || restored.has(block.index))
    const shown = renderedBlocks({ title, text, blocks, inline }, { showTrimmed, keepTitleHeading })
    return groupListItems(shown, (b) => b.trimmed || isRestored(b))
  }, [title, text, blocks, inline, keepTitleHeading, showTrimmed, restored])

  // Slices already shown stay shown when trimmed text is toggled; a new article starts from the top.
  const [rendered, setRendered] = useState({ text, count: 0 })
  const count = Math.max(rendered.text === text ? rendered.count : 0, sliceEnd(groups, 0, FIRST_SLICE_CHARS))
  const complete = count >= groups.length

  // The second slice waits for the frame that shows the first, so the first screen is painted before
  // any more text is rendered; later slices follow task by task.
  const first = rendered.text !== text || rendered.count === 0
  useEffect(() => {
    if (complete) return
    let timer = 0
    const next = () => {
      timer = window.setTimeout(() => setRendered({ text, count: sliceEnd(groups, count, SLICE_CHARS) }), 0)
    }
    const frame = first ? requestAnimationFrame(next) : 0
    if (!first) next()
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [complete, count, first, groups, text])

  useLayoutEffect(() => onRendered(complete), [count, groups, complete, onRendered])

  const renderGroup = (group: RenderedBlock[]) => {
    const head = group[0]!
    const element = <ArticleBlock group={group} />
    const state = head.trimmed
      ? 'trimmed'
      : showTrimmed && (head.restored || restored.has(head.index))
        ? 'restored'
        : null
    if (!state || head.index < 0) return <Fragment key={head.start}>{element}</Fragment>
    return (
      <TrimmedPassage
        key={head.start}
        state={state}
        quote={text.slice(head.start, head.end) || head.alt || 'image'}
        onToggle={() => onSetTrimmed(head.index, state === 'restored')}
      >
        {element}
      </TrimmedPassage>
    )
  }

  return (
    <div className={classes.body}>
      {chunksOf(groups.slice(0, count)).map((chunk) => (
        <section
          key={chunk.start}
          data-chunk-start={chunk.start}
          data-chunk-end={chunk.end}
          className={classes.chunk}
          style={{ containIntrinsicBlockSize: `auto ${chunk.estimate}px` }}
        >
          {chunk.groups.map(renderGroup)}
        </section>
      ))}
    </div>
  )
})
