// Training one model from named data sets: the resources, the sentences with their permitted labels,
// and the perceptron; shared by `npm run train:ner` (every set) and `npm run eval:ner` (without the
// development sets).
import { trainPerceptron } from '../../src/main/services/ner/perceptron'
import type { NerModel } from '../../src/main/services/ner/model'
import { NER_TYPES } from '../../src/main/services/ner/labels'
import { DATA_SETS, trainingSentences, type GoldSentence } from './datasets'
import { buildClusters, buildGazetteer } from './resources'
import type { TrainConfig } from './config'

export function trainModel(
  config: TrainConfig,
  sentences: readonly GoldSentence[],
  configHash: string,
  log: (line: string) => void,
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
  return trainPerceptron(
    trainingSentences(sentences, gazetteer),
    { clusters, coarse, gazetteer },
    config.perceptron,
    { configHash, trainedOn, types: NER_TYPES, temperature: config.temperature },
    log,
  )
}
