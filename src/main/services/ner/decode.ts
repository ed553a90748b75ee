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

function logSumExp(values: Float64Array, from: number, count: number): number {
  let max = -Infinity
  for (let k = 0; k < count; k++) if (values[from + k]! > max) max = values[from + k]!
  if (max === -Infinity) return max
  let sum = 0
  for (let k = 0; k < count; k++) sum += Math.exp(values[from + k]! - max)
  return max + Math.log(sum)
}

/**
 * The probability, under a linear-chain model whose potentials are the scores divided by `temperature`,
 * that words start..end-1 carry exactly `labels[start..end-1]` and word `end` does not continue them:
 * how sure the tagger is of that entity as a whole.
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
  const alpha = new Float64Array(n * L)
  const beta = new Float64Array(n * L)
  const terms = new Float64Array(L)
  for (let y = 0; y < L; y++) alpha[y] = (transitions[y]! + emissions[y]!) * t
  for (let i = 1; i < n; i++)
    for (let y = 0; y < L; y++) {
      for (let p = 0; p < L; p++) terms[p] = alpha[(i - 1) * L + p]! + transitions[(p + 1) * L + y]! * t
      alpha[i * L + y] = logSumExp(terms, 0, L) + emissions[i * L + y]! * t
    }
  for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 0
  for (let i = n - 2; i >= 0; i--)
    for (let y = 0; y < L; y++) {
      for (let q = 0; q < L; q++)
        terms[q] = (transitions[(y + 1) * L + q]! + emissions[(i + 1) * L + q]!) * t + beta[(i + 1) * L + q]!
      beta[i * L + y] = logSumExp(terms, 0, L)
    }
  const logZ = logSumExp(alpha, (n - 1) * L, L)
  return spans.map(({ start, end }) => {
    let path = alpha[start * L + labels[start]!]!
    for (let i = start + 1; i < end; i++)
      path += (transitions[(labels[i - 1]! + 1) * L + labels[i]!]! + emissions[i * L + labels[i]!]!) * t
    const last = labels[end - 1]!
    let tail: number
    if (end === n) tail = 0
    else {
      // Any next label except one that would carry the entity on.
      const continues = last === O ? -1 : (last & 1) === 1 ? last + 1 : last
      for (let q = 0; q < L; q++)
        terms[q] =
          q === continues
            ? -Infinity
            : (transitions[(last + 1) * L + q]! + emissions[end * L + q]!) * t + beta[end * L + q]!
      tail = logSumExp(terms, 0, L)
    }
    return Math.min(1, Math.exp(path + tail - logZ))
  })
}
