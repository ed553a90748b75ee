// Builds the canonical text and its block ranges from draft blocks: white space inside a block is
// collapsed (code keeps it exactly), blocks are joined by a blank line, and inline marks and table
// cells are carried over to the new offsets.
import type { Block, BlockKind, InlineMark } from '../../../shared/model'

export interface DraftMark {
  kind: InlineMark['kind']
  /** Offsets into the draft block's own raw text. */
  start: number
  end: number
}

/** The structure fields a draft passes on to its block as they are. */
export type BlockStructure = Pick<
  Block,
  'level' | 'depth' | 'ordered' | 'number' | 'language' | 'header' | 'alt'
>

const STRUCTURE_FIELDS = ['level', 'depth', 'ordered', 'number', 'language', 'header', 'alt'] as const

export interface DraftBlock extends BlockStructure {
  kind: BlockKind
  /** Empty for a figure, which names an image and holds no text of its own. */
  text: string
  marks?: DraftMark[]
  /** A row's cells, as offsets into the draft's raw text. */
  cells?: Array<{ start: number; end: number }>
  /** Site furniture known as such where it was read (an "[edit]" link in a heading). */
  trimmed?: boolean
  /**
   * Continues the previous block's line, with no blank line between them: "space" where the source
   * had white space at the join. Used to split furniture off a heading without changing the text.
   */
  attached?: 'space' | 'tight'
}

/** Collapses runs of white space inside a block, so offsets never depend on the file's line wrapping. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim()
}

/** Normalizes like normalizeSpace and maps every raw offset (0..length) to its offset in the result. */
function normalizeWithMap(raw: string): { text: string; map: number[] } {
  let text = ''
  const map: number[] = new Array(raw.length + 1)
  let pendingSpace = false
  for (let i = 0; i < raw.length; i++) {
    const space = /[\s\u00a0]/.test(raw[i]!)
    if (space) {
      pendingSpace = text.length > 0
      map[i] = text.length
      continue
    }
    if (pendingSpace) {
      text += ' '
      pendingSpace = false
    }
    map[i] = text.length
    text += raw[i]
  }
  map[raw.length] = text.length
  return { text, map: map.map((v) => Math.min(v, text.length)) }
}

/**
 * Pre-formatted text kept exactly, but for the blank lines before it and the white space after it;
 * line ends become "\n". Maps raw offsets like normalizeWithMap.
 */
function keepWithMap(raw: string): { text: string; map: number[] } {
  let unified = ''
  const map: number[] = new Array(raw.length + 1)
  for (let i = 0; i < raw.length; i++) {
    map[i] = unified.length
    if (raw[i] !== '\r') unified += raw[i]
    else if (raw[i + 1] !== '\n') unified += '\n'
  }
  map[raw.length] = unified.length
  const lead = /^(?:[ \t]*\n)*/.exec(unified)![0].length
  const text = unified.slice(lead).trimEnd()
  return { text, map: map.map((v) => Math.max(0, Math.min(v - lead, text.length))) }
}

function structureOf(draft: DraftBlock): BlockStructure {
  const structure: Record<string, unknown> = {}
  for (const field of STRUCTURE_FIELDS) if (draft[field] !== undefined) structure[field] = draft[field]
  return structure as BlockStructure
}

export function assembleText(drafts: readonly DraftBlock[]): {
  text: string
  blocks: Block[]
  inline: InlineMark[]
} {
  let text = ''
  const blocks: Block[] = []
  const inline: InlineMark[] = []
  // A figure has no text: it stands where the next block starts, so a quote of its caption takes it along.
  let figures: Block[] = []
  const at = (map: number[], raw: string, offset: number) => map[Math.max(0, Math.min(offset, raw.length))]!
  for (const draft of drafts) {
    if (draft.kind === 'figure') {
      figures.push({ kind: 'figure', start: 0, end: 0, ...structureOf(draft) })
      continue
    }
    const { text: content, map } =
      draft.kind === 'code' ? keepWithMap(draft.text) : normalizeWithMap(draft.text)
    if (!content) continue
    if (text) text += draft.attached ? (draft.attached === 'space' ? ' ' : '') : '\n\n'
    const base = text.length
    for (const figure of figures) blocks.push({ ...figure, start: base, end: base })
    figures = []
    const block: Block = { kind: draft.kind, start: base, end: base + content.length, ...structureOf(draft) }
    if (draft.trimmed) block.trimmed = true
    if (draft.cells) {
      // An empty cell keeps its place in the row as an empty range.
      block.cells = draft.cells.map((cell) => {
        let start = at(map, draft.text, cell.start)
        let end = Math.max(start, at(map, draft.text, cell.end))
        while (start < end && content[start] === ' ') start++
        while (end > start && content[end - 1] === ' ') end--
        return { start: base + start, end: base + end }
      })
    }
    blocks.push(block)
    for (const mark of draft.marks ?? []) {
      const start = base + at(map, draft.text, mark.start)
      const end = base + at(map, draft.text, mark.end)
      if (end > start) inline.push({ kind: mark.kind, start, end })
    }
    text += content
  }
  for (const figure of figures) blocks.push({ ...figure, start: text.length, end: text.length })
  return { text, blocks, inline }
}
