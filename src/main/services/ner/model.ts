// The trained tagger: feature weights per label, transition scores, the word clusters and gazetteer its
// features use, and the file format it is shipped in (gzip of a small header, the feature names and the
// weights as 16-bit integers), so the model loads in one read and one pass without a parser of its own.
import { gunzipSync, gzipSync } from 'node:zlib'
import { maskTransitions, spanProbabilities, viterbi } from './decode'
import { contextFeatures, wordFeatures, type FeatureResources } from './features'
import { Gazetteer } from './gazetteer'
import { LABEL_COUNT, NER_TYPES, spansOf } from './labels'
import { isDemonym, ruleSpans, withListedNames, withRules } from './rules'

const L = LABEL_COUNT
const MAGIC = 'DOSSIER-NER 1\n'

/** What the model says about its own making, written by the training script and shown by `eval:ner`. */
export interface ModelInfo {
  /** Hash of the training configuration (data sets, seed, epochs, feature settings). */
  configHash: string
  /** The data sets it was trained on, with their licences. */
  trainedOn: { name: string; licence: string; sentences: number }[]
  types: readonly string[]
  /** Scores are divided by this before the marginals that make an entity's score. */
  temperature: number
}

export interface TaggedSpan {
  /** Word indexes, end exclusive. */
  start: number
  end: number
  type: (typeof NER_TYPES)[number]
  score: number
}

/** Words whose own share of the scores is kept; past this many the store starts again. */
const KEPT_WORDS = 50_000

export class NerModel {
  readonly transitions: Float64Array
  /** Word → the sum of its word features' weights per label (features.ts, `wordFeatures`). */
  private readonly wordScores = new Map<string, Float64Array>()

  constructor(
    readonly info: ModelInfo,
    readonly features: Map<string, number>,
    /** features.size × LABEL_COUNT. */
    readonly weights: Float32Array,
    /** (LABEL_COUNT + 1) × LABEL_COUNT, row 0 for the start of a sentence. */
    readonly rawTransitions: Float32Array,
    readonly resources: FeatureResources,
  ) {
    this.transitions = maskTransitions(rawTransitions)
  }

  /** Emission scores of each word and label. */
  emissions(featureLists: readonly string[][]): Float64Array {
    const scores = new Float64Array(featureLists.length * L)
    featureLists.forEach((list, i) => this.addWeights(list, scores, i * L))
    return scores
  }

  /** Adds the weights of the named features to `scores` from `at`. */
  private addWeights(names: readonly string[], scores: Float64Array, at: number): void {
    const { weights, features } = this
    for (const name of names) {
      const row = features.get(name)
      if (row === undefined) continue
      const from = row * L
      for (let y = 0; y < L; y++) scores[at + y]! += weights[from + y]!
    }
  }

  /**
   * Emission scores of a sentence's words: each word's own features summed once per word and kept,
   * the features of its context each time; the same scores as `emissions` of `sentenceFeatures`.
   */
  sentenceEmissions(words: readonly string[]): Float64Array {
    const scores = new Float64Array(words.length * L)
    const context = contextFeatures(words, this.resources)
    words.forEach((word, i) => {
      let own = this.wordScores.get(word)
      if (!own) {
        own = new Float64Array(L)
        this.addWeights(wordFeatures(word, this.resources), own, 0)
        if (this.wordScores.size >= KEPT_WORDS) this.wordScores.clear()
        this.wordScores.set(word, own)
      }
      scores.set(own, i * L)
      this.addWeights(context[i]!, scores, i * L)
    })
    return scores
  }

  /** The entities of one sentence's words, each with how sure the model is of it (0–1). */
  tag(words: readonly string[]): TaggedSpan[] {
    if (words.length === 0) return []
    const emissions = this.sentenceEmissions(words)
    const labels = viterbi(emissions, this.transitions, words.length)
    const spans = spansOf(labels)
    const scores = spanProbabilities(
      emissions,
      this.transitions,
      words.length,
      labels,
      spans,
      this.info.temperature,
    )
    const tagged = spans.map((s, k) => ({
      start: s.start,
      end: s.end,
      type: NER_TYPES[s.type]!,
      score: scores[k]!,
    }))
    // The most frequent words of the embeddings have a cluster: "Javelin" is also a word.
    const common = (lower: string) => this.resources.clusters.has(lower)
    const { gazetteer } = this.resources
    const places = tagged.filter(
      (t) => !(t.type === 'Location' && isDemonym(words.slice(t.start, t.end), gazetteer)),
    )
    return withRules(withListedNames(places, words, gazetteer, common), ruleSpans(words, gazetteer, common))
  }
}

interface Header {
  info: ModelInfo
  featureCount: number
  /** Weights are stored as round(weight / scale) in 16 bits. */
  scale: number
  transitions: number[]
  clusterWords: string[]
  clusterIds: number[]
  coarse: number[]
  gazetteer: [string, number][]
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n)
  return b
}

export function encodeModel(model: NerModel): Buffer {
  const names: string[] = Array.from({ length: model.features.size })
  for (const [name, row] of model.features) names[row] = name
  let max = 0
  for (const w of model.weights) max = Math.max(max, Math.abs(w))
  const scale = max > 0 ? max / 32767 : 1
  const quantised = new Int16Array(model.weights.length)
  model.weights.forEach((w, i) => (quantised[i] = Math.round(w / scale)))
  const clusterWords = [...model.resources.clusters.keys()]
  const header: Header = {
    info: model.info,
    featureCount: names.length,
    scale,
    transitions: [...model.rawTransitions],
    clusterWords,
    clusterIds: clusterWords.map((w) => model.resources.clusters.get(w)!),
    coarse: [...model.resources.coarse],
    gazetteer: [...model.resources.gazetteer.entries()],
  }
  const headerBytes = Buffer.from(JSON.stringify(header))
  const nameBytes = Buffer.from(names.join('\n'))
  const body = Buffer.concat([
    Buffer.from(MAGIC),
    u32(headerBytes.length),
    headerBytes,
    u32(nameBytes.length),
    nameBytes,
    Buffer.from(quantised.buffer, quantised.byteOffset, quantised.byteLength),
  ])
  // zlib writes no time stamp into the gzip header: the same model always gives the same bytes.
  return gzipSync(body, { level: 9 })
}

/** Reads a model file's bytes; `file` names it in the error of a file that is not a model. */
export function decodeModel(bytes: Uint8Array, file: string): NerModel {
  let body: Buffer
  try {
    body = gunzipSync(bytes)
  } catch (error) {
    throw new Error(`${file} is not a recogniser model: it is not gzip data (${(error as Error).message}).`)
  }
  if (body.subarray(0, MAGIC.length).toString() !== MAGIC)
    throw new Error(`${file} is not a recogniser model: it does not start with "${MAGIC.trim()}".`)
  let at = MAGIC.length
  const headerLength = body.readUInt32LE(at)
  const header = JSON.parse(body.subarray(at + 4, at + 4 + headerLength).toString()) as Header
  at += 4 + headerLength
  const nameLength = body.readUInt32LE(at)
  const names = body
    .subarray(at + 4, at + 4 + nameLength)
    .toString()
    .split('\n')
  at += 4 + nameLength
  const count = header.featureCount * L
  if (names.length !== header.featureCount || body.length - at !== count * 2)
    throw new Error(
      `${file} is damaged: it holds ${body.length - at} bytes of weights for ${names.length} features.`,
    )
  const weights = new Float32Array(count)
  for (let i = 0; i < count; i++) weights[i] = body.readInt16LE(at + 2 * i) * header.scale
  const features = new Map<string, number>()
  names.forEach((name, row) => features.set(name, row))
  const clusters = new Map<string, number>()
  header.clusterWords.forEach((w, i) => clusters.set(w, header.clusterIds[i]!))
  return new NerModel(header.info, features, weights, Float32Array.from(header.transitions), {
    clusters,
    coarse: Uint16Array.from(header.coarse),
    gazetteer: new Gazetteer(new Map(header.gazetteer)),
  })
}
