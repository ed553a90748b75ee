// The one configuration the shipped model is trained with, and its hash: the model file records the
// hash, and a unit test recomputes it, so a model that is not what `npm run train:ner` makes is caught.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ClusterConfig, GazetteerConfig } from './resources'
import type { TrainingOptions } from '../../src/main/services/ner/perceptron'

export const PROJECT = resolve(import.meta.dirname, '../..')
/** The shared training data sits beside the project, as ../shared/ner. */
export const DATA_ROOT = process.env.DOSSIER_NER_DATA ?? resolve(PROJECT, '../shared/ner')

export interface TrainConfig {
  sets: string[]
  perceptron: TrainingOptions
  clusters: ClusterConfig
  gazetteer: GazetteerConfig
  /**
   * An entity's score is a marginal probability of scores divided by a temperature, chosen from `grid`
   * on a seeded `share` of the training sentences held out from a first model (never the dev sets).
   */
  calibration: { share: number; grid: number[]; seed: number }
  /**
   * Sets seen this many times in each epoch instead of once: re3d is the one set of defence and security
   * writing, a few hundred sentences among fifteen thousand tweets and web pages.
   */
  repeat: Record<string, number>
}

export const TRAIN_CONFIG: TrainConfig = {
  sets: ['btc', 'wikigold', 'wnut17-train', 'wnut17-dev', 're3d', 'uner-ewt-dev'],
  perceptron: { epochs: 6, seed: 20261203, minCount: 2, prune: 0.01, runs: 3 },
  clusters: { words: 50_000, fine: 400, coarse: 24, iterations: 6, seed: 7 },
  gazetteer: { cityPopulation: 50_000 },
  calibration: { share: 0.1, grid: [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64], seed: 99 },
  repeat: { re3d: 3 },
}

/** Sources whose change makes a different model from the same configuration. */
const CODE = [
  'src/main/services/ner/features.ts',
  'src/main/services/ner/gazetteer.ts',
  'src/main/services/ner/designators.ts',
  'src/main/services/ner/tokenize.ts',
  'src/main/services/ner/perceptron.ts',
  'src/main/services/ner/decode.ts',
  'src/main/services/ner/labels.ts',
  'scripts/ner/datasets.ts',
  'scripts/ner/resources.ts',
  'scripts/ner/lists/equipment.txt',
  'scripts/ner/lists/organisations.txt',
  'scripts/ner/lists/regions.txt',
  'scripts/ner/lists/events.txt',
  'scripts/ner/lists/demonyms.txt',
]

/** Hash of the configuration, the data files it reads and the code and lists that turn them into a model. */
export function configHash(config: TrainConfig, dataFiles: readonly string[]): string {
  const hash = createHash('sha256').update(JSON.stringify(config))
  for (const file of dataFiles) hash.update(file).update(readFileSync(join(DATA_ROOT, file)))
  // Line endings are normalised so a checkout on Windows gives the same hash.
  for (const file of CODE)
    hash.update(file).update(readFileSync(join(PROJECT, file), 'utf8').replace(/\r\n/g, '\n'))
  return hash.digest('hex').slice(0, 24)
}
