// Markdown articles: headings, paragraphs, quotes and list items become blocks of plain text;
// a leading "# Title" is the title and an italic ISO date line right after it is the date.
import { Lexer, type Token, type Tokens } from 'marked'
import type { ExtractedArticle } from '../../../shared/model'
import { guessTitle } from './guess-title'
import { assembleText, normalizeSpace, type DraftBlock } from './text-blocks'

function plain(tokens: readonly Token[] | undefined, fallback: string): string {
  if (!tokens) return fallback
  return tokens
    .map((token) => {
      if ('tokens' in token && token.tokens) return plain(token.tokens, '')
      if (token.type === 'br') return ' '
      if (token.type === 'image') return (token as Tokens.Image).text
      return 'text' in token ? String(token.text) : ''
    })
    .join('')
}

function collect(tokens: readonly Token[], out: DraftBlock[], inQuote = false): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push({ kind: 'heading', text: plain(token.tokens, token.text) })
        break
      case 'paragraph':
      case 'text':
        out.push({ kind: inQuote ? 'quote' : 'paragraph', text: plain(token.tokens, token.text) })
        break
      case 'blockquote':
        collect((token as Tokens.Blockquote).tokens, out, true)
        break
      case 'list':
        for (const item of (token as Tokens.List).items)
          out.push({ kind: 'list-item', text: plain(item.tokens, item.text) })
        break
      case 'code':
        out.push({ kind: 'paragraph', text: token.text })
        break
      case 'table': {
        const table = token as Tokens.Table
        for (const row of [table.header, ...table.rows]) {
          out.push({ kind: 'paragraph', text: row.map((cell) => plain(cell.tokens, cell.text)).join(' · ') })
        }
        break
      }
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
