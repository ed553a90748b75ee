// Training one model from named data sets: the resources, the sentences with their permitted labels,
// and the perceptron; shared by `npm run train:ner` (every set) and `npm run eval:ner` (without the
// development sets).
import { spanProbabilities, viterbi } from '../../src/main/services/ner/decode'
import { sentenceFeatures } from '../../src/main/services/ner/features'
import { seededRandom, trainPerceptron } from '../../src/main/services/ner/perceptron'
import type { NerModel } from '../../src/main/services/ner/model'
import { NER_TYPES, spansOf } from '../../src/main/services/ner/labels'
import { DATA_SETS, goldSpans, trainingSentences, type GoldSentence } from './datasets'
import { buildClusters, buildGazetteer } from './resources'
import type { TrainConfig } from './config'

export function trainModel(
  config: TrainConfig,
  sentences: readonly GoldSentence[],
  configHash: string,
  log: (line: string) => void,
  temperature = 1,
): NerModel {
  const { clusters, coarse } = buildClusters(config.clusters, log)
  const { gazetteer, sources } = buildGazetteer(config.gazetteer)
  log(
    `gazetteer: ${gazetteer.size} phrases (${Object.entries(sources)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')})`,
  )
  const counts = new Map<string, number>()
  for (const s of sentences) counts.set(s.set, (counts.get(s.set) ?? 0) + 1)
  const trainedOn = [...counts].map(([name, n]) => ({
    name,
    licence: DATA_SETS[name]!.licence,
    sentences: n,
  }))
  const repeated = sentences.flatMap((s) => Array<GoldSentence>(config.repeat[s.set] ?? 1).fill(s))
  return trainPerceptron(
    trainingSentences(repeated, gazetteer),
    { clusters, coarse, gazetteer },
    config.perceptron,
    { configHash, trainedOn, types: NER_TYPES, temperature },
    log,
  )
}

/**
 * The temperature that makes entity scores honest probabilities of being right: a first model trained
 * without a seeded share of the sentences tags them, and the temperature of the grid with the smallest
 * log loss over its entities (right or wrong, exact match, of types their set annotates) is chosen.
 */
export function calibrateTemperature(
  config: TrainConfig,
  sentences: readonly GoldSentence[],
  log: (line: string) => void,
): number {
  const random = seededRandom(config.calibration.seed)
  const held: GoldSentence[] = []
  const rest: GoldSentence[] = []
  for (const s of sentences) (random() < config.calibration.share ? held : rest).push(s)
  const probe = trainModel(config, rest, 'calibration', () => {})
  const cases: {
    emissions: Float64Array
    n: number
    labels: Int32Array
    spans: { start: number; end: number }[]
    right: boolean[]
  }[] = []
  for (const s of held) {
    const n = s.words.length
    const emissions = probe.emissions(sentenceFeatures(s.words, probe.resources))
    const labels = viterbi(emissions, probe.transitions, n)
    const annotated = DATA_SETS[s.set]!.annotates
    const spans = spansOf(labels).filter((sp) => annotated.includes(NER_TYPES[sp.type]!))
    const gold = new Set(goldSpans(s).map((g) => `${g.start}:${g.end}:${g.type}`))
    if (spans.length)
      cases.push({
        emissions,
        n,
        labels,
        spans,
        right: spans.map((sp) => gold.has(`${sp.start}:${sp.end}:${sp.type}`)),
      })
  }
  let best = { temperature: 1, loss: Infinity }
  for (const temperature of config.calibration.grid) {
    let loss = 0
    for (const c of cases) {
      const p = spanProbabilities(c.emissions, probe.transitions, c.n, c.labels, c.spans, temperature)
      p.forEach((q, k) => {
        const clipped = Math.min(1 - 1e-6, Math.max(1e-6, q))
        loss -= c.right[k] ? Math.log(clipped) : Math.log(1 - clipped)
      })
    }
    if (loss < best.loss) best = { temperature, loss }
  }
  const count = cases.reduce((a, c) => a + c.spans.length, 0)
  log(
    `temperature ${best.temperature} (log loss ${(best.loss / Math.max(1, count)).toFixed(3)} over ${count} held-out entities)`,
  )
  return best.temperature
}
