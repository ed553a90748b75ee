// One text, one name: what the tagger found with confidence somewhere in a document is found again
// where it stands alone and the sentence gave the tagger too little to go on (after Krishnan and
// Manning 2006, who made the same point with a second CRF). A person's family name alone ("Putin
// said", "Kirby added") counts as that person, as news writes a name in full once and short after.
import type { NerType } from './labels'
import type { Token } from './tokenize'

export interface DocumentEntity {
  /** Token indexes into the document's tokens, end exclusive. */
  first: number
  last: number
  type: NerType
  score: number
}

/** Found again only from an entity the tagger was at least this sure of. */
const SURE = 0.6
/** A repeat is less sure than the entity it repeats. */
const REPEAT = 0.85

const CAPITAL = /^\p{Lu}/u

/**
 * The entities of a whole document with the repeats added: each exact repeat of a name found with a
 * score of SURE or more, and each family name of such a person, wherever no entity covers those words.
 * A name found as two types counts as the one it was found as more often (ties: the surer).
 */
export function withRepeats(tokens: readonly Token[], found: readonly DocumentEntity[]): DocumentEntity[] {
  const votes = new Map<string, Map<NerType, { count: number; score: number }>>()
  const vote = (key: string, type: NerType, score: number) => {
    const byType = votes.get(key) ?? new Map<NerType, { count: number; score: number }>()
    votes.set(key, byType)
    const v = byType.get(type) ?? { count: 0, score: 0 }
    byType.set(type, { count: v.count + 1, score: Math.max(v.score, score) })
  }
  const words = (e: { first: number; last: number }) =>
    tokens
      .slice(e.first, e.last)
      .map((t) => t.text)
      .join(' ')
  for (const e of found) {
    if (e.score < SURE) continue
    const name = words(e)
    if (!CAPITAL.test(name)) continue
    vote(name, e.type, e.score)
    if (e.type === 'Person' && e.last - e.first >= 2) {
      const family = tokens[e.last - 1]!.text
      if (family.length >= 3 && CAPITAL.test(family)) vote(family, 'Person', e.score * REPEAT)
    }
  }
  if (votes.size === 0) return [...found]
  const best = new Map<string, { type: NerType; score: number; length: number }>()
  let longest = 1
  for (const [name, byType] of votes) {
    const [type, v] = [...byType].sort((a, b) => b[1].count - a[1].count || b[1].score - a[1].score)[0]!
    const length = name.split(' ').length
    longest = Math.max(longest, length)
    best.set(name, { type, score: v.score * REPEAT, length })
  }
  const covered = new Uint8Array(tokens.length)
  for (const e of found) covered.fill(1, e.first, e.last)
  const added: DocumentEntity[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || !CAPITAL.test(tokens[i]!.text)) continue
    for (let n = Math.min(longest, tokens.length - i); n >= 1; n--) {
      const hit = best.get(words({ first: i, last: i + n }))
      if (!hit || covered.subarray(i, i + n).some((c) => c)) continue
      // Words run together ("Kirby's" is split, "Kirbys" is not) must be whole tokens on both sides.
      const next = tokens[i + n]
      if (next && next.start === tokens[i + n - 1]!.end && /^[\p{L}\p{N}]/u.test(next.text)) continue
      added.push({ first: i, last: i + n, type: hit.type, score: hit.score })
      covered.fill(1, i, i + n)
      i += n - 1
      break
    }
  }
  return [...found, ...added].sort((a, b) => a.first - b.first)
}
