// Words and sentences of any text, each with its offsets in UTF-16 code units of that text, so an entity
// found in the tokens is a range of the original string (the canonical text of an article).

export interface Token {
  text: string
  start: number
  end: number
}

/** Titles and abbreviations that keep their full stop: "Dr." and "Inc." end no sentence. */
const ABBREVIATIONS =
  'Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Maj|Capt|Sgt|Adm|Cmdr|Gov|Sen|Rep|St|Jr|Sr|No|vs|etc|Inc|Ltd|Co|Corp|Dept|Fig|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec'

/**
 * One token: a web or e-mail address, an @handle or #tag, initials with their dots (U.S.), a listed
 * abbreviation with its stop, a clitic standing alone ('s 're n't), a number with thousands or a time
 * (5,000 11:00), a word or number that may hold inner hyphens, apostrophes, dots, slashes or ampersands
 * (T-72B3, Su-25, O'Brien, 3.5, AT&T), an emoticon, a run of the same punctuation (... !! --), else a
 * single code point that is not a space (an emoji). The `u` flag keeps a character outside the Basic
 * Multilingual Plane whole, so no offset ever splits a surrogate pair.
 */
const TOKEN = new RegExp(
  [
    String.raw`https?:\/\/[^\s<>"]+|www\.[^\s<>"]+`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    String.raw`[@#][\p{L}\p{N}_]+`,
    String.raw`(?:\p{L}\.){2,}`,
    String.raw`(?:${ABBREVIATIONS})\.(?!\p{L})`,
    String.raw`\p{Lu}\.(?=\s+\p{Lu}\p{Ll})`,
    String.raw`(?<![\p{L}\p{N}])['’](?:s|m|d|re|ve|ll|S)(?![\p{L}\p{N}])`,
    String.raw`\p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?|\p{N}{1,2}:\p{N}{2}(?!\p{N})`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:['’\-‐/.&][\p{L}\p{M}\p{N}]+)*`,
    String.raw`[:;=8][-']?[)(\]\[DPpO/\\|](?![\p{L}\p{N}])`,
    String.raw`\.{2,}|!+\?[!?]*|\?+![!?]*|!{2,}|\?{2,}|-{2,}|={2,}|\*{2,}|\S`,
  ].join('|'),
  'gu',
)

/**
 * A name joined to a lower-case word by a hyphen ("Kremlin-backed", "US-led", "Moscow-based") is cut
 * in three, as re3d and the Universal NER treebank write them: the name is a name of its own. Prefixes
 * that are part of a name or of a word ("Al-", "Anti-", "Pro-") stay joined, as do designators (T-72B3),
 * capitals on both sides (Coca-Cola) and short tails (Kim Jong-un).
 */
const NAME_THEN_WORD = /^(\p{Lu}[\p{L}\p{M}.]+)([-‐])(\p{Ll}{3,})$/u
const JOINED_PREFIXES = new Set([
  'al',
  'el',
  'ul',
  'ar',
  'as',
  'ash',
  'ad',
  'abu',
  'bin',
  'ibn',
  'anti',
  'pro',
  'non',
  'ex',
  'co',
  'mid',
  'pre',
  'post',
  'self',
  'semi',
  'multi',
  'inter',
  'trans',
  'neo',
  'de',
  're',
  'no',
  'well',
  'all',
])

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index
    const word = match[0]
    const joined = word.length > 4 && /[-‐]/.test(word) ? NAME_THEN_WORD.exec(word) : null
    if (joined && !JOINED_PREFIXES.has(joined[1]!.toLowerCase())) {
      const cut = start + joined[1]!.length
      tokens.push(
        { text: joined[1]!, start, end: cut },
        { text: joined[2]!, start: cut, end: cut + 1 },
        { text: joined[3]!, start: cut + 1, end: start + word.length },
      )
      continue
    }
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
    // "Dr." and "Inc." are tokens of their own, so only a stop standing alone (or !! ...) can end a sentence.
    if (!/^(?:[.!?…]|\.{2,}|[!?]{2,})$/.test(token.text)) continue
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
