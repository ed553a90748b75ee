// The handlers of finding names across the corpus: the type a name is known as, "tag all" and its undo,
// and the suggested mentions (list, accept, reject, never suggest and the list of forms never to suggest).
// `followSuggestions` wraps the other handlers so that whatever changes the dictionary starts a
// background pass.
import type { Handlers, MethodName } from '../../../shared/api'
import type { Suggestion } from '../../../shared/entities'
import { DossierError } from '../../../shared/errors'
import type { Entity, Mention } from '../../../shared/model'
import type { AnnotationChange } from '../store/annotation-ops'
import type { Workspace } from '../store/workspace'
import { DictionarySuggester } from './dictionary-suggester'
import { contextAround } from './occurrences'
import { entityResolver, foldName, isLive } from './resolve'
import type { SuggestionEngine } from './suggestion-engine'
import { reviewProposals } from './proposal-review'
import { acceptSuggestions, proposalOf, reopened } from './proposals'
import { never, proposalKey } from './suggest'
import { byArticle, eachArticle, findOccurrences, removeMentions, tagOccurrences } from './tag-all'

type SuggestionMethods =
  | 'entities.typeFor'
  | 'entities.occurrences'
  | 'entities.tagOccurrences'
  | 'mentions.removeMany'
  | 'suggestions.list'
  | 'suggestions.proposals'
  | 'suggestions.accept'
  | 'suggestions.reject'
  | 'suggestions.reopen'
  | 'suggestions.neverSuggest'
  | 'suggestions.neverList'
  | 'suggestions.allowAgain'

const DEFAULT_SUGGESTION_LIMIT = 5_000
const GONE = 'That entity no longer exists. It may have been merged or deleted.'

type Ref = { articleId: string; mentionId: string }
type Found = { mention: Mention; articleId: string; text: string; before: string; after: string }

/** A form as the never-suggest list keeps it: folded, without a possessive. */
const neverForm = (form: string) => foldName(form.replace(/['\u2019]s$/u, ''))

export function suggestionHandlers(
  workspace: Workspace,
  engine: SuggestionEngine,
): Pick<Handlers, SuggestionMethods> {
  /** The live entity an id stands for (after merges), or the sentence the analyst sees. */
  function live(id: string): Entity {
    const liveId = entityResolver(workspace.entities)(id)
    const entity = workspace.entities.find((e) => e.id === liveId)
    if (!entity || !isLive(entity)) throw new DossierError('not-found', GONE)
    return entity
  }

  /** The suggested mentions that pass `keep`, of one article or all, with their words and context. */
  function suggested(articleId: string | undefined, keep: (m: Mention, liveId: string) => boolean) {
    return withStatus('suggested', articleId, keep)
  }

  /**
   * The anchored mentions of this status that pass `keep`, under the live id of their entity (for a
   * proposal, under what it proposes: `proposalOf`).
   */
  async function withStatus(
    status: Mention['status'],
    articleId: string | undefined,
    keep: (m: Mention, liveId: string) => boolean,
  ) {
    const resolve = entityResolver(workspace.entities)
    const ids = articleId ? [articleId] : workspace.articles.map((row) => row.id)
    const found = await eachArticle(workspace, ids, (article) =>
      article.mentions.flatMap((mention): Found[] => {
        if (mention.status !== status || mention.unanchored) return []
        const proposal = proposalOf(mention)
        const liveId = proposal ?? (mention.entityId !== undefined && resolve(mention.entityId))
        if (!liveId || !keep(mention, liveId)) return []
        const { start, end } = mention.target.position
        const text = article.text.slice(start, end)
        return [
          {
            mention: proposal ? mention : { ...mention, entityId: liveId },
            articleId: article.id,
            text,
            ...contextAround(article.text, start, end),
          },
        ]
      }),
    )
    return found.flatMap((list) => list ?? [])
  }

  /**
   * Sets the status of these mentions, one append per article; only suggestions change, unless `from`,
   * and of those only the ones `keep` passes.
   */
  async function decide(
    items: readonly { articleId: string; id: string }[],
    status: Mention['status'],
    from: Mention['status'] = 'suggested',
    keep: (m: Mention) => boolean = () => true,
    shape: (m: Mention) => Mention = (m) => m,
  ) {
    const done: Ref[] = []
    for (const [articleId, list] of byArticle(items)) {
      if (!workspace.summary(articleId)) continue
      const wanted = new Set(list.map((i) => i.id))
      done.push(
        ...(await workspace.annotate(articleId, (article) => {
          const changes: AnnotationChange[] = article.mentions
            .filter((m) => wanted.has(m.id) && m.status === from && keep(m))
            .map((m) => ({ op: 'put-mention', mention: { ...shape(m), status } }))
          const refs = changes.map((c) => ({ articleId, mentionId: (c as { mention: Mention }).mention.id }))
          return { change: changes, result: refs }
        })),
      )
    }
    return done
  }

  const lookup = new DictionarySuggester()

  return {
    'entities.typeFor': async ({ name }) => {
      const wanted = foldName(name.replace(/['\u2019]s$/u, ''))
      const entities = workspace.entities.filter(isLive)
      const known = entities.find((e) => [e.name, ...e.aliases].some((n) => foldName(n) === wanted))
      if (known) return { type: known.type, entityId: known.id }
      const found = lookup.lookup(name, engine.context())
      const entity = found && entities.find((e) => e.id === found.entityId)
      if (!entity) return {}
      return found.sure ? { type: entity.type, entityId: entity.id } : { type: entity.type }
    },
    'entities.occurrences': async ({ id, articleId, limit }) =>
      findOccurrences(workspace, live(id), { articleId, limit }),
    'entities.tagOccurrences': async ({ id, occurrences }) => ({
      mentions: await tagOccurrences(workspace, live(id), occurrences),
    }),
    'mentions.removeMany': async ({ items }) => ({ removed: await removeMentions(workspace, items) }),
    'suggestions.list': async ({ articleId, entityId, limit }) => {
      const only = entityId === undefined ? undefined : live(entityId).id
      const found = await suggested(articleId, (_, liveId) => only === undefined || liveId === only)
      // Best first; among equals, in the order of the library and the text (the sort is stable).
      found.sort((a, b) => (b.mention.score ?? 0) - (a.mention.score ?? 0))
      return found
        .slice(0, limit ?? DEFAULT_SUGGESTION_LIMIT)
        .map(({ mention, articleId, text, before, after }): Suggestion => ({
          articleId,
          mentionId: mention.id,
          ...(mention.entityId === undefined ? {} : { entityId: mention.entityId }),
          ...(mention.proposed && !mention.entityId ? { proposed: mention.proposed } : {}),
          text,
          before,
          after,
          source: mention.source ?? 'unknown',
          score: mention.score ?? 0,
        }))
    },
    'suggestions.proposals': async () => reviewProposals(workspace),
    'suggestions.accept': async ({ items, entityId, proposed, proposals }) => {
      const chosen = [...(items ?? [])]
      const only = entityId === undefined ? undefined : live(entityId).id
      const names = new Set(
        [...(proposed ? [proposed] : []), ...(proposals ?? [])].map((p) => proposalKey(p.type, p.name)),
      )
      if (only !== undefined || names.size > 0) {
        const all = await suggested(undefined, (_, liveId) => liveId === only || names.has(liveId))
        chosen.push(...all.map((f) => ({ articleId: f.articleId, id: f.mention.id })))
      }
      // The entities proposed and every chosen mention, as one step that lands whole.
      const { accepted, created } = await acceptSuggestions(workspace, chosen)
      return { accepted, created }
    },
    'suggestions.reject': async ({ items }) => ({ rejected: (await decide(items, 'rejected')).length }),
    // Only mentions that came from a suggester have a source: a tag made by hand never becomes one.
    'suggestions.reopen': async ({ items, from }) => ({
      reopened: (await decide(items, 'suggested', from, (m) => m.source !== undefined, reopened)).length,
    }),
    'suggestions.neverSuggest': async ({ form, entityId }) => {
      const folded = neverForm(form)
      const written = form.replace(/\s+/g, ' ').trim()
      const only = entityId === undefined ? undefined : live(entityId).id
      await workspace.updateNeverSuggest((list) => {
        if (list.some((n) => n.form === folded && n.entityId === only))
          return { changed: false, result: undefined }
        list.push({
          form: folded,
          ...(only === undefined ? {} : { entityId: only }),
          ...(written === folded ? {} : { written }),
        })
        return { changed: true, result: undefined }
      })
      const current = await suggested(
        undefined,
        (m, liveId) => (only === undefined || liveId === only) && m.status === 'suggested',
      )
      const matching = current.filter((f) => foldName(f.text) === folded)
      const rejected = await decide(
        matching.map((f) => ({ articleId: f.articleId, id: f.mention.id })),
        'rejected',
      )
      return { rejected: rejected.length }
    },
    'suggestions.neverList': async () => {
      const resolve = entityResolver(workspace.entities)
      return workspace.neverSuggest.map((n) => {
        const liveId = n.entityId === undefined ? undefined : resolve(n.entityId)
        const entity = liveId === undefined ? undefined : workspace.entities.find((e) => e.id === liveId)
        return {
          form: n.form,
          written: n.written ?? n.form,
          ...(n.entityId === undefined ? {} : { entityId: n.entityId }),
          ...(entity ? { entityName: entity.name } : {}),
        }
      })
    },
    'suggestions.allowAgain': async ({ form, entityId }) => {
      const folded = neverForm(form)
      const left = await workspace.updateNeverSuggest((list) => {
        const at = list.findIndex((n) => n.form === folded && n.entityId === entityId)
        if (at < 0) return { changed: false, result: undefined }
        list.splice(at, 1)
        return { changed: true, result: [...list] }
      })
      if (!left) throw new DossierError('not-found', `"${form}" is not on the list of forms never suggested.`)
      // What the entry rejected becomes a suggestion again at once. A rejection of one spot by hand
      // cannot be told apart from these, so it comes back too: the analyst asked for the form again.
      const resolve = entityResolver(workspace.entities)
      const only = entityId === undefined ? undefined : resolve(entityId)
      const rejected = await withStatus(
        'rejected',
        undefined,
        (m, liveId) => m.source !== undefined && (entityId === undefined || liveId === only),
      )
      const back = rejected.filter(
        (f) => neverForm(f.text) === folded && !never(left, f.text, f.mention.entityId),
      )
      const restored = await decide(
        back.map((f) => ({ articleId: f.articleId, id: f.mention.id })),
        'suggested',
        'rejected',
      )
      return { restored: restored.length }
    },
  }
}

/**
 * The handlers after which the dictionary may have changed: an entity made, renamed, merged, removed,
 * or a form put on the never-suggest list or taken off it.
 */
const DICTIONARY_CHANGES: MethodName[] = [
  'suggestions.neverSuggest',
  'suggestions.allowAgain',
  'entities.update',
  'entities.merge',
  'entities.unmerge',
  'entities.split',
  'entities.remove',
  'entities.restore',
]

/**
 * Wraps the handlers so that a suggestion under a new tag goes before the tag's call returns, and every
 * change to the dictionary starts a background pass.
 */
export function followSuggestions(engine: SuggestionEngine, handlers: Handlers): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers }
  const create = handlers['mentions.create']
  wrapped['mentions.create'] = async (args: Parameters<typeof create>[0]) => {
    const result = await create(args)
    await engine.clearUnder(args.articleId).catch(() => {})
    engine.dictionaryChanged()
    return result
  }
  const reextract = handlers['articles.reextract']
  wrapped['articles.reextract'] = async (args: Parameters<typeof reextract>[0]) => {
    const result = await reextract(args)
    await engine.clearUnder(args.id).catch(() => {})
    engine.refreshSoon(args.id)
    return result
  }
  // Tags taken off (the undo of "tag all" or of accepting) leave their spots free: suggestions made way
  // for them there, and come back with the article's next refresh.
  const removeMany = handlers['mentions.removeMany']
  wrapped['mentions.removeMany'] = async (args: Parameters<typeof removeMany>[0]) => {
    const result = await removeMany(args)
    for (const articleId of new Set(args.items.map((i) => i.articleId))) engine.refreshSoon(articleId)
    return result
  }
  for (const name of DICTIONARY_CHANGES) {
    const handle = handlers[name] as ((args: unknown) => Promise<unknown>) | undefined
    if (!handle) continue
    wrapped[name] = async (args: unknown) => {
      const result = await handle(args)
      engine.dictionaryChanged()
      return result
    }
  }
  return wrapped as unknown as Handlers
}
