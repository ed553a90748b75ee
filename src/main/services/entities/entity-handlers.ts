// The entities part of the API that manages them and looks across the corpus: update, merge and
// unmerge, split, delete and restore, the analyst's types, the entity index and an entity's page, the
// co-occurrence network and its passages, and the exports. Every change to the entity list is one
// write of it (`updateEntities`), so no crash leaves a merge half done.
import type { Handlers } from '../../../shared/api'
import { DossierError } from '../../../shared/errors'
import type { Entity } from '../../../shared/model'
import type { Workspace } from '../store/workspace'
import { exportEntities } from './entity-export'
import { countEntities, queryEntityIndex } from './entity-index'
import { entityPage } from './entity-page'
import {
  createEntityType,
  mergeEntities,
  removeEntity,
  restoreEntity,
  splitEntity,
  unmergeEntities,
  updateEntity,
  updateEntityType,
} from './manage'
import { MentionIndex } from './mention-index'
import { entityNetwork, sharedPassages } from './network'
import { foldName, liveEntityOf, presentEntities } from './resolve'

export type EntityHandlers = Pick<
  Handlers,
  | 'entities.update'
  | 'entities.merge'
  | 'entities.unmerge'
  | 'entities.split'
  | 'entities.remove'
  | 'entities.restore'
  | 'entityTypes.list'
  | 'entityTypes.create'
  | 'entityTypes.update'
  | 'entities.index'
  | 'entities.page'
  | 'entities.network'
  | 'entities.passages'
  | 'entities.export'
>

export function entityHandlers(workspace: Workspace, index = new MentionIndex(workspace)): EntityHandlers {
  // Written on close, after the logs are folded in: the next opening then reads no article at all.
  workspace.beforeClose(() => index.flush())
  const rowOf = (id: string) => workspace.summary(id)
  const peek = (id: string) => workspace.peekArticle(id)

  /**
   * Runs `change` on a copy of the list and puts the copy in its place only when it returns, so a
   * refused change (a name taken) leaves the list as it was; then the list is written, in one write.
   */
  function changeEntities<T>(change: (entities: Entity[]) => T): Promise<T> {
    return workspace.updateEntities((entities) => {
      const draft = structuredClone(entities)
      const result = change(draft)
      entities.splice(0, entities.length, ...draft)
      return { changed: true, result: structuredClone(result) }
    })
  }

  /** The entity as handed out: with the aliases of the entities merged into it. */
  const presented = (entities: readonly Entity[], id: string) =>
    presentEntities(entities).find((e) => e.id === id) ?? entities.find((e) => e.id === id)!

  /** Moves the mentions of `from` written as `form` (folded) to `to`, one logged op each. */
  async function repoint(from: ReadonlySet<string>, form: string, to: string): Promise<number> {
    let moved = 0
    for (const article of (await index.current()).values()) {
      if (!article.mentions.some((m) => from.has(m.entityId ?? ''))) continue
      const stored = await workspace.peekArticle(article.id)
      const ids = stored.mentions
        .filter((m) => from.has(m.entityId ?? '') && foldName(m.target.quote.exact) === form)
        .map((m) => m.id)
      for (const id of ids) {
        const done = await workspace
          .annotate(article.id, (a) => {
            const mention = a.mentions.find((m) => m.id === id)
            if (!mention) throw new DossierError('not-found', 'That tag no longer exists.')
            return { change: { op: 'put-mention', mention: { ...mention, entityId: to } }, result: true }
          })
          .catch(() => false)
        if (done) moved++
      }
    }
    return moved
  }

  return {
    'entities.update': async ({ id, ...fields }) =>
      changeEntities((entities) => {
        updateEntity(entities, workspace.entityTypes, id, fields)
        return presented(entities, id)
      }),
    'entities.merge': async ({ ids, into }) =>
      changeEntities((entities) => {
        const merged = mergeEntities(entities, ids, into)
        return { entity: presented(entities, into), merged }
      }),
    'entities.unmerge': async ({ ids }) =>
      changeEntities((entities) => unmergeEntities(entities, ids).map((e) => presented(entities, e.id))),
    'entities.split': async ({ id, alias, type }) => {
      // The entity the alias becomes is written first: every mention moved to it refers to a saved entity.
      const plan = await changeEntities((entities) => {
        const { split, form, from } = splitEntity(entities, workspace.entityTypes, id, alias, type)
        return { form, from: [...from], splitId: split.id }
      })
      const moved = await repoint(new Set(plan.from), plan.form, plan.splitId)
      const entities = workspace.entities
      return { entity: presented(entities, id), split: presented(entities, plan.splitId), moved }
    },
    'entities.remove': async ({ id }) => changeEntities((entities) => removeEntity(entities, id)),
    'entities.restore': async ({ id }) =>
      changeEntities((entities) => {
        restoreEntity(entities, id)
        return presented(entities, id)
      }),
    'entityTypes.list': async () => workspace.entityTypes,
    'entityTypes.create': async (fields) =>
      workspace.updateEntityTypes((types) => ({
        changed: true,
        result: { ...createEntityType(types, fields) },
      })),
    'entityTypes.update': async ({ id, ...fields }) =>
      workspace.updateEntityTypes((types) => ({
        changed: true,
        result: { ...updateEntityType(types, id, fields) },
      })),
    'entities.index': async (query) => {
      const articles = await index.current()
      const counts = countEntities(articles, workspace.entities, rowOf)
      return queryEntityIndex(query, workspace.entities, counts, workspace.entityTypes)
    },
    'entities.page': async ({ id }) => {
      const articles = await index.current()
      const live = liveEntityOf(workspace.entities, id)
      if (!live)
        throw new DossierError('not-found', 'That entity no longer exists. It may have been deleted.')
      return entityPage(presented(workspace.entities, live.id), {
        articles,
        entities: workspace.entities,
        types: workspace.entityTypes,
        rowOf,
        peek,
        briefs: () => workspace.briefs.list().map((b) => workspace.briefs.get(b.id)),
      })
    },
    'entities.network': async (query) =>
      entityNetwork(query, await index.current(), workspace.entities, rowOf, workspace.entityTypes),
    'entities.passages': async (query) =>
      sharedPassages(query, {
        articles: await index.current(),
        entities: workspace.entities,
        rowOf,
        peek,
      }),
    'entities.export': async ({ what, format }) =>
      exportEntities(what, format, {
        articles: await index.current(),
        entities: workspace.entities,
        types: workspace.entityTypes,
        rowOf,
        peek,
      }),
  }
}
