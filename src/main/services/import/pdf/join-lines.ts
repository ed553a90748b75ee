// Joins the lines of one paragraph into its text: a space between lines, except where the line break
// cut a word (hyphenation, see hyphenation.ts), a web address, or CJK text, which has no spaces.
import { keepLineEndHyphen, type HyphenContext } from './hyphenation'

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
/** A line ending with a word, then a hyphen (or U+2010), with nothing after. */
const LINE_END_HYPHEN = /([\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*)[-‐]$/u
const URL_TAIL = /https?:\/\/\S*$/
/** The word a line starts with, inner hyphens and apostrophes included. */
const FIRST_WORD = /^[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*/u
const URL_CONTINUATION = /^[\w\-./?=&#%~+:@!$,;*()'[\]]+/

/** How line `a` and line `b` meet: '' (glue), ' ' (a space), or '-' (keep the hyphen, glue). */
function seam(a: string, b: string, context: HyphenContext): { trim: number; glue: string } {
  // U+00AD is a discretionary hyphen: the typesetter says outright that it broke a word here.
  if (a.endsWith('\u00ad')) return { trim: 1, glue: '' }
  const hyphen = LINE_END_HYPHEN.exec(a)
  const after = FIRST_WORD.exec(b)?.[0]
  if (hyphen && after) {
    return keepLineEndHyphen(hyphen[1]!, after.split(/[-‐]/)[0]!, context)
      ? { trim: 0, glue: '' }
      : { trim: 1, glue: '' }
  }
  // A long address wraps without a hyphen; the line ends inside it and the next line carries on.
  const url = URL_TAIL.exec(a)
  const next = URL_CONTINUATION.exec(b)?.[0]
  if (url && next && (/[/\-._?=&#]$/.test(url[0]) || /^[/?#&=.]/.test(next) || next.includes('/'))) {
    return { trim: 0, glue: '' }
  }
  if (CJK.test(a.slice(-1)) && CJK.test(b.charAt(0))) return { trim: 0, glue: '' }
  // A dash closed up to the word before it closes up to the next one too ("1990–" / "2000").
  if (/\S[–—]$/.test(a)) return { trim: 0, glue: '' }
  return { trim: 0, glue: ' ' }
}

export function joinLines(lines: readonly string[], context: HyphenContext): string {
  let text = ''
  let previous = ''
  for (const raw of lines) {
    const line = raw.trim()
    if (!line) continue
    if (previous) {
      // Judged on the previous line alone, not the paragraph so far: the patterns are anchored at its end.
      const { trim, glue } = seam(previous, line, context)
      text = text.slice(0, text.length - trim) + glue
    }
    text += line
    previous = line
  }
  // Soft hyphens inside a line are invisible in the PDF and must not split words in the text.
  return text.replace(/\u00ad/g, '')
}
