// Builds the canonical text and its block ranges from a list of blocks: blocks are joined by a blank line.
import type { Block, BlockKind } from '../../../shared/model'

export interface DraftBlock {
  kind: BlockKind
  text: string
}

/** Collapses runs of white space inside a block, so offsets never depend on the file's line wrapping. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim()
}

export function assembleText(drafts: readonly DraftBlock[]): { text: string; blocks: Block[] } {
  let text = ''
  const blocks: Block[] = []
  for (const draft of drafts) {
    const content = normalizeSpace(draft.text)
    if (!content) continue
    if (text) text += '\n\n'
    blocks.push({ kind: draft.kind, start: text.length, end: text.length + content.length })
    text += content
  }
  return { text, blocks }
}
