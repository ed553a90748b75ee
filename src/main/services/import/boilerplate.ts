// Site furniture in article exports: share bars, "Related Articles", "Read all the Latest News…",
// an "also read" list of teasers. Such blocks are marked trimmed (kept in the text, hidden from the
// reading, restorable); a wire attribution like "With inputs from Reuters" becomes a credit.
import type { Block } from '../../../shared/model'

/** A block that is furniture wherever it stands. */
const FURNITURE = [
  /^related (articles|stories|news|content|coverage)$/i,
  /^(advertisement|sponsored( content)?|story continues below( advertisement)?)$/i,
  /^read (all )?(the )?latest news\b/i,
  /\bfollow us on (facebook|twitter|x|instagram|telegram|whatsapp|google news)\b/i,
  /^(share|share this( article| story)?|share on (facebook|twitter|x|whatsapp|linkedin|email))\b.{0,120}$/i,
  /^(click here to|subscribe (to|now)|sign up for our|download the .{0,30} app)\b/i,
  /^(also watch|watch video|listen to this article)\b/i,
  /^india news and entertainment news here\.?/i,
]

/** A heading after which everything is teasers for other stories. */
const TEASER_SECTION =
  /^(also read|read more|read also|more from .{1,40}|you may also like|recommended( for you)?|more stories|trending now|top stories|latest news|more on this story)[:.]?$/i

/** "With inputs from Reuters", "(With inputs from PTI, AFP)", "Additional reporting by AP". */
const CREDIT =
  /^\(?\s*(?:with (?:agency )?inputs? from|additional reporting by|inputs from|with reporting from|source:\s*agencies?\s*,?)\s+(.{2,80}?)\s*\.?\s*\)?$/i

export function creditsIn(line: string): string[] | undefined {
  const match = CREDIT.exec(line.trim())
  if (!match) return undefined
  return match[1]!
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Only short blocks can be furniture: a long paragraph that mentions sharing is article text. */
const MAX_FURNITURE_LENGTH = 240

export function trimBoilerplate(
  text: string,
  blocks: readonly Block[],
): { blocks: Block[]; credits: string[] } {
  const credits: string[] = []
  let teasers = false
  // Where a block stands among the blocks of text: figures and furniture found at import do not count.
  const counted = (block: Block) => block.end > block.start && block.trimmed !== true
  const total = blocks.filter(counted).length
  let place = 0
  const trimmedBlocks = blocks.map((block) => {
    const index = counted(block) ? place++ : place
    const content = text.slice(block.start, block.end).trim()
    const short = content.length <= MAX_FURNITURE_LENGTH
    // A teaser section only counts in the second half, so an article that opens with "Read more" keeps its body.
    if (short && TEASER_SECTION.test(content) && index >= total / 2) teasers = true
    const credit = short ? creditsIn(content) : undefined
    if (credit) credits.push(...credit.filter((c) => !credits.includes(c)))
    const furniture = teasers || credit !== undefined || (short && FURNITURE.some((re) => re.test(content)))
    return furniture ? { ...block, trimmed: true } : block
  })
  // Never trim an article down to nothing.
  if (trimmedBlocks.every((b) => b.trimmed)) return { blocks: [...blocks], credits }
  return { blocks: trimmedBlocks, credits }
}

/** The text a reader sees: every block that is not trimmed, joined like the canonical text. */
export function visibleText(text: string, blocks: readonly Block[]): string {
  return blocks
    .filter((b) => !b.trimmed && b.end > b.start)
    .map((b) => text.slice(b.start, b.end))
    .join('\n\n')
}
