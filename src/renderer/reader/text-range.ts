// Pure helpers for ranges of the canonical text: trimming a selection, quoting it for labels.

export interface TextRange {
  start: number
  end: number
}

/** Shrinks a range past leading and trailing whitespace; null when nothing but whitespace is left. */
export function trimRange(text: string, range: TextRange): TextRange | null {
  let start = Math.max(0, Math.min(range.start, range.end, text.length))
  let end = Math.min(text.length, Math.max(range.start, range.end))
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return end > start ? { start, end } : null
}

/** The text of a range with runs of whitespace (line breaks between blocks) folded to one space. */
export function quoteOf(text: string, range: TextRange): string {
  return text.slice(range.start, range.end).replace(/\s+/g, ' ').trim()
}

/** A quote shortened for a label, cut on a word boundary where possible. */
export function shortQuote(quote: string, max = 80): string {
  if (quote.length <= max) return quote
  const cut = quote.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`
}
