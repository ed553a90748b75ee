// Words and sentences of any text, each with its offsets in UTF-16 code units of that text, so an entity
// found in the tokens is a range of the original string (the canonical text of an article).

export interface Token {
  text: string
  start: number
  end: number
}

/**
 * One token: a web address, an @handle or #tag, initials with their dots (U.S.), a word or number that
 * may hold inner hyphens, apostrophes, dots, slashes or ampersands (T-72B3, Su-25, O'Brien, 3.5, AT&T),
 * else a single code point that is not a space (punctuation, an emoji). The `u` flag keeps a character
 * outside the Basic Multilingual Plane whole, so no offset ever splits a surrogate pair.
 */
const TOKEN =
  /https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|[@#][\p{L}\p{N}_]+|(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’\-‐/.&][\p{L}\p{M}\p{N}]+)*|\S/gu

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index
    const word = match[0]
    // The possessive is a word of its own, as in the training data: "Putin's" is Putin and 's.
    const possessive = /^(.+?)(['’][sS])$/u.exec(word)
    if (possessive && !possessive[1]!.endsWith("'")) {
      const cut = start + possessive[1]!.length
      tokens.push(
        { text: possessive[1]!, start, end: cut },
        { text: possessive[2]!, start: cut, end: start + word.length },
      )
    } else tokens.push({ text: word, start, end: start + word.length })
  }
  return tokens
}

/** Titles and abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen col lt maj capt sgt adm cmdr gov sen rep st jr sr no vs etc inc ltd co corp dept fig jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
)

/**
 * The tokens cut into sentences: after . ! ? (and closing quotes or brackets right after them) when the
 * next token starts a new sentence, and at every line break, since a line is a paragraph or a heading.
 */
export function sentences(text: string, tokens: readonly Token[]): Token[][] {
  const out: Token[][] = []
  let current: Token[] = []
  const flush = () => {
    if (current.length) out.push(current)
    current = []
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    const previous = current.at(-1)
    if (previous && text.slice(previous.end, token.start).includes('\n')) flush()
    current.push(token)
    if (!/^[.!?…]$/.test(token.text)) continue
    const before = tokens[i - 1]
    if (
      token.text === '.' &&
      before &&
      ABBREVIATIONS.has(before.text.toLowerCase()) &&
      before.end === token.start
    )
      continue
    // Closing quotes and brackets belong to the sentence they close.
    while (
      i + 1 < tokens.length &&
      /^["'”’»)\]]$/.test(tokens[i + 1]!.text) &&
      tokens[i + 1]!.start === tokens[i]!.end
    )
      current.push(tokens[++i]!)
    // A lower-case word after the stop means it did not end the sentence ("approx. three").
    const next = tokens[i + 1]
    if (!next || /^[\p{Lu}\p{N}"“'‘([]/u.test(next.text) || /[^\p{L}]/u.test(next.text[0]!)) flush()
  }
  flush()
  return out
}
