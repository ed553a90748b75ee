// The training and development sets in ../shared/ner, read from their CoNLL files, with each set's tags
// mapped onto Dossier's entity types. A set that never annotates a type leaves that type open on its
// words (see perceptron.ts): "O" in the Broad Twitter Corpus says "not a person, organisation or place",
// not "not a date". The mapping is documented in docs/NER.md.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { begin, inside, LABEL_COUNT, NER_TYPES, O, type NerType } from '../../src/main/services/ner/labels'
import { designatorKind } from '../../src/main/services/ner/designators'
import { GAZETTEER_KINDS, type Gazetteer } from '../../src/main/services/ner/gazetteer'
import { seededRandom, type TrainingSentence } from '../../src/main/services/ner/perceptron'

/** What a tag of a data set becomes: a type, nothing (O), or "not known": O or one of these types. */
export type Mapped = NerType | 'O' | { oneOf: NerType[] }

export interface DataSetSpec {
  name: string
  file: string
  licence: string
  /** IOB1 (wikigold): an I- tag may open an entity; it is read as IOB2. */
  scheme: 'iob1' | 'iob2'
  /** Column of the token and of the tag; UNER's files have an index column first. */
  columns: [token: number, tag: number]
  /** Tag (without B-/I-) → what it is in Dossier. A tag not listed is an error, so none slips through. */
  tags: Record<string, Mapped>
  /** Dossier types this set annotates wherever they occur; the others stay open on its O words. */
  annotates: NerType[]
  /**
   * The set also marks pronouns as entities ("We", "their", "He"): in training such a span may be the
   * entity or nothing, since no other set and no user calls "they" a name, and web text is full of "I".
   * They stay entities in the gold spans that score the set. (Its descriptions, "the city", "local
   * people", are taught as they are: opened too, they cost re3d 4 points of F1 and gained web text 1.)
   */
  marksPronouns?: boolean
}

const PLO: NerType[] = ['Person', 'Organization', 'Location']

/** WNUT 2017's tags, the same in its training and development sets. */
const WNUT17_TAGS = {
  person: 'Person',
  location: 'Location',
  group: 'Organization',
  corporation: 'Organization',
  // Products are phones, games and cars far more often than weapons.
  product: 'O',
  'creative-work': 'O',
} as const

export const DATA_SETS: Record<string, DataSetSpec> = {
  btc: {
    name: 'btc',
    file: 'train/btc.conll',
    licence: 'CC BY 4.0',
    scheme: 'iob2',
    columns: [0, 1],
    tags: { PER: 'Person', ORG: 'Organization', LOC: 'Location' },
    annotates: PLO,
  },
  wikigold: {
    name: 'wikigold',
    file: 'train/wikigold.conll',
    licence: 'CC BY 4.0',
    scheme: 'iob1',
    columns: [0, 1],
    // MISC holds nationalities, events, works and products: an event or a piece of equipment, or neither.
    tags: { PER: 'Person', ORG: 'Organization', LOC: 'Location', MISC: { oneOf: ['Event', 'Equipment'] } },
    annotates: [...PLO, 'Event', 'Equipment'],
  },
  'wnut17-train': {
    name: 'wnut17-train',
    file: 'train/wnut17-train.conll',
    licence: 'CC BY 4.0',
    scheme: 'iob2',
    columns: [0, 1],
    tags: WNUT17_TAGS,
    annotates: PLO,
  },
  'wnut17-dev': {
    name: 'wnut17-dev',
    file: 'train/wnut17-dev.conll',
    licence: 'CC BY 4.0',
    scheme: 'iob2',
    columns: [0, 1],
    tags: WNUT17_TAGS,
    annotates: PLO,
  },
  re3d: {
    name: 're3d',
    file: 'train/re3d-train.conll',
    licence:
      'public domain (US State Department, CENTCOM), Open Government Licence v3 (UK Government), CC BY 3.0 AU (DFAT), CC BY-SA 3.0 (Wikipedia), EU reuse notice',
    scheme: 'iob2',
    columns: [0, 1],
    tags: {
      Person: 'Person',
      Organisation: 'Organization',
      Location: 'Location',
      Temporal: 'Date',
      Weapon: 'Equipment',
      MilitaryPlatform: 'Equipment',
      Nationality: 'O',
      Money: 'O',
      Quantity: 'O',
      DocumentReference: 'O',
      CommsIdentifier: 'O',
      Frequency: 'O',
    },
    annotates: [...PLO, 'Equipment', 'Date'],
    marksPronouns: true,
  },
  'uner-ewt-dev': {
    name: 'uner-ewt-dev',
    file: 'train/uner-ewt-dev.iob2',
    licence: 'CC BY-SA 4.0',
    scheme: 'iob2',
    columns: [1, 2],
    tags: { PER: 'Person', ORG: 'Organization', LOC: 'Location' },
    annotates: PLO,
  },
}

/** A sentence as its data set has it: words, and per word the Dossier type and whether it opens an entity. */
export interface GoldSentence {
  words: string[]
  /** Per word: -1 outside, else the index in NER_TYPES; opens marks the first word of an entity. */
  types: Int8Array
  opens: Uint8Array
  /** Per word: the types it may be when its tag was "one of" (a MISC of wikigold), as a bit mask of types. */
  open: Int32Array
  set: string
}

function readLines(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split(/\r?\n/)
  } catch (error) {
    throw new Error(`${path} could not be read: ${(error as Error).message}`)
  }
}

export function readDataSet(root: string, spec: DataSetSpec): GoldSentence[] {
  const path = join(root, spec.file)
  const out: GoldSentence[] = []
  let words: string[] = []
  let tags: string[] = []
  const flush = () => {
    if (words.length) out.push(toGold(words, tags, spec, path))
    words = []
    tags = []
  }
  readLines(path).forEach((line, n) => {
    if (line.startsWith('#') && spec.columns[0] !== 0) return
    if (line.trim() === '') return flush()
    // Tab-separated files may hold a token with a space in it; wikigold separates with one space.
    const cells = line.includes('\t') ? line.split('\t') : line.split(' ')
    const word = cells[spec.columns[0]]
    const tag = cells[spec.columns[1]]
    if (word === undefined || tag === undefined)
      throw new Error(`${path}:${n + 1}: expected a token and a tag`)
    // A token of white space only is no word of any text the tagger will see.
    if (word.trim() === '' && tag === 'O') return
    words.push(word)
    tags.push(tag)
  })
  flush()
  return out
}

function toGold(words: string[], tags: string[], spec: DataSetSpec, path: string): GoldSentence {
  const n = words.length
  const types = new Int8Array(n).fill(-1)
  const opens = new Uint8Array(n)
  const open = new Int32Array(n)
  let previous = 'O'
  tags.forEach((tag, i) => {
    if (tag === 'O') {
      previous = 'O'
      return
    }
    const match = /^([BI])-(.+)$/.exec(tag)
    if (!match) throw new Error(`${path}: "${tag}" is not an IOB tag`)
    const [, bio, name] = match as unknown as [string, 'B' | 'I', string]
    const mapped = spec.tags[name]
    if (mapped === undefined) throw new Error(`${path}: the tag ${name} has no mapping onto Dossier's types`)
    // IOB1 opens an entity with I- unless the word before carries the same tag.
    const starts = bio === 'B' || previous !== name
    previous = name
    if (mapped === 'O') return
    if (typeof mapped === 'object') {
      for (const t of mapped.oneOf) open[i]! |= 1 << NER_TYPES.indexOf(t)
      // An open word continues only the open words before it (one MISC entity stays one).
      open[i]! |= starts ? 0 : 1 << 30
      return
    }
    types[i] = NER_TYPES.indexOf(mapped)
    opens[i] = starts ? 1 : 0
  })
  return { words, types, opens, open, set: spec.name }
}

const DATE_WORD =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|week|weekend|month|year|decade|century|spring|summer|autumn|winter|morning|afternoon|evening|night|\d{4}s?|\d{1,2}(?:st|nd|rd|th)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})$/i
const EVENT_WORD =
  /^(?:war|battle|operation|siege|offensive|summit|conference|olympics|revolution|uprising|crisis|massacre|election)$/i

/**
 * Which of the unannotated types a word could be, by a cue of its own or of a neighbour: a date word, a
 * designator or listed equipment, a listed event or an event word. A latent label is allowed only there;
 * allowed everywhere, the perceptron would confirm its own mistakes on every unannotated word.
 */
function cues(words: readonly string[], gazetteer: Gazetteer): number[] {
  const marks = gazetteer.mark(words.map((w) => w.toLowerCase()))
  const equipment = `g${GAZETTEER_KINDS.indexOf('equipment')}`
  const event = `g${GAZETTEER_KINDS.indexOf('event')}`
  const own = words.map((w, i) => {
    let mask = 0
    if (DATE_WORD.test(w)) mask |= 1 << NER_TYPES.indexOf('Date')
    if (designatorKind(w) || marks[i]!.some((m) => m.startsWith(equipment)))
      mask |= 1 << NER_TYPES.indexOf('Equipment')
    if (EVENT_WORD.test(w) || marks[i]!.some((m) => m.startsWith(event)))
      mask |= 1 << NER_TYPES.indexOf('Event')
    return mask
  })
  return own.map((m, i) => m | (own[i - 1] ?? 0) | (own[i + 1] ?? 0))
}

const PRONOUNS = new Set(
  'i me my we us our they them their he him his she her it its you your this these those that the a an one some all'.split(
    ' ',
  ),
)

/** Whether a gold span is a pronoun ("We", "their", "those") and nothing else. */
function isPronoun(words: readonly string[]): boolean {
  return words.every((w) => PRONOUNS.has(w.toLowerCase()))
}

/** The labels each word of a gold sentence may carry, for the latent-variable perceptron. */
export function permittedLabels(gold: GoldSentence, spec: DataSetSpec, gazetteer: Gazetteer): Int32Array {
  const unannotated = NER_TYPES.map((t, k) => (spec.annotates.includes(t) ? -1 : k)).filter((k) => k >= 0)
  const cued = cues(gold.words, gazetteer)
  const permitted = new Int32Array(gold.words.length)
  for (let i = 0; i < gold.words.length; i++) {
    const t = gold.types[i]!
    if (t >= 0) {
      permitted[i] = 1 << (gold.opens[i] ? begin(t) : inside(t))
      continue
    }
    let mask = 1 << O
    for (const k of unannotated) if (cued[i]! & (1 << k)) mask |= (1 << begin(k)) | (1 << inside(k))
    const open = gold.open[i]!
    for (let k = 0; k < NER_TYPES.length; k++) {
      if (!(open & (1 << k)) || !(cued[i]! & (1 << k))) continue
      mask |= 1 << begin(k)
      if (open & (1 << 30)) mask |= 1 << inside(k)
    }
    permitted[i] = mask & ((1 << LABEL_COUNT) - 1)
  }
  if (spec.marksPronouns)
    for (const span of goldSpans(gold)) {
      if (!isPronoun(gold.words.slice(span.start, span.end))) continue
      for (let i = span.start; i < span.end; i++) permitted[i]! |= 1 << O
    }
  return permitted
}

export function trainingSentences(gold: readonly GoldSentence[], gazetteer: Gazetteer): TrainingSentence[] {
  return gold.map((g) => ({ words: g.words, permitted: permittedLabels(g, DATA_SETS[g.set]!, gazetteer) }))
}

/** Gold entities of a sentence, as word ranges with their type index (open "one of" words are not entities). */
export function goldSpans(gold: GoldSentence): { start: number; end: number; type: number }[] {
  const spans: { start: number; end: number; type: number }[] = []
  for (let i = 0; i < gold.words.length; i++) {
    const t = gold.types[i]!
    if (t < 0) continue
    if (gold.opens[i] || spans.length === 0 || spans.at(-1)!.end !== i || spans.at(-1)!.type !== t)
      spans.push({ start: i, end: i + 1, type: t })
    else spans.at(-1)!.end = i + 1
  }
  return spans
}

/** Consecutive sentences of re3d held back together: neighbouring sentences come from one document. */
export const RE3D_BLOCK = 20
export const RE3D_HELD_SHARE = 0.2

/**
 * re3d's training split cut into blocks of RE3D_BLOCK consecutive sentences, and a seeded fifth of the
 * blocks held back for evaluation (re3d ships no development split of its own).
 */
export function splitRe3d(
  sentences: readonly GoldSentence[],
  seed: number,
): { train: GoldSentence[]; held: GoldSentence[] } {
  const random = seededRandom(seed)
  const train: GoldSentence[] = []
  const held: GoldSentence[] = []
  for (let at = 0; at < sentences.length; at += RE3D_BLOCK) {
    const block = sentences.slice(at, at + RE3D_BLOCK)
    ;(random() < RE3D_HELD_SHARE ? held : train).push(...block)
  }
  return { train, held }
}
