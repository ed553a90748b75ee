// A title for text that has none: the lead sentence, shortened at a clause, skipping a photo caption.
import type { DraftBlock } from './text-blocks'

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)'
const CAPTION_PATTERNS = [
  /\b(?:is|are) (?:seen|pictured|shown|displayed)\b/i,
  /^(?:file )?(?:photo|picture|image)\b/i,
  /\((?:photo|image|file photo)[^)]*\)\s*$/i,
  /\b(?:photo|image|picture)(?: credit)?:/i,
  new RegExp(`, ${MONTH} \\d{1,2}, \\d{4}\\b`),
]

/** A wire-photo caption: "Flags … are seen in front of …, Vladivostok, Russia, April 24, 2019, ahead of …". */
export function looksLikeCaption(paragraph: string): boolean {
  return paragraph.length < 600 && CAPTION_PATTERNS.some((pattern) => pattern.test(paragraph))
}

const MAX_TITLE = 100

export function firstSentence(paragraph: string): string {
  const match = /^(.+?[.!?])["”’)]?\s+(?=["“‘(]?[A-Z0-9])/.exec(paragraph)
  return (match ? match[1]! : paragraph).trim()
}

export function shortenTitle(sentence: string): string {
  let title = sentence.replace(/[.!?]+$/, '')
  if (title.length <= MAX_TITLE) return title
  const clause = title.lastIndexOf(', ', MAX_TITLE)
  if (clause >= 40) return title.slice(0, clause)
  title = title.slice(0, MAX_TITLE)
  return `${title.slice(0, Math.max(title.lastIndexOf(' '), 40))}…`
}

/** The title to show when the file has none, or undefined when no sensible one exists. */
export function guessTitle(blocks: readonly DraftBlock[]): string | undefined {
  const lead = blocks.find((b) => b.kind === 'paragraph' && /\p{L}{2,}/u.test(b.text))
  if (!lead) return undefined
  const title = shortenTitle(firstSentence(lead.text))
  return title.length >= 3 ? title : undefined
}
