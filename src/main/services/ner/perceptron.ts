// Training: an averaged structured perceptron (Collins 2002) over the features of features.ts, with
// Viterbi decoding. A sentence may be partly annotated (a data set that never marks equipment or dates):
// its words then allow a set of labels, and the perceptron moves towards the best sequence inside those
// sets (a latent-variable perceptron), so a missing annotation is not taught as "not an entity".
import { viterbi, maskTransitions } from './decode'
import { sentenceFeatures, type FeatureResources } from './features'
import { LABEL_COUNT } from './labels'
import { NerModel, type ModelInfo } from './model'

const L = LABEL_COUNT

export interface TrainingSentence {
  words: string[]
  /** Per word, a bit mask of the labels it may carry. */
  permitted: Int32Array
}

export interface TrainingOptions {
  epochs: number
  seed: number
  /** Features seen fewer times than this in the training data are left out. */
  minCount: number
  /** Features whose averaged weights are all smaller than this are left out of the model. */
  prune: number
  /**
   * Perceptrons trained, each on its own seeded order of the sentences (seed, seed + 1, …), whose
   * averaged weights are averaged again: one order's luck moves F1 by a point or more, the mean of a few
   * far less.
   */
  runs?: number
}

/** mulberry32: a small seeded generator, so a shuffle is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Encoded {
  /** Feature ids of word i: ids[offsets[i]..offsets[i+1]]. */
  ids: Int32Array
  offsets: Int32Array
  permitted: Int32Array
}

export function trainPerceptron(
  sentences: readonly TrainingSentence[],
  resources: FeatureResources,
  options: TrainingOptions,
  info: ModelInfo,
  log: (line: string) => void = () => {},
): NerModel {
  // Features are counted first, so rare ones never take a row.
  const lists = sentences.map((s) => sentenceFeatures(s.words, resources))
  const counts = new Map<string, number>()
  for (const sentence of lists)
    for (const word of sentence) for (const f of word) counts.set(f, (counts.get(f) ?? 0) + 1)
  const index = new Map<string, number>()
  for (const [f, c] of counts) if (c >= options.minCount) index.set(f, index.size)
  counts.clear()
  const encoded: Encoded[] = lists.map((sentence, k) => {
    const offsets = new Int32Array(sentence.length + 1)
    const ids: number[] = []
    sentence.forEach((word, i) => {
      for (const f of word) {
        const id = index.get(f)
        if (id !== undefined) ids.push(id)
      }
      offsets[i + 1] = ids.length
    })
    return { ids: Int32Array.from(ids), offsets, permitted: sentences[k]!.permitted }
  })
  log(`${index.size} features over ${sentences.length} sentences`)

  const F = index.size
  const runs = options.runs ?? 1
  const averaged = new Float64Array(F * L)
  const transitions = new Float32Array((L + 1) * L)
  for (let run = 0; run < runs; run++) {
    const one = trainOnce(encoded, F, options.epochs, options.seed + run, log)
    for (let i = 0; i < averaged.length; i++) averaged[i]! += one.weights[i]! / runs
    for (let i = 0; i < transitions.length; i++) transitions[i]! += one.transitions[i]! / runs
  }
  // Without the features that ended up weighing nothing.
  const kept = new Map<string, number>()
  const rows: number[] = []
  for (const [f, id] of index) {
    let big = false
    for (let y = 0; y < L && !big; y++) big = Math.abs(averaged[id * L + y]!) >= options.prune
    if (!big) continue
    kept.set(f, kept.size)
    rows.push(id)
  }
  const weights = new Float32Array(kept.size * L)
  rows.forEach((id, row) => weights.set(averaged.subarray(id * L, id * L + L), row * L))
  log(`${kept.size} features kept`)
  return new NerModel(info, kept, weights, transitions, resources)
}

/** One averaged perceptron over the encoded sentences, shuffled by its seed each epoch. */
function trainOnce(
  encoded: readonly Encoded[],
  F: number,
  epochs: number,
  seed: number,
  log: (line: string) => void,
): { weights: Float64Array; transitions: Float64Array } {
  const w = new Float64Array(F * L)
  // Collins' averaging without a copy per step: u accumulates step × update, average = w − u / steps.
  const u = new Float64Array(F * L)
  const tw = new Float64Array((L + 1) * L)
  const tu = new Float64Array((L + 1) * L)
  const random = seededRandom(seed)
  const order = encoded.map((_, i) => i)
  let step = 1
  const emissions = (e: Encoded) => {
    const n = e.offsets.length - 1
    const scores = new Float64Array(n * L)
    for (let i = 0; i < n; i++)
      for (let k = e.offsets[i]!; k < e.offsets[i + 1]!; k++) {
        const row = e.ids[k]! * L
        for (let y = 0; y < L; y++) scores[i * L + y]! += w[row + y]!
      }
    return scores
  }
  const update = (e: Encoded, i: number, label: number, delta: number) => {
    for (let k = e.offsets[i]!; k < e.offsets[i + 1]!; k++) {
      const at = e.ids[k]! * L + label
      w[at]! += delta
      u[at]! += step * delta
    }
  }
  const updateTransition = (from: number, to: number, delta: number) => {
    tw[(from + 1) * L + to]! += delta
    tu[(from + 1) * L + to]! += step * delta
  }
  for (let epoch = 0; epoch < epochs; epoch++) {
    // Fisher–Yates with the seeded generator.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    let wrong = 0
    let words = 0
    const transitions = maskTransitions(Float32Array.from(tw))
    for (const k of order) {
      const e = encoded[k]!
      const n = e.offsets.length - 1
      if (n === 0) continue
      const scores = emissions(e)
      const guess = viterbi(scores, transitions, n)
      const target = viterbi(scores, transitions, n, e.permitted)
      let differ = false
      for (let i = 0; i < n; i++) {
        if (guess[i] === target[i]) continue
        differ = true
        wrong++
        update(e, i, target[i]!, 1)
        update(e, i, guess[i]!, -1)
      }
      words += n
      if (differ) {
        for (let i = 0; i < n; i++) {
          const tp = i === 0 ? -1 : target[i - 1]!
          const gp = i === 0 ? -1 : guess[i - 1]!
          if (tp === gp && target[i] === guess[i]) continue
          updateTransition(tp, target[i]!, 1)
          updateTransition(gp, guess[i]!, -1)
        }
        // Transitions are read once per sentence, so a change must reach the masked copy.
        for (let i = 0; i < tw.length; i++) transitions[i] = transitions[i] === -Infinity ? -Infinity : tw[i]!
      }
      step++
    }
    log(`epoch ${epoch + 1}: ${((100 * wrong) / Math.max(1, words)).toFixed(2)}% of words mislabelled`)
  }
  // Collins' average: the weights at every step, from the running sums.
  const weights = new Float64Array(F * L)
  for (let i = 0; i < weights.length; i++) weights[i] = w[i]! - u[i]! / step
  const transitions = new Float64Array((L + 1) * L)
  for (let i = 0; i < transitions.length; i++) transitions[i] = tw[i]! - tu[i]! / step
  return { weights, transitions }
}
