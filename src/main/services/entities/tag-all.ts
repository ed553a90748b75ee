// "Tag all": every occurrence of an entity's name and aliases in one article or the whole workspace, for
// the analyst to review, and the chosen ones tagged in one step (one append per article) that
// mentions.removeMany undoes.
import type { OccurrenceResult, Occurrence } from '../../../shared/entities'
import { ofEntity, type Article, type ArticleSummary, type Entity, type Mention } from '../../../shared/model'
import { newMention } from '../annotate/mentions'
import type { AnnotationChange } from '../store/annotation-ops'
import type { Workspace } from '../store/workspace'
import { contextAround, findForms, nameForm } from './occurrences'
import { entityResolver, mergedForms } from './resolve'

/** Articles read at once: enough to overlap reads, few enough to keep open files low. */
const READ_CONCURRENCY = 16
export const DEFAULT_OCCURRENCE_LIMIT = 10_000

/**
 * Runs `visit` on each of these articles (read-only, as stored), a few at a time; an article that
 * cannot be read is passed over (opening it names the problem). Results come back in the order asked.
 */
export async function eachArticle<T>(
  workspace: Workspace,
  ids: readonly string[],
  visit: (article: Readonly<Article>) => T,
): Promise<(T | undefined)[]> {
  const results: (T | undefined)[] = new Array(ids.length)
  let next = 0
  const worker = async () => {
    while (next < ids.length) {
      const at = next++
      try {
        results[at] = visit(await workspace.peekArticle(ids[at]!))
      } catch {
        results[at] = undefined
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, worker))
  return results
}

/** The names an entity is found by: its own, its aliases, and those of the entities merged into it. */
export function namesOf(entity: Entity, entities: readonly Entity[]): string[] {
  return [...new Set([entity.name, ...entity.aliases, ...(mergedForms(entities).get(entity.id) ?? [])])]
}

const overlaps = (m: Mention, start: number, end: number) =>
  !m.unanchored && m.target.position.start < end && start < m.target.position.end

export async function findOccurrences(
  workspace: Workspace,
  entity: Entity,
  options: { articleId?: string; limit?: number },
): Promise<OccurrenceResult> {
  const forms = namesOf(entity, workspace.entities).flatMap((name) => nameForm(name) ?? [])
  const resolve = entityResolver(workspace.entities)
  const ids = options.articleId ? [options.articleId] : workspace.articles.map((row) => row.id)
  const found = await eachArticle(workspace, ids, (article) => {
    const matches = findForms(article.text, forms)
    if (matches.length === 0) return []
    // Tagging them is what usually follows: the article is not read and parsed a second time then.
    workspace.holdArticles([article.id])
    const confirmed = article.mentions.filter((m) => m.status === 'confirmed').filter(ofEntity)
    return matches.map((match): Occurrence => {
      const tagged = confirmed.find((m) => overlaps(m, match.start, match.end))
      const taggedAs = tagged && resolve(tagged.entityId)
      return {
        articleId: article.id,
        start: match.start,
        end: match.end,
        text: article.text.slice(match.start, match.end),
        ...contextAround(article.text, match.start, match.end),
        ...(taggedAs ? { taggedAs } : {}),
      }
    })
  })
  const limit = options.limit ?? DEFAULT_OCCURRENCE_LIMIT
  const all = found.flatMap((list) => list ?? [])
  const occurrences = all.slice(0, limit)
  const inResult = new Set(occurrences.map((o) => o.articleId))
  const articles = [...inResult].map((id) => workspace.summary(id)).filter((r): r is ArticleSummary => !!r)
  return { occurrences, articles, truncated: all.length > limit }
}

/** Groups items by article, keeping the order of first appearance. */
export function byArticle<T extends { articleId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(item.articleId)
    if (group) group.push(item)
    else groups.set(item.articleId, [item])
  }
  return groups
}

/**
 * Tags the chosen ranges as the entity. A range already tagged (overlapping a confirmed tag) or out of
 * the text is passed over; a suggestion under it makes way. Returns the mentions made.
 */
export async function tagOccurrences(
  workspace: Workspace,
  entity: Entity,
  occurrences: readonly { articleId: string; start: number; end: number }[],
): Promise<{ articleId: string; mentionId: string }[]> {
  const groups = [...byArticle(occurrences)]
  const made: { articleId: string; mentionId: string }[][] = new Array(groups.length)
  let next = 0
  const worker = async () => {
    while (next < groups.length) {
      const at = next++
      const [articleId, ranges] = groups[at]!
      made[at] = await workspace.annotate(articleId, (article) => {
        const changes: AnnotationChange[] = []
        const result: { articleId: string; mentionId: string }[] = []
        const placed: Mention[] = []
        for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
          if (!(start < end && end <= article.text.length)) continue
          const taken = (m: Mention) => overlaps(m, start, end) && m.status === 'confirmed'
          if (article.mentions.some(taken) || placed.some((m) => overlaps(m, start, end))) continue
          for (const m of article.mentions)
            if (m.status === 'suggested' && overlaps(m, start, end))
              changes.push({ op: 'remove-mention', id: m.id })
          const mention = newMention(article, entity, start, end)
          placed.push(mention)
          changes.push({ op: 'put-mention', mention })
          result.push({ articleId, mentionId: mention.id })
        }
        return { change: changes, result }
      })
    }
  }
  await workspace.withChangesHeld(() =>
    Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, groups.length) }, worker)),
  )
  return made.flat()
}

/** Removes these mentions, one append per article; those already gone are not counted. */
export async function removeMentions(
  workspace: Workspace,
  items: readonly { articleId: string; id: string }[],
): Promise<number> {
  let removed = 0
  for (const [articleId, list] of byArticle(items)) {
    if (!workspace.summary(articleId)) continue
    removed += await workspace.annotate(articleId, (article) => {
      const present = new Set(article.mentions.map((m) => m.id))
      const ids = [...new Set(list.map((i) => i.id))].filter((id) => present.has(id))
      return { change: ids.map((id) => ({ op: 'remove-mention' as const, id })), result: ids.length }
    })
  }
  return removed
}
