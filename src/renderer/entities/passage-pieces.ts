// A shared passage cut into plain text and the names marked in it, for the network's passage list.
import type { SharedPassage } from '../../shared/entities'

/** The passage's text cut at its marks, each mark kept with the entity it names. */
export function passagePieces(passage: SharedPassage): { text: string; entityId?: string }[] {
  const out: { text: string; entityId?: string }[] = []
  let at = 0
  for (const mark of passage.marks) {
    // Two tags may overlap ("North Korea" inside "North Korean leader"): the first one wins.
    if (mark.start < at) continue
    if (mark.start > at) out.push({ text: passage.text.slice(at, mark.start) })
    out.push({ text: passage.text.slice(mark.start, mark.end), entityId: mark.entityId })
    at = mark.end
  }
  if (at < passage.text.length) out.push({ text: passage.text.slice(at) })
  return out
}
