// Removes from the top of an article what repeats its metadata: the headline the title already
// shows, and a "By Wire Staff · June 13, 2023" line that the byline and date fields already hold.
import { normalizeSpace, type DraftBlock } from '../text-blocks'
import { onlyDateWords } from './article-fields'

/** How far from the top a repeated headline or a byline line may stand. */
const TOP_BLOCKS = 3
const MAX_BYLINE_LINE = 160

/** Letters and digits only, lowercased: "US-led" and "US led" compare equal. */
function comparable(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')
}

function isTitle(draft: DraftBlock, title: string): boolean {
  return draft.kind === 'heading' && comparable(draft.text) === comparable(title)
}

/** A short line made of the byline and date words only, e.g. "By Wire Staff · Updated June 13, 2023". */
function isBylineLine(draft: DraftBlock, byline: string | undefined): boolean {
  if (draft.kind !== 'paragraph') return false
  const text = normalizeSpace(draft.text)
  if (text.length > MAX_BYLINE_LINE) return false
  const lower = text.toLowerCase()
  const names = byline
    ? byline
        .toLowerCase()
        .split(/\s*(?:,|&|\band\b)\s*/u)
        .filter(Boolean)
    : []
  const named = names.length > 0 && names.every((name) => lower.includes(name))
  let rest = lower
  for (const name of names) rest = rest.split(name).join(' ')
  // A line with no name must at least hold a number (a date), so "On Monday" stays article text.
  return onlyDateWords(rest) && (named || /\d/.test(rest))
}

export function dropRepeatedMetadata(
  drafts: DraftBlock[],
  title: string | undefined,
  byline: string | undefined,
): DraftBlock[] {
  const kept = [...drafts]
  // Figures hold no text, so they do not push a headline or byline out of the top.
  const top = () => {
    const indexes: number[] = []
    for (let i = 0; i < kept.length && indexes.length < TOP_BLOCKS; i++)
      if (kept[i]!.kind !== 'figure') indexes.push(i)
    return indexes
  }
  const titleAt = title ? top().find((i) => isTitle(kept[i]!, title)) : undefined
  if (titleAt !== undefined) kept.splice(titleAt, 1)
  const bylineAt = top().find((i) => isBylineLine(kept[i]!, byline))
  if (bylineAt !== undefined) kept.splice(bylineAt, 1)
  return kept
}
