// Decoding a sentence: the best label sequence under the learned scores, by Viterbi restricted to valid
// IOB2 transitions (and, in training, to the labels a partly annotated sentence allows), and how sure
// the tagger is of each entity, from the forward-backward marginals of the same scores.
import { allowed, LABEL_COUNT, O } from './labels'

const L = LABEL_COUNT

/**
 * Transition scores: row `from + 1` for each label, row 0 for the start of a sentence; a forbidden
 * transition is -Infinity and never chosen.
 */
export function maskTransitions(transitions: Float32Array): Float64Array {
  const masked = new Float64Array((L + 1) * L)
  for (let from = -1; from < L; from++)
    for (let to = 0; to < L; to++)
      masked[(from + 1) * L + to] = allowed(from, to) ? transitions[(from + 1) * L + to]! : -Infinity
  return masked
}

/**
 * The best labels for `n` words whose emission scores are `emissions[i * L + label]`; with `permitted`,
 * word i takes only labels whose bit is set in `permitted[i]`.
 */
export function viterbi(
  emissions: Float64Array,
  transitions: Float64Array,
  n: number,
  permitted?: Int32Array,
): Int32Array {
  const labels = new Int32Array(n)
  if (n === 0) return labels
  const score = new Float64Array(n * L)
  const back = new Int32Array(n * L)
  for (let y = 0; y < L; y++) {
    const ok = !permitted || permitted[0]! & (1 << y)
    score[y] = ok ? transitions[y]! + emissions[y]! : -Infinity
  }
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      if (permitted && !(permitted[i]! & (1 << y))) {
        score[i * L + y] = -Infinity
        continue
      }
      let best = -Infinity
      let from = O
      for (let p = 0; p < L; p++) {
        const s = score[(i - 1) * L + p]! + transitions[(p + 1) * L + y]!
        if (s > best) {
          best = s
          from = p
        }
      }
      score[i * L + y] = best + emissions[i * L + y]!
      back[i * L + y] = from
    }
  }
  let best = -Infinity
  let last = O
  for (let y = 0; y < L; y++)
    if (score[(n - 1) * L + y]! > best) {
      best = score[(n - 1) * L + y]!
      last = y
    }
  labels[n - 1] = last
  for (let i = n - 1; i > 0; i--) labels[i - 1] = back[i * L + labels[i]!]!
  return labels
}

/**
 * The probability, under a linear-chain model whose potentials are exp(score / temperature), that words
 * start..end-1 carry exactly `labels[start..end-1]` and word `end` does not continue them: how sure the
 * tagger is of that entity as a whole. Forward-backward with scaling (Rabiner 1989, §V.A), so there is
 * one exp per word and label instead of one per transition.
 */
export function spanProbabilities(
  emissions: Float64Array,
  transitions: Float64Array,
  n: number,
  labels: Int32Array,
  spans: readonly { start: number; end: number }[],
  temperature: number,
): number[] {
  if (spans.length === 0) return []
  const t = 1 / temperature
  const T = new Float64Array(transitions.length)
  for (let k = 0; k < T.length; k++) T[k] = transitions[k] === -Infinity ? 0 : Math.exp(transitions[k]! * t)
  const E = new Float64Array(n * L)
  for (let i = 0; i < n; i++) {
    let max = -Infinity
    for (let y = 0; y < L; y++) max = Math.max(max, emissions[i * L + y]!)
    for (let y = 0; y < L; y++) E[i * L + y] = Math.exp((emissions[i * L + y]! - max) * t)
  }
  const alpha = new Float64Array(n * L)
  const beta = new Float64Array(n * L)
  const scale = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let sum = 0
    for (let y = 0; y < L; y++) {
      let into = 0
      if (i === 0) into = T[y]!
      else for (let p = 0; p < L; p++) into += alpha[(i - 1) * L + p]! * T[(p + 1) * L + y]!
      const a = into * E[i * L + y]!
      alpha[i * L + y] = a
      sum += a
    }
    scale[i] = sum || Number.MIN_VALUE
    for (let y = 0; y < L; y++) alpha[i * L + y]! /= scale[i]!
  }
  for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 1
  for (let i = n - 2; i >= 0; i--)
    for (let y = 0; y < L; y++) {
      let out = 0
      for (let q = 0; q < L; q++) out += T[(y + 1) * L + q]! * E[(i + 1) * L + q]! * beta[(i + 1) * L + q]!
      beta[i * L + y] = out / scale[i + 1]!
    }
  return spans.map(({ start, end }) => {
    let p = alpha[start * L + labels[start]!]!
    for (let i = start + 1; i < end; i++)
      p *= (T[(labels[i - 1]! + 1) * L + labels[i]!]! * E[i * L + labels[i]!]!) / scale[i]!
    if (end < n) {
      const last = labels[end - 1]!
      // Any next label except the one that would carry the entity on.
      const continues = last === O ? -1 : (last & 1) === 1 ? last + 1 : last
      let tail = 0
      for (let q = 0; q < L; q++)
        if (q !== continues) tail += T[(last + 1) * L + q]! * E[end * L + q]! * beta[end * L + q]!
      p *= tail / scale[end]!
    }
    return Math.min(1, Math.max(0, p))
  })
}
