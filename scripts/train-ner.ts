// `npm run train:ner`: trains the shipped recogniser on every data set of TRAIN_CONFIG, deterministic
// from its seed, and writes resources/ner/model.bin.gz with resources/ner/NOTICE naming its sources.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { encodeModel } from '../src/main/services/ner/model'
import { configHash, DATA_ROOT, PROJECT, TRAIN_CONFIG } from './ner/config'
import { DATA_SETS, readDataSet } from './ner/datasets'
import { noticeText } from './ner/notice'
import { calibrateTemperature, trainModel } from './ner/train-model'

const started = performance.now()
const cpuStart = process.cpuUsage()
const log = (line: string) => console.log(`${((performance.now() - started) / 1000).toFixed(1)}s  ${line}`)
const specs = TRAIN_CONFIG.sets.map((name) => DATA_SETS[name]!)
const sentences = specs.flatMap((spec) => readDataSet(DATA_ROOT, spec))
const hash = configHash(
  TRAIN_CONFIG,
  specs.map((s) => s.file),
)
log(`${sentences.length} sentences from ${specs.map((s) => s.name).join(', ')}; config ${hash}`)
const temperature = calibrateTemperature(TRAIN_CONFIG, sentences, log)
const model = trainModel(TRAIN_CONFIG, sentences, hash, log, temperature)
const out = join(PROJECT, 'resources', 'ner')
mkdirSync(out, { recursive: true })
const bytes = encodeModel(model)
writeFileSync(join(out, 'model.bin.gz'), bytes)
writeFileSync(join(out, 'NOTICE'), noticeText(model.info))
const cpu = process.cpuUsage(cpuStart)
log(
  `wrote resources/ner/model.bin.gz (${(bytes.length / 1e6).toFixed(2)} MB, ${model.features.size} features); ` +
    `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
)
