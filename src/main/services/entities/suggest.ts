// The suggestion path: suggesters propose mentions for an article, the registry settles where they
// overlap each other or what the analyst already decided, and says what to write. The dictionary of
// confirmed names (dictionary-suggester.ts) is one suggester, the entity recogniser
// (recogniser-suggester.ts) can be another, and the dictionary wins wherever both find something.
import type { Article, Entity, EntityType, Mention } from '../../../shared/model'
import type { AnnotationChange } from '../store/annotation-ops'
import type { NeverSuggest } from '../store/workspace'
import { newId } from '../store/ids'
import { targetFor } from '../annotate/target'
import { entityResolver, foldName, isLive } from './resolve'

/**
 * A mention a suggester proposes: for an entity of the workspace, or a name and type it recognised. A
 * name no entity has becomes a proposal (`proposed` on the mention, no entity id) when `propose` is set.
 */
export interface Candidate {
  start: number
  end: number
  entityId?: string
  entity?: { name: string; type: EntityType }
  /** Keep the name as a proposal of a new entity when no entity has it. */
  propose?: boolean
  source: string
  /** How sure the suggester is, 0–1. */
  score: number
}

/** What every suggester may read: the entities (tombstones included) and the forms never to suggest. */
export interface SuggestContext {
  entities: readonly Entity[]
  neverSuggest: readonly NeverSuggest[]
}

export interface Suggester {
  /** Written on the mentions it finds, e.g. 'dictionary'. */
  readonly source: string
  /** Lower runs first and wins where candidates of two suggesters overlap. */
  readonly rank: number
  suggest(article: Readonly<Article>, context: SuggestContext): Candidate[]
}

export class SuggesterRegistry {
  private readonly suggesters: Suggester[] = []

  register(suggester: Suggester): this {
    this.suggesters.push(suggester)
    this.suggesters.sort((a, b) => a.rank - b.rank)
    return this
  }

  /** Sources whose suggestions a pass may replace; a suggestion of any other source is left alone. */
  get sources(): Set<string> {
    return new Set(this.suggesters.map((s) => s.source))
  }

  /**
   * The suggestions the article should carry: no two overlap, none overlaps a mention that is
   * confirmed, rejected or from a source not registered, none is of a form never to suggest. Where
   * candidates overlap, the suggester of lower rank wins, then the higher score, then the longer.
   */
  settle(article: Readonly<Article>, context: SuggestContext): Candidate[] {
    const resolve = entityResolver(context.entities)
    const byName = namesOf(context.entities)
    const sources = this.sources
    const taken: [number, number][] = article.mentions
      .filter((m) => !m.unanchored && !(m.status === 'suggested' && sources.has(m.source ?? '')))
      .map((m) => [m.target.position.start, m.target.position.end])
    const ranked: { candidate: Candidate; rank: number }[] = []
    for (const [rank, suggester] of this.suggesters.entries()) {
      for (const candidate of suggester.suggest(article, context)) {
        const entityId = candidate.entityId
          ? resolve(candidate.entityId)
          : candidate.entity && byName.get(`${candidate.entity.type} ${foldName(candidate.entity.name)}`)
        // A name no entity has is kept only as a proposal, never as an entity made behind the analyst's back.
        if (!entityId && !(candidate.entity && candidate.propose && !candidate.entityId)) continue
        if (never(context.neverSuggest, article.text.slice(candidate.start, candidate.end), entityId))
          continue
        ranked.push({ candidate: { ...candidate, entityId }, rank })
      }
    }
    ranked.sort(
      (a, b) =>
        a.rank - b.rank ||
        b.candidate.score - a.candidate.score ||
        b.candidate.end - b.candidate.start - (a.candidate.end - a.candidate.start) ||
        a.candidate.start - b.candidate.start,
    )
    const chosen: Candidate[] = []
    for (const { candidate } of ranked) {
      if (taken.some(([s, e]) => candidate.start < e && s < candidate.end)) continue
      taken.push([candidate.start, candidate.end])
      chosen.push(candidate)
    }
    return chosen.sort((a, b) => a.start - b.start)
  }

  /**
   * The changes that bring the article's suggestions to what `settle` says: new ones put, those no
   * longer found (the entity renamed, the form never to be suggested) removed, the others kept as they are.
   */
  reconcile(article: Readonly<Article>, context: SuggestContext): AnnotationChange[] {
    const wanted = this.settle(article, context)
    const sources = this.sources
    const resolve = entityResolver(context.entities)
    const current = article.mentions.filter((m) => m.status === 'suggested' && sources.has(m.source ?? ''))
    const key = (start: number, end: number, entityId: string) => `${start}:${end}:${entityId}`
    const existing = new Map<string, Mention>()
    const changes: AnnotationChange[] = []
    for (const m of current) {
      const k = key(m.target.position.start, m.target.position.end, mentionKey(m, resolve))
      if (m.unanchored || existing.has(k)) changes.push({ op: 'remove-mention', id: m.id })
      else existing.set(k, m)
    }
    const wantedKeys = new Set<string>()
    for (const c of wanted) {
      const k = key(c.start, c.end, candidateKey(c))
      wantedKeys.add(k)
      const fresh = suggestedMention(article.text, c)
      const old = existing.get(k)
      if (!old) changes.push({ op: 'put-mention', mention: fresh })
      else if (old.score !== fresh.score || old.source !== fresh.source)
        changes.push({ op: 'put-mention', mention: { ...old, score: fresh.score, source: fresh.source } })
    }
    for (const [k, m] of existing) if (!wantedKeys.has(k)) changes.push({ op: 'remove-mention', id: m.id })
    return changes
  }
}

export function suggestedMention(text: string, candidate: Candidate): Mention {
  const what = candidate.entityId
    ? { entityId: candidate.entityId }
    : { proposed: { name: candidate.entity!.name.replace(/\s+/g, ' ').trim(), type: candidate.entity!.type } }
  return {
    id: newId(),
    ...what,
    target: targetFor(text, candidate.start, candidate.end),
    status: 'suggested',
    createdAt: new Date().toISOString(),
    source: candidate.source,
    score: Math.round(candidate.score * 100) / 100,
  }
}

/** What a suggestion is of: its entity (as it is now), or the name and type it proposes. */
function mentionKey(m: Mention, resolve: (id: string) => string | undefined): string {
  if (m.entityId !== undefined) return resolve(m.entityId) ?? m.entityId
  return proposalKey(m.proposed?.type ?? 'Other', m.proposed?.name ?? '')
}

function candidateKey(c: Candidate): string {
  return c.entityId ?? proposalKey(c.entity!.type, c.entity!.name)
}

/** Proposals of one name and type are one: accepting all of them makes one entity. */
export const proposalKey = (type: string, name: string) => `new ${type} ${foldName(name)}`

/** Whether `text` is a form never to suggest, for this entity or any (for a proposal, for any). */
export function never(list: readonly NeverSuggest[], text: string, entityId: string | undefined): boolean {
  if (list.length === 0) return false
  const form = foldName(text)
  return list.some((n) => n.form === form && (n.entityId === undefined || n.entityId === entityId))
}

function namesOf(entities: readonly Entity[]): Map<string, string> {
  const names = new Map<string, string>()
  for (const e of entities) {
    if (!isLive(e)) continue
    for (const name of [e.name, ...e.aliases]) names.set(`${e.type} ${foldName(name)}`, e.id)
  }
  return names
}
