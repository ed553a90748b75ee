// What the reader's header says about an article besides its title: the standfirst and the credits.
import type { Article } from '../../shared/model'

function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/(\.\.\.|…|[.:;,!?])+\s*$/u, '')
    .trim()
    .toLowerCase()
}

/** The text of the first paragraph the analyst reads (not trimmed, not a heading or a caption). */
export function firstParagraph(article: Pick<Article, 'text' | 'blocks'>): string {
  const block = article.blocks.find((b) => !b.trimmed && (b.kind === 'paragraph' || b.kind === 'quote'))
  return block ? article.text.slice(block.start, block.end) : ''
}

/**
 * The description as a standfirst under the title, unless it only repeats the title or the first
 * paragraph (pages often take their description from the opening sentence, sometimes cut with "…").
 */
export function standfirstOf(
  article: Pick<Article, 'title' | 'description' | 'text' | 'blocks'>,
): string | undefined {
  const description = article.description?.trim()
  if (!description) return undefined
  const wanted = comparable(description)
  if (!wanted || wanted === comparable(article.title)) return undefined
  const opening = comparable(firstParagraph(article))
  if (opening && (opening.startsWith(wanted) || wanted.startsWith(opening))) return undefined
  return description
}

/** British style, as the app's other labels: no comma before "and". */
const list = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' })

/** "With inputs from Reuters", "With inputs from PTI, Reuters and AFP". */
export function creditLine(credits: readonly string[] | undefined): string | undefined {
  const names = [...new Set((credits ?? []).map((c) => c.trim()).filter(Boolean))]
  return names.length > 0 ? `With inputs from ${list.format(names)}` : undefined
}
