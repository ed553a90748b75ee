// What the library index keeps of one article: the text of each searchable field (handed to the engine,
// then dropped), what the facets and filters need, and a hash of each pair of adjacent words, so a
// "quoted phrase" is checked for adjacency without the article's text in memory (pair-set.ts).
import type { Article, Case, Code, Entity } from '../../../shared/model'
import { codeResolver } from '../codes/codebook'
import { entityResolver, mergedForms } from '../entities/resolve'
import { visibleText } from '../import/boilerplate'
import { pairSet, sortedSet, type PairSet } from './pair-set'
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
/** The article's own words, and what the analyst adds to it (indexed apart: see search-engine.ts). */
export const CONTENT_FIELDS = ['title', 'byline', 'site', 'text', 'trimmed'] as const satisfies SearchField[]
export const NOTE_FIELDS = ['notes', 'codes', 'entities', 'tags', 'cases'] as const satisfies SearchField[]
type NoteField = (typeof NOTE_FIELDS)[number]

export type FieldTexts = Record<SearchField, string>

/** What the facets and filters read, kept by the index itself (rows may predate these fields). */
export interface ArticleFacts {
  id: string
  savedAt: number
  codes: string[]
  /** The entity ids the confirmed tags were written with (resolved through merges when read). */
  entities: string[]
  language?: string
  hasNotes: boolean
  tags: string[]
  cases: string[]
  /** A hash of the article's own fields: when it is unchanged, only the analyst's fields are indexed again. */
  content: number
  /** The hashes of (field, word, next word) in the article's own fields, ascending… */
  pairs: Uint32Array
  /** …and in the analyst's. */
  notePairs: PairSet
}

/** What an article's fields say depends on: the workspace's codes, entities and cases. */
export interface NameBook {
  codes: readonly Code[]
  entities: readonly Entity[]
  cases: readonly Case[]
}

/**
 * FNV-1a over the field's place, the two words and a separator, each a unit of its own, then mixed
 * (murmur3's finaliser). The place is not xor-ed into the seed: "44 hwasong" in one field and a pair of
 * another field that differs only in those low bits would share a hash, and a phrase be found where it
 * is not.
 */
export function pairHash(field: number, first: string, second: string): number {
  let h = 0x811c9dc5
  const unit = (u: number) => {
    h = Math.imul(h ^ u, 0x01000193)
  }
  unit(0x10000 + field)
  for (let i = 0; i < first.length; i++) unit(first.charCodeAt(i))
  unit(0x1f)
  for (let i = 0; i < second.length; i++) unit(second.charCodeAt(i))
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * The pair hashes and the distinct words of the fields. Lines of list-like fields are separate: a
 * phrase never runs from one note into the next.
 */
function pairsOf(
  texts: Partial<FieldTexts>,
  fields: readonly SearchField[],
  vocabulary: Set<string>,
): Set<number> {
  const hashes = new Set<number>()
  for (const field of fields) {
    const place = SEARCH_FIELDS.indexOf(field)
    for (const line of texts[field]!.split('\n')) {
      const found = words(line)
      for (let i = 0; i < found.length; i++) {
        vocabulary.add(found[i]!)
        if (i > 0) hashes.add(pairHash(place, found[i - 1]!, found[i]!))
      }
    }
  }
  return hashes
}

/** FNV-1a over the texts of the fields, each ended by a character no text holds. */
function contentHash(texts: Pick<FieldTexts, (typeof CONTENT_FIELDS)[number]>): number {
  let h = 0x811c9dc5
  for (const field of CONTENT_FIELDS) {
    const s = texts[field]
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
    h = Math.imul(h ^ 0xffff, 0x01000193)
  }
  return h >>> 0
}

/** What an article's names depend on, prepared once for many articles. */
export interface PreparedBook {
  resolveCode: (id: string) => string
  codeName: Map<string, string>
  /** The names an entity id is found by in `entity:` (none for a deleted entity). */
  entityNames: (id: string) => readonly string[]
  caseName: Map<string, string>
}

export function prepareBook(book: NameBook): PreparedBook {
  const resolve = entityResolver(book.entities)
  const byId = new Map(book.entities.map((e) => [e.id, e]))
  const brought = mergedForms(book.entities)
  const names = new Map<string, readonly string[]>()
  return {
    resolveCode: codeResolver(book.codes),
    codeName: new Map(book.codes.map((c) => [c.id, c.name])),
    entityNames: (id) => {
      let found = names.get(id)
      if (found) return found
      const live = resolve(id)
      const entity = live === undefined ? undefined : byId.get(live)
      found = entity ? [...new Set([entity.name, ...entity.aliases, ...(brought.get(entity.id) ?? [])])] : []
      names.set(id, found)
      return found
    },
    caseName: new Map(book.cases.map((c) => [c.id, c.name])),
  }
}

export interface IndexedArticle {
  texts: FieldTexts
  facts: ArticleFacts
  vocabulary: Set<string>
  /** False when the article's own fields are as in `previous`: only the analyst's need indexing. */
  contentChanged: boolean
}

export function indexedArticle(
  article: Readonly<Article>,
  savedAt: number,
  book: PreparedBook,
  previous?: ArticleFacts,
): IndexedArticle {
  const codeIds = [...new Set(article.highlights.map((h) => book.resolveCode(h.codeId)))]
  const entityIds = [
    ...new Set(article.mentions.filter((m) => m.status === 'confirmed').flatMap((m) => m.entityId ?? [])),
  ]
  const notes = article.highlights.map((h) => h.note.trim()).filter(Boolean)
  const cases = article.cases ?? []
  const noteTexts: Pick<FieldTexts, NoteField> = {
    notes: notes.join('\n'),
    codes: codeIds.map((id) => book.codeName.get(id) ?? '').join('\n'),
    entities: [...new Set(entityIds.flatMap(book.entityNames))].join('\n'),
    tags: article.tags.join('\n'),
    cases: cases.map((id) => book.caseName.get(id) ?? '').join('\n'),
  }
  const texts: FieldTexts = {
    title: article.title,
    byline: article.byline ?? '',
    site: article.siteName ?? '',
    text: visibleText(article.text, article.blocks),
    trimmed: article.blocks
      .filter((b) => b.trimmed)
      .map((b) => article.text.slice(b.start, b.end))
      .join('\n'),
    ...noteTexts,
  }
  const content = contentHash(texts)
  const contentChanged = previous?.content !== content
  const vocabulary = new Set<string>()
  const pairs = contentChanged ? sortedSet(pairsOf(texts, CONTENT_FIELDS, vocabulary)) : previous.pairs
  const notePairs = pairSet([...pairsOf(texts, NOTE_FIELDS, vocabulary)])
  const facts: ArticleFacts = {
    id: article.id,
    savedAt,
    codes: codeIds,
    entities: entityIds,
    language: article.language,
    hasNotes: notes.length > 0,
    tags: [...new Set(article.tags)],
    cases: [...cases],
    content,
    pairs,
    notePairs,
  }
  return { texts, facts, vocabulary, contentChanged }
}
