// `npm run eval:ner`: trains a model without the development sets (wnut17-dev, uner-ewt-dev and a
// seeded fifth of re3d's training split, by blocks of sentences), then prints per-type precision,
// recall and exact-match entity F1 on each development set, next to the compromise library on the same
// sentences in the same run. Each set is scored on the types it annotates.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import nlp from 'compromise'
import { NER_TYPES } from '../src/main/services/ner/labels'
import { recognise } from '../src/main/services/ner/recognise'
import { recognisedNames } from '../src/main/services/entities/recognised-names'
import { configHash, DATA_ROOT, TRAIN_CONFIG, type TrainConfig } from './ner/config'
import { DATA_SETS, goldSpans, readDataSet, splitRe3d, type GoldSentence } from './ner/datasets'
import { prf, sumTallies, tallySentence, type CharSpan, type Tally } from './ner/score'
import { calibrateTemperature, trainModel } from './ner/train-model'

const started = performance.now()
const log = (line: string) => console.error(`${((performance.now() - started) / 1000).toFixed(1)}s  ${line}`)

const EVAL_CONFIG: TrainConfig = { ...TRAIN_CONFIG, sets: ['btc', 'wikigold', 'wnut17-train', 're3d'] }
const RE3D_SPLIT_SEED = 1

const read = (name: string) => readDataSet(DATA_ROOT, DATA_SETS[name]!)
const re3d = splitRe3d(read('re3d'), RE3D_SPLIT_SEED)
const training = [...read('btc'), ...read('wikigold'), ...read('wnut17-train'), ...re3d.train]
const dev: { name: string; sentences: GoldSentence[] }[] = [
  { name: 'wnut17-dev', sentences: read('wnut17-dev') },
  { name: 'uner-ewt-dev', sentences: read('uner-ewt-dev') },
  { name: 're3d held back', sentences: re3d.held },
]
log(
  `training on ${training.length} sentences (re3d: ${re3d.train.length} kept, ${re3d.held.length} held back)`,
)
const cpuStart = process.cpuUsage()
const trainStart = performance.now()
const temperature = calibrateTemperature(EVAL_CONFIG, training, log)
const model = trainModel(EVAL_CONFIG, training, `eval ${configHash(EVAL_CONFIG, [])}`, log, temperature)
const trainSeconds = (performance.now() - trainStart) / 1000
const cpu = process.cpuUsage(cpuStart)

/** The sentence as text (words joined by one space) and each word's offsets in it. */
function asText(words: readonly string[]): { text: string; offsets: [number, number][] } {
  let text = ''
  const offsets: [number, number][] = []
  for (const w of words) {
    if (text) text += ' '
    offsets.push([text.length, text.length + w.length])
    text += w
  }
  return { text, offsets }
}

/** compromise marks spans with the punctuation and space around them ("United Nations ."): trimmed. */
function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s\p{P}]/u.test(text[start]!)) start++
  while (end > start && /[\s\p{P}]/u.test(text[end - 1]!)) end--
  return [start, end]
}

/** compromise's people, organisations and places: trimmed, and as its offsets come. */
function compromiseSpans(text: string): { trimmed: CharSpan[]; raw: CharSpan[] } {
  const doc = nlp(text)
  const spans = { trimmed: [] as CharSpan[], raw: [] as CharSpan[] }
  const take = (view: { json: (options: object) => unknown }, type: string) => {
    for (const item of view.json({ offset: true, terms: false }) as {
      offset: { start: number; length: number }
    }[]) {
      const rawEnd = item.offset.start + item.offset.length
      spans.raw.push({ start: item.offset.start, end: rawEnd, type })
      const [start, end] = trimmed(text, item.offset.start, rawEnd)
      if (end > start) spans.trimmed.push({ start, end, type })
    }
  }
  take(doc.people(), 'Person')
  take(doc.organizations(), 'Organization')
  take(doc.places(), 'Location')
  return spans
}

const COMPROMISE_TYPES = new Set(['Person', 'Organization', 'Location'])
const pct = (x: number) => (100 * x).toFixed(1).padStart(5)
const cell = (t: Tally | undefined) => {
  if (!t) return '    —     —     —'
  const { p, r, f } = prf(t)
  return `${pct(p)} ${pct(r)} ${pct(f)}`
}

let taggedWords = 0
let tagMs = 0
console.log(
  `\nTrained without the development sets in ${trainSeconds.toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), ` +
    `${model.features.size} features.\nExact-match entity scores, in %: precision, recall, F1.\n`,
)
console.log(
  `${'set'.padEnd(16)}${'type'.padEnd(14)}${'n'.padStart(5)}   ${'Dossier P    R    F1'.padEnd(20)}   compromise P    R    F1`,
)
for (const { name, sentences } of dev) {
  const spec = DATA_SETS[name === 're3d held back' ? 're3d' : name]!
  const scored = NER_TYPES.filter((t) => Object.values(spec.tags).includes(t))
  const ours = new Map<string, Tally>()
  const theirs = new Map<string, Tally>()
  const theirsRaw = new Map<string, Tally>()
  const counts = new Map<string, number>()
  const scores: { score: number; right: boolean }[] = []
  for (const sentence of sentences) {
    const { text, offsets } = asText(sentence.words)
    const gold = goldSpans(sentence).map((s) => ({
      start: offsets[s.start]![0],
      end: offsets[s.end - 1]![1],
      type: NER_TYPES[s.type]!,
    }))
    for (const g of gold) counts.set(g.type, (counts.get(g.type) ?? 0) + 1)
    const t0 = performance.now()
    const predicted = recognise(text, { model })
    tagMs += performance.now() - t0
    taggedWords += sentence.words.length
    tallySentence(gold, predicted, scored, ours)
    const goldKeys = new Set(gold.map((g) => `${g.start}:${g.end}:${g.type}`))
    for (const p of predicted)
      if (scored.includes(p.type))
        scores.push({ score: p.score, right: goldKeys.has(`${p.start}:${p.end}:${p.type}`) })
    const compromise = compromiseSpans(text)
    const theirTypes = scored.filter((t) => COMPROMISE_TYPES.has(t))
    tallySentence(gold, compromise.trimmed, theirTypes, theirs)
    tallySentence(gold, compromise.raw, theirTypes, theirsRaw)
  }
  for (const type of scored)
    console.log(
      `${name.padEnd(16)}${type.padEnd(14)}${String(counts.get(type) ?? 0).padStart(5)}   ${cell(ours.get(type))}          ${cell(theirs.get(type))}`,
    )
  const plo = ['Person', 'Organization', 'Location']
  const oursPlo = sumTallies(plo.map((t) => ours.get(t)!))
  const theirsPlo = sumTallies(plo.map((t) => theirs.get(t)!))
  const n = plo.reduce((a, t) => a + (counts.get(t) ?? 0), 0)
  const theirsRawPlo = sumTallies(plo.map((t) => theirsRaw.get(t)!))
  console.log(
    `${name.padEnd(16)}${'PER+ORG+LOC'.padEnd(14)}${String(n).padStart(5)}   ${cell(oursPlo)}          ${cell(theirsPlo)}`,
  )
  console.log(
    `${''.padEnd(16)}compromise with the punctuation and space its offsets take in:  ${cell(theirsRawPlo)}   ` +
      `Dossier's F1 ${(prf(oursPlo).f / Math.max(1e-9, prf(theirsRawPlo).f)).toFixed(2)}× it (${(prf(oursPlo).f / Math.max(1e-9, prf(theirsPlo).f)).toFixed(2)}× trimmed)`,
  )
  if (scored.length > 3) {
    const all = sumTallies(scored.map((t) => ours.get(t)!))
    console.log(`${name.padEnd(16)}${'all types'.padEnd(14)}${''.padStart(5)}   ${cell(all)}`)
  }
  // Whether a score means what it says: the share of right entities among those scored in each band.
  const edges = [0, 0.5, 0.7, 0.9, 1.01]
  const bands = edges.slice(0, -1).map((low, k) => {
    const high = edges[k + 1]!
    const inBand = scores.filter((x) => x.score >= low && x.score < high)
    const right = inBand.filter((x) => x.right).length
    return `${low.toFixed(1)}–${Math.min(1, high).toFixed(1)}: ${inBand.length ? pct(right / inBand.length).trim() : '—'}% of ${inBand.length}`
  })
  console.log(`${''.padEnd(16)}precision by score  ${bands.join('   ')}`)
  console.log('')
}
// The two seed articles with nothing confirmed: which of the forms an analyst would tag the recogniser
// finds with the right type, and how many of the names it finds are such a form (by text and type).
const seeds = join(DATA_ROOT, '..', 'corpus', 'seeds')
const expected = JSON.parse(readFileSync(join(seeds, 'expected-entities.json'), 'utf8')) as {
  entities: { name: string; type: string; forms: string[] }[]
}
const wanted = new Set(expected.entities.flatMap((e) => e.forms.map((f) => `${e.type} ${f}`)))
// As the suggester takes them: names without articles, countries as places (recognised-names.ts).
const seedNames = ['000_8b2ef8656cbf5d92.txt', '004_e50e5ac0ee4a13f3.txt'].flatMap((file) => {
  const text = readFileSync(join(seeds, file), 'utf8')
  return recognisedNames(text, recognise(text, { model })).map((e) => ({
    key: `${e.type} ${e.text}`,
    score: e.score,
  }))
})
/** Forms found and the share of names that are a form, among the names scored at least `least`. */
function seedFigures(least: number): { seen: Set<string>; right: number; found: number } {
  const shown = seedNames.filter((e) => e.score >= least)
  const right = shown.filter((e) => wanted.has(e.key))
  return { seen: new Set(right.map((e) => e.key)), right: right.length, found: shown.length }
}
const { seen, right, found } = seedFigures(0)
console.log(
  `Seed articles, nothing confirmed: ${seen.size} of ${wanted.size} forms found with the right type; ` +
    `${right} of ${found} names found are such a form (${pct(right / Math.max(1, found)).trim()}%).`,
)
console.log(`Missed: ${[...wanted].filter((w) => !seen.has(w)).join('; ')}`)
// The app shows the recogniser's names scored 0.85 or more (MIN_SCORE of the recogniser's suggester).
const shown = seedFigures(0.85)
console.log(
  `Scored 0.85 or more, as the app shows them: ${shown.seen.size} of ${wanted.size} forms; ` +
    `${shown.right} of ${shown.found} names are such a form (${pct(shown.right / Math.max(1, shown.found)).trim()}%).`,
)
console.log(
  `Tagging: ${Math.round(taggedWords / (tagMs / 1000))} words per second over these short sentences, as this run found them (npm run bench -- recogniser times a whole article).`,
)
