// Runs a parsed query against the engine: each word (with its prefix completions or near spellings)
// looked up in its fields, weighted by field, by how rare it is and by how early the engine ranks the
// article, exact above prefix above typo; phrases checked for adjacency on the pair hashes; then the
// AND / OR / NOT of the tree on the article numbers.
import type { QueryField, QueryNode, TermNode } from './query-syntax'
import { NOTE_FIELDS, pairHash, SEARCH_FIELDS, type ArticleFacts, type SearchField } from './indexed-article'
import type { PairPostings } from './pair-postings'
import { hasPair, hasSorted } from './pair-set'
import type { Engine } from './search-engine'
import type { Vocabulary } from './vocabulary'

/**
 * Article number → score, dense over the index's article numbers: a search that matches 9,000 articles
 * costs one typed array, not 9,000 map entries. Scores are never negative; ABSENT marks no match.
 */
export class Scores {
  readonly score: Float64Array
  size = 0

  constructor(length: number) {
    this.score = new Float64Array(length).fill(ABSENT)
  }

  set(n: number, value: number): void {
    if (this.score[n]! === ABSENT) this.size++
    this.score[n] = value
  }

  delete(n: number): void {
    if (this.score[n]! === ABSENT) return
    this.size--
    this.score[n] = ABSENT
  }
}
export const ABSENT = -1

const BOOST: Record<SearchField, number> = {
  title: 3,
  entities: 2,
  byline: 1.5,
  site: 1.5,
  notes: 1.5,
  codes: 1.5,
  tags: 1.5,
  cases: 1.5,
  text: 1,
  trimmed: 0.5,
}

const FIELD_OF: Record<QueryField, SearchField> = {
  site: 'site',
  by: 'byline',
  entity: 'entities',
  code: 'codes',
  title: 'title',
  tag: 'tags',
  case: 'cases',
}

const PREFIX_WEIGHT = 0.6
const TYPO_WEIGHT = 0.35
const PHRASE_BONUS = 1.5
/** At most this many words a prefix or a misspelling expands to. */
const MAX_VARIANTS = 48

export interface MatchContext {
  engine: Engine
  vocabulary: Vocabulary
  /** By article number; undefined where an article was dropped. */
  facts: readonly (ArticleFacts | undefined)[]
  count: number
  includeTrimmed: boolean
  /** The articles of each pair of the articles' own fields, where built. */
  postings?: PairPostings
}

/** The fields a term looks in: its own, or every field but the trimmed furniture (unless asked). */
export function fieldsFor(term: TermNode, includeTrimmed: boolean): SearchField[] {
  if (term.field) return [FIELD_OF[term.field]]
  return SEARCH_FIELDS.filter((f) => f !== 'trimmed' || includeTrimmed)
}

/** What one typed word stands for: itself, and its completions or near spellings with their weights. */
export function variantsOf(term: TermNode, word: string, vocabulary: Vocabulary): [string, number][] {
  const variants: [string, number][] = [[word, 1]]
  if (term.quoted || term.words.length > 1) return variants
  if (term.prefix)
    for (const known of vocabulary.withPrefix(word, MAX_VARIANTS))
      if (known !== word) variants.push([known, PREFIX_WEIGHT])
  if (!term.prefix)
    for (const { word: known, distance } of vocabulary.near(word, MAX_VARIANTS))
      variants.push([known, TYPO_WEIGHT / distance])
  return variants
}

/**
 * Looks a word up in `fields`, keeping the best score of each article; with `places`, also which fields
 * of each article hold it (a bit per place in SEARCH_FIELDS).
 */
function lookUp(
  ctx: MatchContext,
  word: string,
  weight: number,
  fields: SearchField[],
  into: Scores,
  places?: Uint16Array,
): void {
  const found = ctx.engine.search(word, { index: fields, limit: ctx.count + 1 })
  const scores = into.score
  for (const { field, result } of found) {
    const boost = BOOST[field as SearchField] * weight
    const bit = 1 << SEARCH_FIELDS.indexOf(field as SearchField)
    const n = result.length
    for (let i = 0; i < n; i++) {
      // FlexSearch ranks earlier occurrences first; the first of the list counts fully, the last half.
      const score = boost * (1 - (0.5 * i) / n)
      const id = result[i]!
      if (id >= scores.length) continue
      if (places) places[id]! |= bit
      const before = scores[id]!
      if (before === ABSENT) into.size++
      if (before < score) scores[id] = score
    }
  }
}

/** Rare words count more: the usual inverse document frequency. */
function weighByRarity(scores: Scores, count: number): Scores {
  const idf = Math.log(1 + count / Math.max(1, scores.size))
  const s = scores.score
  for (let n = 0; n < s.length; n++) if (s[n]! !== ABSENT) s[n] = s[n]! * idf
  return scores
}

function matchTerm(ctx: MatchContext, term: TermNode): Scores {
  const fields = fieldsFor(term, ctx.includeTrimmed)
  if (term.words.length === 1 && !term.quoted) {
    const scores = new Scores(ctx.facts.length)
    for (const [word, weight] of variantsOf(term, term.words[0]!, ctx.vocabulary))
      lookUp(ctx, word, weight, fields, scores)
    return weighByRarity(scores, ctx.count)
  }
  // A phrase: its rarest word looked up exactly, then each pair of neighbours checked on the pair hashes
  // of the articles that hold it, in the fields that hold it (a phrase is only where all its words are).
  // A pair found means both its words are there, side by side, so the common words of a phrase ("a",
  // "the") are never looked up on their own.
  const rarest = term.words.reduce((a, b) =>
    ctx.vocabulary.articles(b) < ctx.vocabulary.articles(a) ? b : a,
  )
  const places = new Uint16Array(ctx.facts.length)
  const scores = new Scores(ctx.facts.length)
  lookUp(ctx, rarest, 1, fields, scores, places)
  weighByRarity(scores, ctx.count)
  if (term.words.length === 1 || scores.size === 0) return scores
  // The text first: most phrases are found there, and the check stops at the first field that has it.
  const order = [...fields]
    .sort((a, b) => +(b === 'text') - +(a === 'text'))
    .map((f) => SEARCH_FIELDS.indexOf(f))
  const pairs = term.words
    .slice(1)
    .map((word, i) => order.map((place) => pairHash(place, term.words[i]!, word)))
  const listed = ctx.postings && pairs.length < 0xffff ? inOneField(ctx.postings, pairs, order) : undefined
  const s = scores.score
  for (let n = 0; n < s.length; n++) {
    if (s[n]! === ABSENT) continue
    const facts = ctx.facts[n]
    // The postings answer for an article they cover, unless the phrase may be in a field they do not hold.
    const answered =
      listed !== undefined &&
      ctx.postings!.covers(n, facts?.pairs) &&
      (listed[n] || !(places[n]! & NOTE_PLACES))
    const has = answered ? listed[n] === 1 : !!facts && hasEveryPair(facts, pairs, order, places[n]!)
    if (has) s[n] = s[n]! * PHRASE_BONUS
    else scores.delete(n)
  }
  return scores
}

/**
 * By article number, 1 where the postings find every pair of the phrase in one of the article's own
 * fields of `order` (all in the same field: a title and a text do not make one phrase together).
 */
function inOneField(
  postings: PairPostings,
  pairs: readonly number[][],
  order: readonly number[],
): Uint8Array {
  const listed = new Uint8Array(postings.articles)
  const found = new Uint16Array(postings.articles)
  for (let i = 0; i < order.length; i++) {
    if (IS_NOTE_FIELD[order[i]!]) continue
    if (i > 0) found.fill(0)
    let list = postings.articlesOf(pairs[0]![i]!)
    for (let k = 0; k < list.length; k++) found[list[k]!] = 1
    // A pair counts for an article only once the pairs before it were found there.
    for (let j = 1; j < pairs.length; j++) {
      list = postings.articlesOf(pairs[j]![i]!)
      for (let k = 0; k < list.length; k++) if (found[list[k]!] === j) found[list[k]!] = j + 1
    }
    for (let k = 0; k < list.length; k++) if (found[list[k]!] === pairs.length) listed[list[k]!] = 1
  }
  return listed
}

/** Every pair of neighbours (its hash per field of `order`) is in one field of the article whose bit is set in `held`. */
function hasEveryPair(
  facts: ArticleFacts,
  pairs: readonly number[][],
  order: readonly number[],
  held: number,
): boolean {
  for (let i = 0; i < order.length; i++) {
    const place = order[i]!
    if (held & (1 << place) && pairs.every((hashes) => holdsPair(facts, place, hashes[i]!))) return true
  }
  return false
}

const IS_NOTE_FIELD = SEARCH_FIELDS.map((f) => (NOTE_FIELDS as readonly string[]).includes(f))
/** The bits of the fields the analyst adds, whose pairs the postings do not hold. */
const NOTE_PLACES = IS_NOTE_FIELD.reduce((bits, note, place) => (note ? bits | (1 << place) : bits), 0)

/** Whether the field at this place of the article has the pair. */
const holdsPair = (facts: ArticleFacts, place: number, hash: number): boolean =>
  IS_NOTE_FIELD[place] ? hasPair(facts.notePairs, hash) : hasSorted(facts.pairs, hash)

/** The articles in both, with the sum of their scores (in `a`, which is returned). */
function intersect(a: Scores, b: Scores): Scores {
  const x = a.score
  const y = b.score
  for (let n = 0; n < x.length; n++) {
    if (x[n]! === ABSENT) continue
    if (y[n]! === ABSENT) a.delete(n)
    else x[n] = x[n]! + y[n]!
  }
  return a
}

function everything(ctx: MatchContext): Scores {
  const all = new Scores(ctx.facts.length)
  for (let n = 0; n < ctx.facts.length; n++) if (ctx.facts[n]) all.set(n, 0)
  return all
}

/** Takes out of `from` every article of `excluded`. */
function subtract(from: Scores, excluded: Scores): Scores {
  const x = excluded.score
  for (let n = 0; n < x.length; n++) if (x[n]! !== ABSENT) from.delete(n)
  return from
}

export function matchQuery(ctx: MatchContext, node: QueryNode): Scores {
  if (node.kind === 'term') return matchTerm(ctx, node)
  if (node.kind === 'not') return subtract(everything(ctx), matchQuery(ctx, node.child))
  if (node.kind === 'or') {
    const out = new Scores(ctx.facts.length)
    const o = out.score
    for (const child of node.children) {
      const s = matchQuery(ctx, child).score
      for (let n = 0; n < s.length; n++) {
        if (s[n]! === ABSENT) continue
        if (o[n]! === ABSENT) out.set(n, s[n]!)
        else o[n] = o[n]! + s[n]!
      }
    }
    return out
  }
  // AND: the positive children intersected, then the NOT children taken out.
  const positive = node.children.filter((c) => c.kind !== 'not')
  const negative = node.children.flatMap((c) => (c.kind === 'not' ? [c.child] : []))
  let out: Scores | undefined
  for (const child of positive) {
    const scores = matchQuery(ctx, child)
    out = out ? intersect(out, scores) : scores
    if (out.size === 0) return out
  }
  out ??= everything(ctx)
  for (const child of negative) subtract(out, matchQuery(ctx, child))
  return out
}
