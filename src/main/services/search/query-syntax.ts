// The library's query syntax, read into a tree: words, `word*` prefixes, "quoted phrases", AND (the
// default between terms), OR, NOT and a leading -, parentheses, and fields (site:, by:, entity:, code:,
// title:, tag:, case:). A query that does not parse whole is still read: what was ignored is said.
import { words } from './search-text'

export const QUERY_FIELDS = ['site', 'by', 'entity', 'code', 'title', 'tag', 'case'] as const
export type QueryField = (typeof QUERY_FIELDS)[number]

/** One thing looked up: a word (`words` of one), a phrase (several, or `quoted`), in a field or all. */
export interface TermNode {
  kind: 'term'
  words: string[]
  field?: QueryField
  /** `word*`: every word that starts so. */
  prefix: boolean
  /** In quotes: exact words, no typo tolerance. */
  quoted: boolean
}

export type QueryNode =
  TermNode | { kind: 'and' | 'or'; children: QueryNode[] } | { kind: 'not'; child: QueryNode }

export interface ParsedQuery {
  /** Undefined when nothing searchable was given. */
  root: QueryNode | undefined
  /** Sentences saying what could not be read and was left out. */
  warnings: string[]
}

type Lexeme =
  | { type: '(' | ')' | 'AND' | 'OR' | 'NOT' }
  | { type: 'term'; text: string; field?: QueryField; quoted: boolean; unclosed?: boolean }

const FIELD = new RegExp(`^(${QUERY_FIELDS.join('|')}):`, 'i')

function lex(input: string, warnings: string[]): Lexeme[] {
  const out: Lexeme[] = []
  let i = 0
  while (i < input.length) {
    const c = input[i]!
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '(' || c === ')') {
      out.push({ type: c })
      i++
      continue
    }
    // A leading - negates what follows it directly: -word, -"a phrase", -site:x, -(a b).
    if (c === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      out.push({ type: 'NOT' })
      i++
      continue
    }
    let field: QueryField | undefined
    const named = FIELD.exec(input.slice(i))
    if (named) {
      field = named[1]!.toLowerCase() as QueryField
      i += named[0].length
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1)
      const text = input.slice(i + 1, close < 0 ? undefined : close)
      if (close < 0) {
        warnings.push(
          `The quote before "${text.trim()}" is not closed, so those words were searched one by one.`,
        )
        out.push({ type: 'term', text, field, quoted: false, unclosed: true })
        i = input.length
      } else {
        out.push({ type: 'term', text, field, quoted: true })
        i = close + 1
      }
      continue
    }
    let end = i
    while (end < input.length && !/[\s()"]/.test(input[end]!)) end++
    const text = input.slice(i, end)
    i = end
    if (!field && (text === 'AND' || text === 'OR' || text === 'NOT')) out.push({ type: text })
    else if (text || field) out.push({ type: 'term', text, field, quoted: false })
  }
  return out
}

/** A term lexeme as a node, or undefined when it holds no word (a lone "*", an empty field). */
function termNode(lexeme: Extract<Lexeme, { type: 'term' }>, warnings: string[]): QueryNode | undefined {
  const prefix = !lexeme.quoted && lexeme.text.endsWith('*')
  const found = words(lexeme.text)
  if (found.length === 0) {
    if (lexeme.field) warnings.push(`"${lexeme.field}:" has nothing after it, so it was left out.`)
    return undefined
  }
  // An unclosed quote: its words, one by one.
  if (lexeme.unclosed) {
    const terms: QueryNode[] = found.map((word) => ({
      kind: 'term',
      words: [word],
      field: lexeme.field,
      prefix: false,
      quoted: false,
    }))
    return terms.length === 1 ? terms[0] : { kind: 'and', children: terms }
  }
  // "Hwasong-18" or "U.S." are several words that stand together: a phrase.
  return {
    kind: 'term',
    words: found,
    field: lexeme.field,
    prefix: prefix && found.length === 1,
    quoted: lexeme.quoted,
  }
}

class Parser {
  private at = 0
  constructor(
    private readonly lexemes: Lexeme[],
    private readonly warnings: string[],
  ) {}

  parse(): QueryNode | undefined {
    let root = this.or()
    // A ")" without its "(": skipped, and the rest read on.
    while (this.at < this.lexemes.length) {
      this.warnings.push('A closing parenthesis has no opening one, so it was ignored.')
      this.at++
      const more = this.or()
      root = root && more ? { kind: 'and', children: [root, more] } : (root ?? more)
    }
    return root
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.at]
  }

  private or(): QueryNode | undefined {
    const children: QueryNode[] = []
    let first = this.and()
    if (first) children.push(first)
    while (this.peek()?.type === 'OR') {
      this.at++
      const next = this.and()
      if (next) children.push(next)
      else this.warnings.push('OR has nothing after it, so it was ignored.')
      first ??= next
    }
    if (children.length === 0 && first === undefined) return undefined
    return children.length === 1 ? children[0] : { kind: 'or', children }
  }

  private and(): QueryNode | undefined {
    const children: QueryNode[] = []
    for (;;) {
      const next = this.peek()
      if (!next || next.type === ')' || next.type === 'OR') break
      if (next.type === 'AND') {
        this.at++
        continue
      }
      const node = this.unary()
      if (node) children.push(node)
    }
    if (children.length === 0) return undefined
    return children.length === 1 ? children[0] : { kind: 'and', children }
  }

  private unary(): QueryNode | undefined {
    const next = this.peek()!
    if (next.type === 'NOT') {
      this.at++
      const after = this.peek()
      const child = after && after.type !== ')' && after.type !== 'OR' ? this.unary() : undefined
      if (!child) {
        this.warnings.push('NOT has nothing after it, so it was ignored.')
        return undefined
      }
      return { kind: 'not', child }
    }
    if (next.type === '(') {
      this.at++
      const inner = this.or()
      if (this.peek()?.type === ')') this.at++
      else this.warnings.push('An opening parenthesis is not closed, so it was closed at the end.')
      return inner
    }
    this.at++
    return next.type === 'term' ? termNode(next, this.warnings) : undefined
  }
}

export function parseQuery(input: string): ParsedQuery {
  const warnings: string[] = []
  const root = new Parser(lex(input, warnings), warnings).parse()
  return { root, warnings }
}

/** The terms that say what is sought (not those under a NOT), for marking and snippets. */
export function positiveTerms(node: QueryNode | undefined, out: TermNode[] = []): TermNode[] {
  if (!node) return out
  if (node.kind === 'term') out.push(node)
  else if (node.kind !== 'not') for (const child of node.children) positiveTerms(child, out)
  return out
}
