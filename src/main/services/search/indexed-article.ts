// What the library index keeps of one article: the text of each searchable field (handed to the engine,
// then dropped), what the facets and filters need, and a hash of each pair of adjacent words, so a
// "quoted phrase" is checked for adjacency without the article's text in memory (pair-set.ts).
import type { Article, Case, Code, Entity } from '../../../shared/model'
import { codeResolver } from '../codes/codebook'
import { visibleText } from '../import/boilerplate'
import { pairSet, type PairSet } from './pair-set'
import { words } from './search-text'

/** The engine's fields, in a fixed order: a field's place is part of each phrase hash. */
export const SEARCH_FIELDS = [
  'title',
  'byline',
  'site',
  'text',
  'trimmed',
  'notes',
  'codes',
  'entities',
  'tags',
  'cases',
] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]

export type FieldTexts = Record<SearchField, string>

/** What the facets and filters read, kept by the index itself (rows may predate these fields). */
export interface ArticleFacts {
  id: string
  savedAt: number
  codes: string[]
  entities: string[]
  language?: string
  hasNotes: boolean
  tags: string[]
  cases: string[]
  /** The hashes of (field, word, next word). */
  pairs: PairSet
}

/** What an article's fields say depends on: the workspace's codes, entities and cases. */
export interface NameBook {
  codes: readonly Code[]
  entities: readonly Entity[]
  cases: readonly Case[]
}

/** FNV-1a over the field's place and the two words. */
export function pairHash(field: number, first: string, second: string): number {
  let h = (0x811c9dc5 ^ field) >>> 0
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  }
  mix(first)
  h = Math.imul(h ^ 0x1f, 0x01000193) >>> 0
  mix(second)
  return h >>> 0
}

/**
 * The pair hashes and the distinct words of the fields. Lines of list-like fields are separate: a
 * phrase never runs from one note into the next.
 */
function pairsOf(texts: FieldTexts): { pairs: PairSet; vocabulary: Set<string> } {
  const hashes = new Set<number>()
  const vocabulary = new Set<string>()
  SEARCH_FIELDS.forEach((field, place) => {
    for (const line of texts[field].split('\n')) {
      const found = words(line)
      for (let i = 0; i < found.length; i++) {
        vocabulary.add(found[i]!)
        if (i > 0) hashes.add(pairHash(place, found[i - 1]!, found[i]!))
      }
    }
  })
  return { pairs: pairSet([...hashes]), vocabulary }
}

export function indexedArticle(
  article: Readonly<Article>,
  savedAt: number,
  book: NameBook,
): { texts: FieldTexts; facts: ArticleFacts; vocabulary: Set<string> } {
  const resolve = codeResolver(book.codes)
  const codeIds = [...new Set(article.highlights.map((h) => resolve(h.codeId)))]
  const entityIds = [
    ...new Set(article.mentions.filter((m) => m.status === 'confirmed').map((m) => m.entityId)),
  ]
  const entities = entityIds.flatMap((id) => {
    const entity = book.entities.find((e) => e.id === id)
    return entity ? [entity.name, ...entity.aliases] : []
  })
  const notes = article.highlights.map((h) => h.note.trim()).filter(Boolean)
  const cases = article.cases ?? []
  const texts: FieldTexts = {
    title: article.title,
    byline: article.byline ?? '',
    site: article.siteName ?? '',
    text: visibleText(article.text, article.blocks),
    trimmed: article.blocks
      .filter((b) => b.trimmed)
      .map((b) => article.text.slice(b.start, b.end))
      .join('\n'),
    notes: notes.join('\n'),
    codes: codeIds.map((id) => book.codes.find((c) => c.id === id)?.name ?? '').join('\n'),
    entities: entities.join('\n'),
    tags: article.tags.join('\n'),
    cases: cases.map((id) => book.cases.find((c) => c.id === id)?.name ?? '').join('\n'),
  }
  const { pairs, vocabulary } = pairsOf(texts)
  const facts: ArticleFacts = {
    id: article.id,
    savedAt,
    codes: codeIds,
    entities: entityIds,
    language: article.language,
    hasNotes: notes.length > 0,
    tags: [...new Set(article.tags)],
    cases: [...cases],
    pairs,
  }
  return { texts, facts, vocabulary }
}
