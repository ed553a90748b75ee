// Markdown articles: headings with their level, paragraphs, quotes, list items with their depth and
// number, code blocks as written, table rows with their cells, and figures for pictures that stand
// alone (named by their alt text; nothing is fetched). A leading "# Title" is the title and an italic
// ISO date line right after it is the date. Emphasis, strong and inline code are kept as marks.
import { Lexer, type Token, type Tokens } from 'marked'
import type { ExtractedArticle } from '../../../shared/model'
import { guessTitle } from './guess-title'
import { assembleText, normalizeSpace, type DraftBlock, type DraftMark } from './text-blocks'

const MARKS: Partial<Record<Token['type'], DraftMark['kind']>> = {
  em: 'emphasis',
  strong: 'strong',
  codespan: 'code',
}

/** Inline tokens as plain text, with their emphasis, strong and code spans as marks. */
class InlineText {
  text = ''
  marks: DraftMark[] = []

  add(tokens: readonly Token[] | undefined, fallback: string): this {
    if (!tokens) {
      this.text += fallback
      return this
    }
    for (const token of tokens) {
      const start = this.text.length
      if ('tokens' in token && token.tokens) this.add(token.tokens, '')
      else if (token.type === 'br') this.text += ' '
      else if (token.type === 'image') this.text += (token as Tokens.Image).text
      else if ('text' in token) this.text += String(token.text)
      const kind = MARKS[token.type]
      if (kind && this.text.length > start) this.marks.push({ kind, start, end: this.text.length })
    }
    return this
  }

  draft(kind: DraftBlock['kind'], extra: Partial<DraftBlock> = {}): DraftBlock {
    return { kind, text: this.text, ...(this.marks.length ? { marks: this.marks } : {}), ...extra }
  }
}

function inline(tokens: readonly Token[] | undefined, fallback: string): InlineText {
  return new InlineText().add(tokens, fallback)
}

/** A paragraph that is nothing but one picture. */
function loneImage(token: Tokens.Paragraph): Tokens.Image | undefined {
  const parts = (token.tokens ?? []).filter((t) => !(t.type === 'text' && !t.raw.trim()))
  const only = parts.length === 1 ? parts[0] : undefined
  if (only?.type === 'image') return only as Tokens.Image
  if (only?.type === 'link' && only.tokens?.length === 1 && only.tokens[0]!.type === 'image')
    return only.tokens[0] as Tokens.Image
  return undefined
}

const LANGUAGE = /^[A-Za-z0-9_+#.-]{1,30}$/

function listItems(list: Tokens.List, depth: number, out: DraftBlock[]): void {
  const start = typeof list.start === 'number' ? list.start : 1
  list.items.forEach((item, i) => {
    // The item's own text first; its nested lists follow one level deeper.
    const own = new InlineText()
    const nested: Tokens.List[] = []
    for (const token of item.tokens) {
      if (token.type === 'list') nested.push(token as Tokens.List)
      else if (token.type !== 'space') {
        if (own.text) own.text += ' '
        own.add('tokens' in token ? token.tokens : undefined, 'text' in token ? String(token.text) : '')
      }
    }
    out.push(
      own.draft('list-item', {
        ...(depth > 0 ? { depth } : {}),
        ...(list.ordered ? { ordered: true, number: start + i } : {}),
      }),
    )
    for (const sub of nested) listItems(sub, depth + 1, out)
  })
}

function tableRows(table: Tokens.Table, out: DraftBlock[]): void {
  const rows = [table.header, ...table.rows]
  rows.forEach((row, r) => {
    const line = new InlineText()
    const cells: Array<{ start: number; end: number }> = []
    row.forEach((cell, c) => {
      if (c > 0) line.text += ' · '
      const start = line.text.length
      line.add(cell.tokens, cell.text)
      cells.push({ start, end: line.text.length })
    })
    out.push(line.draft('row', { cells, ...(r === 0 ? { header: true } : {}) }))
  })
}

function collect(tokens: readonly Token[], out: DraftBlock[], inQuote = false): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading
        out.push(inline(heading.tokens, heading.text).draft('heading', { level: heading.depth }))
        break
      }
      case 'paragraph':
      case 'text': {
        const image = token.type === 'paragraph' ? loneImage(token as Tokens.Paragraph) : undefined
        const alt = image ? normalizeSpace(image.text) : ''
        if (image) out.push({ kind: 'figure', text: '', ...(alt ? { alt } : {}) })
        else out.push(inline(token.tokens, token.text).draft(inQuote ? 'quote' : 'paragraph'))
        break
      }
      case 'blockquote':
        collect((token as Tokens.Blockquote).tokens, out, true)
        break
      case 'list':
        listItems(token as Tokens.List, 0, out)
        break
      case 'code': {
        const code = token as Tokens.Code
        const language = code.lang?.trim().split(/\s+/)[0]
        out.push({
          kind: 'code',
          text: code.text,
          ...(language && LANGUAGE.test(language) ? { language: language.toLowerCase() } : {}),
        })
        break
      }
      case 'table':
        tableRows(token as Tokens.Table, out)
        break
      default:
        break
    }
  }
}

export function parseMarkdown(content: string): ExtractedArticle {
  const tokens = new Lexer({ gfm: true }).lex(content.replace(/\r\n?/g, '\n'))
  const drafts: DraftBlock[] = []
  collect(tokens, drafts)
  const warnings: string[] = []
  let title: string | undefined
  let published: string | undefined
  const first = tokens.find((t) => t.type !== 'space')
  if (first?.type === 'heading' && (first as Tokens.Heading).depth === 1) {
    title = normalizeSpace(drafts.shift()!.text)
    const date = /^\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(drafts[0]?.text ?? '')
    if (date) {
      published = date[1]
      drafts.shift()
    }
  }
  if (!title) {
    title = guessTitle(drafts)
    if (title) warnings.push('The file has no title heading, so the title was taken from its first sentence.')
  }
  return { title: title ?? '', published, tags: [], warnings, ...assembleText(drafts) }
}
