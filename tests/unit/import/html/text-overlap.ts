// Token-level F1 between two texts, the measure used for article extraction quality: lowercased
// Unicode word tokens, with each Han, Hiragana or Katakana character a token of its own.

const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+/gu

export function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? []
}

/** Harmonic mean of precision and recall over the multiset of tokens. */
export function tokenF1(extracted: string, expected: string): number {
  const ours = tokens(extracted)
  const theirs = tokens(expected)
  if (ours.length === 0 || theirs.length === 0) return ours.length === theirs.length ? 1 : 0
  const counts = new Map<string, number>()
  for (const t of theirs) counts.set(t, (counts.get(t) ?? 0) + 1)
  let common = 0
  for (const t of ours) {
    const left = counts.get(t) ?? 0
    if (left > 0) {
      common++
      counts.set(t, left - 1)
    }
  }
  if (common === 0) return 0
  const precision = common / ours.length
  const recall = common / theirs.length
  return (2 * precision * recall) / (precision + recall)
}

/** Tokens one text has more of than the other, for a readable diff in a failure message. */
export function tokenSurplus(a: string, b: string, limit = 25): string[] {
  const counts = new Map<string, number>()
  for (const t of tokens(b)) counts.set(t, (counts.get(t) ?? 0) + 1)
  const surplus: string[] = []
  for (const t of tokens(a)) {
    const left = counts.get(t) ?? 0
    if (left > 0) counts.set(t, left - 1)
    else if (surplus.length < limit) surplus.push(t)
  }
  return surplus
}
