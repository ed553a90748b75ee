import { describe, expect, it } from 'vitest'
import { maskTransitions, spanProbabilities, viterbi } from '../../../src/main/services/ner/decode'
import { allowed, begin, inside, LABEL_COUNT, O, spansOf } from '../../../src/main/services/ner/labels'
import { seededRandom } from '../../../src/main/services/ner/perceptron'

const L = LABEL_COUNT

function randomScores(n: number, random: () => number, spread = 4) {
  const emissions = new Float64Array(n * L).map(() => (random() - 0.5) * spread)
  const raw = new Float32Array((L + 1) * L).map(() => (random() - 0.5) * spread)
  return { emissions, transitions: maskTransitions(raw) }
}

describe('constrained Viterbi', () => {
  it('never gives an I- label after O, at the start, or after another type', () => {
    const random = seededRandom(42)
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 12)
      const { emissions, transitions } = randomScores(n, random, 20)
      // Emissions that favour I- labels everywhere, so the constraint has to do the work.
      for (let i = 0; i < n; i++) for (let t = 0; t < 6; t++) emissions[i * L + inside(t)]! += 10
      const labels = viterbi(emissions, transitions, n)
      labels.forEach((label, i) => expect(allowed(i === 0 ? -1 : labels[i - 1]!, label)).toBe(true))
    }
  })

  it('keeps each word to its permitted labels', () => {
    const random = seededRandom(7)
    const { emissions, transitions } = randomScores(5, random)
    const permitted = Int32Array.from([
      1 << begin(0),
      1 << inside(0),
      1 << O,
      (1 << O) | (1 << begin(2)),
      1 << begin(2),
    ])
    const labels = [...viterbi(emissions, transitions, 5, permitted)]
    expect(labels.slice(0, 3)).toEqual([begin(0), inside(0), O])
    expect(labels[4]).toBe(begin(2))
  })

  it('finds the best sequence, as trying every sequence does', () => {
    const random = seededRandom(3)
    const n = 3
    const { emissions, transitions } = randomScores(n, random)
    let best = -Infinity
    let bestLabels: number[] = []
    for (let a = 0; a < L; a++)
      for (let b = 0; b < L; b++)
        for (let c = 0; c < L; c++) {
          const y = [a, b, c]
          let s = 0
          y.forEach(
            (label, i) =>
              (s += transitions[(i === 0 ? 0 : y[i - 1]! + 1) * L + label]! + emissions[i * L + label]!),
          )
          if (s > best) [best, bestLabels] = [s, y]
        }
    expect([...viterbi(emissions, transitions, n)]).toEqual(bestLabels)
  })
})

describe('entity scores', () => {
  it('are the probability of the entity, as summing over every sequence gives', () => {
    const random = seededRandom(11)
    const n = 3
    const temperature = 2
    const { emissions, transitions } = randomScores(n, random)
    const labels = Int32Array.from([begin(1), inside(1), O])
    const [score] = spanProbabilities(emissions, transitions, n, labels, [{ start: 0, end: 2 }], temperature)
    let z = 0
    let match = 0
    for (let a = 0; a < L; a++)
      for (let b = 0; b < L; b++)
        for (let c = 0; c < L; c++) {
          const y = [a, b, c]
          let s = 0
          y.forEach(
            (label, i) =>
              (s += transitions[(i === 0 ? 0 : y[i - 1]! + 1) * L + label]! + emissions[i * L + label]!),
          )
          const p = Math.exp(s / temperature)
          z += p
          if (a === begin(1) && b === inside(1) && c !== inside(1)) match += p
        }
    expect(score).toBeCloseTo(match / z, 10)
  })
})

describe('spansOf', () => {
  it('reads entities from IOB2 labels', () => {
    expect(spansOf([begin(0), inside(0), O, begin(2), begin(2), inside(2)])).toEqual([
      { start: 0, end: 2, type: 0 },
      { start: 3, end: 4, type: 2 },
      { start: 4, end: 6, type: 2 },
    ])
  })
})
