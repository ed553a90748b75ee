// Builds the canonical text and its block ranges from draft blocks: white space inside a block is
// collapsed, blocks are joined by a blank line, and inline marks are carried over to the new offsets.
import type { Block, BlockKind, InlineMark } from '../../../shared/model'

export interface DraftMark {
  kind: InlineMark['kind']
  /** Offsets into the draft block's own raw text. */
  start: number
  end: number
}

export interface DraftBlock {
  kind: BlockKind
  text: string
  marks?: DraftMark[]
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

export function assembleText(drafts: readonly DraftBlock[]): {
  text: string
  blocks: Block[]
  inline: InlineMark[]
} {
  let text = ''
  const blocks: Block[] = []
  const inline: InlineMark[] = []
  for (const draft of drafts) {
    const { text: content, map } = normalizeWithMap(draft.text)
    if (!content) continue
    if (text) text += '\n\n'
    const base = text.length
    blocks.push({ kind: draft.kind, start: base, end: base + content.length })
    for (const mark of draft.marks ?? []) {
      const start = base + map[Math.max(0, Math.min(mark.start, draft.text.length))]!
      const end = base + map[Math.max(0, Math.min(mark.end, draft.text.length))]!
      if (end > start) inline.push({ kind: mark.kind, start, end })
    }
    text += content
  }
  return { text, blocks, inline }
}
