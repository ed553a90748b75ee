// Exact-match entity scoring (CoNLL style): an entity counts when its start, end and type all match.
export interface CharSpan {
  start: number
  end: number
  type: string
}

export interface Tally {
  tp: number
  fp: number
  fn: number
}

export const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0 })

/** Adds one sentence's predicted and gold entities, of the types scored, to the tallies by type. */
export function tallySentence(
  gold: readonly CharSpan[],
  predicted: readonly CharSpan[],
  types: readonly string[],
  tallies: Map<string, Tally>,
): void {
  for (const type of types) {
    const t = tallies.get(type) ?? emptyTally()
    tallies.set(type, t)
    const key = (s: CharSpan) => `${s.start}:${s.end}`
    const wanted = new Set(gold.filter((s) => s.type === type).map(key))
    const got = new Set(predicted.filter((s) => s.type === type).map(key))
    for (const k of got)
      if (wanted.has(k)) t.tp++
      else t.fp++
    for (const k of wanted) if (!got.has(k)) t.fn++
  }
}

export function prf(t: Tally): { p: number; r: number; f: number } {
  const p = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 0
  const r = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 0
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 }
}

export function sumTallies(tallies: readonly Tally[]): Tally {
  return tallies.reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }), emptyTally())
}
