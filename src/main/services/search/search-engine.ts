// The full-text engine under the library search: FlexSearch's Document index, one strict (whole-word)
// index per field, fed the words of search-text.ts. FlexSearch was chosen on the figures of
// bench/scenarios/search-libraries.ts: it answered the 200 bench queries 30× faster than MiniSearch and
// 100× faster than Orama on 10,000 articles, with the smallest heap; what it lacks (edit-distance typos,
// adjacency for phrases, BM25-like weighting) is done around it, in vocabulary.ts and match-query.ts.
import FlexSearch from 'flexsearch'
import { SEARCH_FIELDS, type FieldTexts } from './indexed-article'
import { words } from './search-text'

/** The part of FlexSearch's Document the index uses: its typings do not describe 0.8's options. */
export interface Engine {
  add(doc: { id: number } & FieldTexts): void
  remove(id: number): void
  search(
    query: string,
    options: { index: readonly string[]; limit: number },
  ): { field: string; result: number[] }[]
  export(handler: (key: string, data: string) => void): unknown
  import(key: string, data: string): void
}

export function createEngine(): Engine {
  // fastupdate stays off: it costs memory, and FlexSearch 0.8 cannot import its own export with it on.
  // Removing one article without it takes about 2 ms at 10,000 articles.
  const Document = (FlexSearch as unknown as { Document: new (options: unknown) => Engine }).Document
  return new Document({
    document: {
      id: 'id',
      index: SEARCH_FIELDS.map((field) => ({ field, tokenize: 'strict', encode: words })),
    },
  })
}

/** The engine as keyed chunks of text, as FlexSearch exports it. */
export async function exportEngine(engine: Engine): Promise<[string, string][]> {
  const chunks: [string, string][] = []
  await engine.export((key, data) => {
    chunks.push([key, data])
  })
  return chunks
}
