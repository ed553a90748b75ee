import { describe, expect, it } from 'vitest'
import { sentenceFeatures } from '../../../src/main/services/ner/features'
import { Gazetteer, maskOf } from '../../../src/main/services/ner/gazetteer'
import { begin, inside, O } from '../../../src/main/services/ner/labels'
import { decodeModel, encodeModel } from '../../../src/main/services/ner/model'
import { trainPerceptron, type TrainingSentence } from '../../../src/main/services/ner/perceptron'

/** Person 0, Organization 1, Location 2 in NER_TYPES. */
const PER = 0
const ORG = 1
const LOC = 2

function sentence(tagged: string): TrainingSentence {
  const words: string[] = []
  const labels: number[] = []
  for (const item of tagged.split(' ')) {
    const [word, tag] = item.split('/') as [string, string | undefined]
    words.push(word)
    if (!tag) labels.push(O)
    else {
      const type = { P: PER, G: ORG, L: LOC }[tag[1] as 'P' | 'G' | 'L']
      labels.push(tag[0] === 'B' ? begin(type) : inside(type))
    }
  }
  return { words, permitted: Int32Array.from(labels, (l) => 1 << l) }
}

const TINY = [
  'Anna/BP Berg/IP visited Oslo/BL on Monday',
  'The/BG Bank/IG of/IG Oslo/IG hired Anna/BP',
  'Berg/BP flew to Rome/BL with Marco/BP Rossi/IP',
  'Rossi/BP works for the Bank/BG',
  'Marco/BP lives in Rome/BL',
  'They met in Oslo/BL yesterday',
].map(sentence)

const resources = () => ({
  clusters: new Map([
    ['oslo', 1],
    ['rome', 1],
    ['anna', 2],
  ]),
  coarse: Uint16Array.from([0, 0, 1]),
  gazetteer: new Gazetteer(new Map([['rome', maskOf(['city'])]])),
})

const options = { epochs: 8, seed: 5, minCount: 1, prune: 0 }
const info = {
  configHash: 'tiny',
  trainedOn: [],
  types: ['Person', 'Organization', 'Location'],
  temperature: 1,
}

describe('training', () => {
  it('makes the same model, byte for byte, from the same data and seed', () => {
    const a = encodeModel(trainPerceptron(TINY, resources(), options, info))
    const b = encodeModel(trainPerceptron(TINY, resources(), options, info))
    expect(a.equals(b)).toBe(true)
    const other = encodeModel(trainPerceptron(TINY, resources(), { ...options, seed: 6, epochs: 1 }, info))
    expect(other.equals(a)).toBe(false)
  })

  it('learns the sentences it was trained on', () => {
    const model = trainPerceptron(TINY, resources(), options, info)
    const found = model.tag('Anna Berg visited Oslo on Monday'.split(' '))
    expect(found.map(({ start, end, type }) => ({ start, end, type }))).toEqual([
      { start: 0, end: 2, type: 'Person' },
      { start: 3, end: 4, type: 'Location' },
    ])
    for (const e of found) expect(e.score).toBeGreaterThan(0)
    for (const e of found) expect(e.score).toBeLessThanOrEqual(1)
  })

  it('moves towards the best labels a partly annotated word allows, where a plain O would teach "no entity"', () => {
    // "Paris" shares a cluster with Oslo and Rome; one set marks it, twice, as nothing, the other leaves it open.
    const said = ['She flew to Paris today', 'Paris was cold']
    const withParis = () => ({ ...resources(), clusters: new Map([...resources().clusters, ['paris', 1]]) })
    const plain = said.map(sentence)
    const open = said.map(sentence)
    open[0]!.permitted[3] = (1 << O) | (1 << begin(LOC))
    open[1]!.permitted[0] = (1 << O) | (1 << begin(LOC))
    const words = 'They met in Paris yesterday'.split(' ')
    const taughtO = trainPerceptron([...TINY, ...plain], withParis(), options, info).tag(words)
    const leftOpen = trainPerceptron([...TINY, ...open], withParis(), options, info).tag(words)
    expect(taughtO.map((e) => e.type)).toEqual([])
    expect(leftOpen.map((e) => e.type)).toEqual(['Location'])
  })
})

describe('the model file', () => {
  it('reads back to a model that tags and scores exactly as the one written', () => {
    const model = trainPerceptron(TINY, resources(), options, info)
    const again = decodeModel(encodeModel(model), 'tiny.bin.gz')
    expect(again.info).toEqual(model.info)
    expect([...again.features.keys()]).toEqual([...model.features.keys()])
    for (const text of ['Marco Rossi visited Rome', 'The Bank of Oslo hired Berg']) {
      const words = text.split(' ')
      const before = model.tag(words)
      const after = again.tag(words)
      expect(after.map((e) => [e.start, e.end, e.type])).toEqual(before.map((e) => [e.start, e.end, e.type]))
      after.forEach((e, k) => expect(e.score).toBeCloseTo(before[k]!.score, 2))
    }
    expect(again.resources.gazetteer.lookup('rome')).toBe(maskOf(['city']))
  })

  it('keeps every feature of words with emoji and other characters outside the BMP', () => {
    const model = trainPerceptron([...TINY, sentence('😀😃 Anna/BP 👍 𝐁𝐞𝐫𝐠')], resources(), options, info)
    const again = decodeModel(encodeModel(model), 'emoji.bin.gz')
    expect(again.features.size).toBe(model.features.size)
    expect([...again.features.keys()]).toEqual([...model.features.keys()])
  })

  it('averages perceptrons trained on their own orders into one model, the same every time', () => {
    const three = { ...options, runs: 3 }
    const a = encodeModel(trainPerceptron(TINY, resources(), three, info))
    expect(a.equals(encodeModel(trainPerceptron(TINY, resources(), three, info)))).toBe(true)
    expect(a.equals(encodeModel(trainPerceptron(TINY, resources(), options, info)))).toBe(false)
    const words = ['Anna', 'Berg', 'visited', 'Rome']
    expect(
      trainPerceptron(TINY, resources(), three, info)
        .tag(words)
        .map((e) => e.type),
    ).toEqual(['Person', 'Location'])
  })

  it("keeps each word's own scores and gives the scores of all its features summed", () => {
    const model = trainPerceptron(TINY, resources(), options, info)
    for (const words of [
      ['Anna', 'Berg', 'visited', 'Rome'],
      ['Rome', 'hired', 'Anna', 'in', 'Rome'],
    ]) {
      const whole = model.emissions(sentenceFeatures(words, model.resources))
      const kept = model.sentenceEmissions(words)
      expect(kept.length).toBe(whole.length)
      kept.forEach((score, k) => expect(score).toBeCloseTo(whole[k]!, 9))
    }
  })

  it('names the file and the cause when it is not a model', () => {
    expect(() => decodeModel(new Uint8Array([1, 2, 3]), '/tmp/broken.bin.gz')).toThrow(
      /\/tmp\/broken\.bin\.gz is not a recogniser model: it is not gzip data/,
    )
  })
})
