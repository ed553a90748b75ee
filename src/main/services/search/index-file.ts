// index/search.jsonl: the library index on disk, one JSON value a line (a header with each article's
// savedAt, the facts of the articles in batches, the vocabulary, FlexSearch's export chunks, an end mark),
// so reading and writing it yields to the event loop between lines. Derived data: when it is missing,
// from another version or damaged, the index is built again from the articles.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { ArticleFacts } from './indexed-article'
import { pairSet, sortedPairs, type PairSet } from './pair-set'

export const SEARCH_INDEX_DIR = 'index'
export const SEARCH_INDEX_FILE = 'search.jsonl'
/** 3: pair hashes take the field in as a whole unit and are finished with a bit mix (pairHash). */
export const SEARCH_INDEX_VERSION = 3

export const searchIndexPath = (dir: string) => join(dir, SEARCH_INDEX_DIR, SEARCH_INDEX_FILE)

/** What the index saves and loads. */
export interface IndexSnapshot {
  /** Article numbers of the engine, with what the facets need. */
  docs: [number, ArticleFacts][]
  vocabulary: [string, number][]
  engine: [string, string][]
}

const Header = z.object({
  format: z.literal('dossier-search'),
  version: z.number(),
  /** Each indexed article's row savedAt, to notice at opening what changed since. */
  articles: z.record(z.string(), z.number()),
  lines: z.number().int().nonnegative(),
})
const DocLine = z.object({
  docs: z.array(
    z.tuple([
      z.number().int().nonnegative(),
      z.string(),
      z.array(z.string()),
      z.array(z.string()),
      z.string().nullable(),
      z.boolean(),
      z.array(z.string()),
      z.array(z.string()),
      z.number().int().nonnegative(),
      z.string(),
      z.string(),
    ]),
  ),
})
const VocabularyLine = z.object({ vocabulary: z.array(z.tuple([z.string(), z.number()])) })
const EngineLine = z.object({ engine: z.string(), data: z.string() })
const EndLine = z.object({ end: z.literal(true) })

const DOCS_PER_LINE = 500
const WORDS_PER_LINE = 20_000

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The file is not a search index this version can use: the reason, said as a clause. */
export class UnusableIndexError extends Error {
  constructor(
    readonly reason: string,
    /** An older or newer version is not damage: it is replaced without quarantine. */
    readonly damaged = true,
  ) {
    super(reason)
  }
}

function encodePairs(pairs: PairSet | Uint32Array): string {
  const list = pairs instanceof Uint32Array ? pairs : sortedPairs(pairs)
  return Buffer.from(list.buffer, list.byteOffset, list.byteLength).toString('base64')
}

/** A list of pair hashes as the file keeps it: distinct and ascending (a list that is not is damage). */
function decodePairs(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64')
  if (bytes.byteLength % 4 !== 0) throw new UnusableIndexError('a phrase table is cut short')
  // A copy: the Buffer's memory may be part of a shared pool, not aligned for 32-bit reads.
  const list = new Uint32Array(new Uint8Array(bytes).buffer)
  for (let i = 1; i < list.length; i++)
    if (list[i]! <= list[i - 1]!) throw new UnusableIndexError('a phrase table is out of order')
  return list
}

/** The file's text, built a line at a time with a yield between lines. */
export async function serializeIndex(snapshot: IndexSnapshot): Promise<string> {
  const body: string[] = []
  for (let i = 0; i < snapshot.docs.length; i += DOCS_PER_LINE) {
    const docs = snapshot.docs
      .slice(i, i + DOCS_PER_LINE)
      .map(([n, f]) => [
        n,
        f.id,
        f.codes,
        f.entities,
        f.language ?? null,
        f.hasNotes,
        f.tags,
        f.cases,
        f.content,
        encodePairs(f.pairs),
        encodePairs(f.notePairs),
      ])
    body.push(JSON.stringify({ docs }))
    await yieldNow()
  }
  for (let i = 0; i < snapshot.vocabulary.length; i += WORDS_PER_LINE)
    body.push(JSON.stringify({ vocabulary: snapshot.vocabulary.slice(i, i + WORDS_PER_LINE) }))
  for (const [key, data] of snapshot.engine) {
    body.push(JSON.stringify({ engine: key, data }))
    await yieldNow()
  }
  body.push(JSON.stringify({ end: true }))
  const articles = Object.fromEntries(snapshot.docs.map(([, f]) => [f.id, f.savedAt]))
  const header = { format: 'dossier-search', version: SEARCH_INDEX_VERSION, articles, lines: body.length }
  return `${JSON.stringify(header)}\n${body.join('\n')}\n`
}

function parseLine<T>(line: string | undefined, schema: z.ZodType<T>, what: string): T {
  if (line === undefined) throw new UnusableIndexError(`it ends before its ${what}`)
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    throw new UnusableIndexError(`its ${what} is not valid JSON`)
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new UnusableIndexError(`its ${what} is not in the expected shape`)
  return parsed.data
}

/** Reads the file; undefined when there is none. Throws UnusableIndexError when it cannot be used. */
export async function readIndexFile(dir: string): Promise<IndexSnapshot | undefined> {
  let text: string
  try {
    text = await readFile(searchIndexPath(dir), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new UnusableIndexError(`it could not be read (${(error as Error).message})`)
  }
  const lines = text.split('\n')
  const header = parseLine(lines[0], Header, 'header')
  if (header.version !== SEARCH_INDEX_VERSION)
    throw new UnusableIndexError(`it is from another version of Dossier (${header.version})`, false)
  if (lines.length < header.lines + 1) throw new UnusableIndexError('it is cut short')
  const snapshot: IndexSnapshot = { docs: [], vocabulary: [], engine: [] }
  for (let i = 1; i <= header.lines; i++) {
    const line = lines[i]!
    if (line.startsWith('{"docs"')) {
      for (const [
        n,
        id,
        codes,
        entities,
        language,
        hasNotes,
        tags,
        cases,
        content,
        pairs,
        notePairs,
      ] of parseLine(line, DocLine, 'article list').docs) {
        const savedAt = header.articles[id]
        if (savedAt === undefined) throw new UnusableIndexError('an article in it is missing from its header')
        snapshot.docs.push([
          n,
          {
            id,
            savedAt,
            codes,
            entities,
            language: language ?? undefined,
            hasNotes,
            tags,
            cases,
            content,
            pairs: decodePairs(pairs),
            notePairs: pairSet(decodePairs(notePairs)),
          },
        ])
      }
    } else if (line.startsWith('{"vocabulary"')) {
      snapshot.vocabulary.push(...parseLine(line, VocabularyLine, 'vocabulary').vocabulary)
    } else if (line.startsWith('{"engine"')) {
      const { engine, data } = parseLine(line, EngineLine, 'engine data')
      snapshot.engine.push([engine, data])
    } else if (i === header.lines) {
      parseLine(line, EndLine, 'end mark')
    } else throw new UnusableIndexError(`its line ${i + 1} is not part of a search index`)
    await yieldNow()
  }
  if (lines[header.lines] !== '{"end":true}') throw new UnusableIndexError('it is cut short')
  return snapshot
}
