// The texts and the 200 fixed queries both search scenarios use: the library comparison indexes the
// texts in each candidate, the library-search scenario runs the same queries through the services.
import { assembleText } from '../../src/main/services/import/text-blocks'
import { EQUIPMENT, ORGANIZATIONS, PEOPLE, PLACES, newsBlocks, newsTitle } from './news-text'
import { seededRandom, type Random } from './random'

export const SITES = ['WION', 'Reuters', 'The Korea Herald', 'NK News']

export interface SearchDoc {
  id: string
  title: string
  byline: string
  site: string
  text: string
}

const flat = (text: string): string => JSON.parse(JSON.stringify(text)) as string

/** `count` articles of 3.8–6 K characters, the text size of the ~8 KB generated article files. */
export function searchCorpus(count: number, seed = 11): SearchDoc[] {
  const r = seededRandom(seed)
  return Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    title: newsTitle(r),
    byline: r.next() < 0.6 ? `By ${r.pick(PEOPLE)}` : '',
    site: r.pick(SITES),
    // Flattened, as JSON.parse gives it: a string built by concatenation keeps every piece alive.
    text: flat(assembleText(newsBlocks(r, r.int(3_800, 6_000))).text),
  }))
}

export type QueryKind = 'word' | 'phrase' | 'prefix' | 'typo' | 'fielded'

/** One query, in Dossier's syntax (`text`) and taken apart for libraries that have no such syntax. */
export interface BenchQuery {
  kind: QueryKind
  text: string
  /** The words to look up, lower case (the prefix without its `*`, the typo as typed). */
  words: string[]
  /** For fielded queries: the field and its value. */
  field?: { name: 'site' | 'byline' | 'title'; value: string }
}

const WORDS = [
  ...new Set(
    [...PEOPLE, ...ORGANIZATIONS, ...PLACES, ...EQUIPMENT]
      .join(' ')
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 4 && w !== 'the'),
  ),
  'sanctions',
  'shipments',
  'satellite',
  'imagery',
  'assessment',
  'briefing',
  'communique',
  'offensive',
  'resolutions',
  'unverified',
  'classified',
  'condemned',
  'spokesperson',
  'ambassador',
  'technology',
]

const PHRASES = [
  'satellite imagery',
  'front companies',
  'winter offensive',
  'security council resolutions',
  'military technology',
  'border crossing',
  'further exercises',
  'the two governments',
  'a new phase',
  'intelligence report',
  'foreign minister',
  'defence chief',
  'senior official',
  'broader shift',
  'were moved from',
  'played down',
  'warned about',
  'kim jong un',
  'the sea of japan',
  'ballistic missiles',
]

function typo(r: Random, word: string): string {
  const at = r.int(1, word.length - 2)
  const roll = r.next()
  if (roll < 0.33) return word.slice(0, at) + word.slice(at + 1)
  if (roll < 0.66) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
  const letter = 'aeioulnrst'[r.int(0, 9)]!
  return word.slice(0, at) + (letter === word[at] ? 'x' : letter) + word.slice(at + 1)
}

/** 40 of each kind, in a fixed order, so every run and every library gets the same 200. */
export function benchQueries(seed = 5): BenchQuery[] {
  const r = seededRandom(seed)
  const queries: BenchQuery[] = []
  for (let i = 0; i < 40; i++) {
    const word = r.pick(WORDS)
    if (i % 4 === 3) {
      const other = r.pick(WORDS)
      queries.push({ kind: 'word', text: `${word} ${other}`, words: [word, other] })
    } else queries.push({ kind: 'word', text: word, words: [word] })
  }
  for (let i = 0; i < 40; i++) {
    const phrase = PHRASES[i % PHRASES.length]!
    queries.push({ kind: 'phrase', text: `"${phrase}"`, words: phrase.split(' ') })
  }
  for (let i = 0; i < 40; i++) {
    const word = r.pick(WORDS)
    const stem = word.slice(0, r.int(3, Math.min(6, word.length - 1)))
    queries.push({ kind: 'prefix', text: `${stem}*`, words: [stem] })
  }
  for (let i = 0; i < 40; i++) {
    let word = r.pick(WORDS)
    while (word.length < 6) word = r.pick(WORDS)
    const typed = typo(r, word)
    queries.push({ kind: 'typo', text: typed, words: [typed] })
  }
  for (let i = 0; i < 40; i++) {
    const word = r.pick(WORDS)
    const roll = i % 3
    if (roll === 0) {
      const site = r.pick(SITES)
      const value = site.split(' ').at(-1)!.toLowerCase()
      queries.push({
        kind: 'fielded',
        text: `site:${value} ${word}`,
        words: [word],
        field: { name: 'site', value },
      })
    } else if (roll === 1) {
      const value = r.pick(PEOPLE).split(' ').at(-1)!.toLowerCase()
      queries.push({
        kind: 'fielded',
        text: `by:${value} ${word}`,
        words: [word],
        field: { name: 'byline', value },
      })
    } else {
      queries.push({
        kind: 'fielded',
        text: `title:${word}`,
        words: [],
        field: { name: 'title', value: word },
      })
    }
  }
  return queries
}
