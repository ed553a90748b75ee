// The entity recogniser: how long the shipped model takes to load and how much heap it holds, and how
// fast a 5,000-word news article is tagged, next to the tokenizer alone on the same text (the floor:
// no tagger can be faster than cutting the words) and the compromise library on the same text.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import nlp from 'compromise'
import { loadModelFile, modelPath } from '../../src/main/services/ner/load-model'
import { recognise } from '../../src/main/services/ner/recognise'
import { sentences, tokenize } from '../../src/main/services/ner/tokenize'
import { newsBlocks } from '../lib/news-text'
import { seededRandom } from '../lib/random'
import type { Figure, Scenario } from '../lib/scenario'
import { summarize } from '../lib/stats'

const WORDS = 5_000
const RUNS = 10

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heapMb(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed / 2 ** 20
}

function article(): string {
  const r = seededRandom(12)
  let text = ''
  while (text.split(/\s+/).length < WORDS)
    text += `${newsBlocks(r, 2_000)
      .map((b) => b.text)
      .join('\n\n')}\n\n`
  return text
    .split(/(?<=\s)/)
    .slice(0, WORDS)
    .join('')
}

function timed(run: () => unknown): number[] {
  run()
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    run()
    samples.push(performance.now() - start)
  }
  return samples
}

export const nerScenario: Scenario = {
  name: 'entity recogniser',
  async run(log) {
    const path = modelPath()
    const before = heapMb()
    const loadStart = performance.now()
    const model = loadModelFile(path)
    const firstLoad = performance.now() - loadStart
    const heldMb = heapMb() - before
    const loads = [firstLoad, ...timed(() => loadModelFile(path)).slice(0, 4)]
    const text = article()
    const tokens = tokenize(text).length
    log(
      `${tokens} tokens in a ${WORDS}-word article; model loaded in ${firstLoad.toFixed(0)} ms, ${heldMb.toFixed(0)} MB of heap`,
    )
    const tagging = timed(() => recognise(text, { model }))
    const floor = timed(() => sentences(text, tokenize(text)))
    const theirs = timed(() => {
      const doc = nlp(text)
      return [doc.people().out('array'), doc.organizations().out('array'), doc.places().out('array')]
    })
    const ms = (samples: number[]) => summarize(samples)
    const perThousand = (samples: number[]) => samples.map((s) => (s / tokens) * 1_000)
    const tagged = ms(tagging)
    const figures: Figure[] = [
      { name: 'model load', unit: 'ms', values: { p50: ms(loads).p50, max: ms(loads).max }, samples: loads },
      {
        name: 'model heap',
        unit: 'MB',
        values: { held: heldMb },
        target: { stat: 'held', below: 150, source: 'product issue' },
      },
      {
        name: `recognise a ${WORDS}-word article`,
        unit: 'ms',
        values: { p50: tagged.p50, max: tagged.max },
        target: { stat: 'p50', below: 250, source: 'product issue' },
        samples: tagging,
      },
      {
        name: 'recognise, per 1,000 tokens (20,000 tokens/s = 50 ms)',
        unit: 'ms',
        values: { p50: ms(perThousand(tagging)).p50 },
        target: { stat: 'p50', below: 50, source: 'product issue' },
      },
      {
        name: 'floor: tokenizer and sentences alone',
        unit: 'ms',
        values: { p50: ms(floor).p50 },
        samples: floor,
      },
      { name: 'compromise on the same text', unit: 'ms', values: { p50: ms(theirs).p50 }, samples: theirs },
    ]
    return {
      figures,
      facts: {
        tokens,
        'tokens per second': Math.round(tokens / (tagged.p50 / 1_000)),
        'model features': model.features.size,
      },
    }
  },
}
