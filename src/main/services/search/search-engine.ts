// The full-text engine under the library search: FlexSearch's Document index, one strict (whole-word)
// index per field, fed the words of search-text.ts. FlexSearch was chosen on the figures of
// bench/scenarios/search-libraries.ts: it answered the 200 bench queries 30× faster than MiniSearch and
// 100× faster than Orama on 10,000 articles, with the smallest heap; what it lacks (edit-distance typos,
// adjacency for phrases, BM25-like weighting) is done around it, in vocabulary.ts and match-query.ts.
//
// The fields are held in two Documents: the article's own words (title, text, …) and what the analyst
// adds (notes, codes, entities, tags, cases). Without fastupdate, FlexSearch removes a document by
// walking its whole index, about 2 ms in the text of 10,000 articles; a highlight or a tag changes only
// the second part, whose index is small, so "tag all" over thousands of articles does not pay that walk.
import FlexSearch from 'flexsearch'
import { CONTENT_FIELDS, NOTE_FIELDS, type FieldTexts, type SearchField } from './indexed-article'
import { words } from './search-text'

type Part = 'content' | 'notes'

/** The part of FlexSearch's Document used here: its typings do not describe 0.8's options. */
interface FlexDocument {
  add(doc: { id: number } & Partial<FieldTexts>): void
  remove(id: number): void
  search(
    query: string,
    options: { index: readonly string[]; limit: number },
  ): { field: string; result: number[] }[]
  export(handler: (key: string, data: string) => void): unknown
  import(key: string, data: string): void
}

export interface Engine {
  add(doc: { id: number } & FieldTexts): void
  /** Replaces only what the analyst added to the article (notes, codes, entities, tags, cases). */
  replaceNotes(doc: { id: number } & Pick<FieldTexts, (typeof NOTE_FIELDS)[number]>): void
  remove(id: number): void
  search(
    query: string,
    options: { index: readonly string[]; limit: number },
  ): { field: string; result: number[] }[]
  export(handler: (key: string, data: string) => void): Promise<void>
  import(key: string, data: string): void
}

function flexDocument(fields: readonly SearchField[]): FlexDocument {
  // fastupdate stays off: it costs memory, and FlexSearch 0.8 cannot import its own export with it on.
  const Document = (FlexSearch as unknown as { Document: new (options: unknown) => FlexDocument }).Document
  return new Document({
    document: { id: 'id', index: fields.map((field) => ({ field, tokenize: 'strict', encode: words })) },
  })
}

const PART_OF = new Map<string, Part>([
  ...CONTENT_FIELDS.map((f) => [f, 'content'] as const),
  ...NOTE_FIELDS.map((f) => [f, 'notes'] as const),
])

function pick<K extends SearchField>(doc: FieldTexts, fields: readonly K[]): Pick<FieldTexts, K> {
  const out = {} as Pick<FieldTexts, K>
  for (const f of fields) out[f] = doc[f]
  return out
}

export function createEngine(): Engine {
  const parts: Record<Part, FlexDocument> = {
    content: flexDocument(CONTENT_FIELDS),
    notes: flexDocument(NOTE_FIELDS),
  }
  return {
    add(doc) {
      parts.content.add({ id: doc.id, ...pick(doc, CONTENT_FIELDS) })
      parts.notes.add({ id: doc.id, ...pick(doc, NOTE_FIELDS) })
    },
    replaceNotes(doc) {
      parts.notes.remove(doc.id)
      parts.notes.add(doc)
    },
    remove(id) {
      parts.content.remove(id)
      parts.notes.remove(id)
    },
    search(query, { index, limit }) {
      const content = index.filter((f) => PART_OF.get(f) === 'content')
      const notes = index.filter((f) => PART_OF.get(f) === 'notes')
      return [
        ...(content.length ? parts.content.search(query, { index: content, limit }) : []),
        ...(notes.length ? parts.notes.search(query, { index: notes, limit }) : []),
      ]
    },
    async export(handler) {
      for (const part of ['content', 'notes'] as const)
        await parts[part].export((key, data) => handler(`${part}:${key}`, data))
    },
    import(key, data) {
      const colon = key.indexOf(':')
      const part = parts[key.slice(0, colon) as Part]
      if (!part) throw new Error(`the engine has no part "${key.slice(0, colon)}"`)
      part.import(key.slice(colon + 1), data)
    },
  }
}

/** The engine as keyed chunks of text, as FlexSearch exports it. */
export async function exportEngine(engine: Engine): Promise<[string, string][]> {
  const chunks: [string, string][] = []
  await engine.export((key, data) => {
    chunks.push([key, data])
  })
  return chunks
}
