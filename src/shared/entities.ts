// The entities' side of the contract across the workspace: managing entities (rename, retype, merge,
// split, delete, notes, types of the analyst's own), finding every occurrence of a name, suggestions
// from what the analyst confirmed, the entity index and an entity's page, connections, and exports.
import { z } from 'zod'
import { ArticleSummary, Entity, EntityType, EntityTypeDef, Id, ProposedEntity } from './model'

export { EntityTypeDef } from './model'

/** Where a name was found in an article, with the words around it. */
export const Occurrence = z.object({
  articleId: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The words as written there ("Kim Jong-un"). */
  text: z.string(),
  before: z.string(),
  after: z.string(),
  /** Already tagged: as this entity, as another one (its id), or not at all. */
  taggedAs: Id.optional(),
})
export type Occurrence = z.infer<typeof Occurrence>

export const OccurrenceResult = z.object({
  occurrences: z.array(Occurrence),
  /** The articles they are in, for titles and dates. */
  articles: z.array(ArticleSummary),
  /** More were found than returned. */
  truncated: z.boolean(),
})
export type OccurrenceResult = z.infer<typeof OccurrenceResult>

/** A form never to suggest: for one entity (named as it is now) or for any. */
export const NeverSuggestEntry = z.object({
  /** Folded, as the suggesters compare it. */
  form: z.string(),
  /** As the analyst saw it. */
  written: z.string(),
  entityId: Id.optional(),
  /** The entity's name now; absent when the entry holds for any entity or the entity is gone. */
  entityName: z.string().optional(),
})
export type NeverSuggestEntry = z.infer<typeof NeverSuggestEntry>

/** A suggested mention: found by a suggester, shown apart from confirmed ones until accepted or rejected. */
export const Suggestion = z.object({
  articleId: Id,
  mentionId: Id,
  /** The entity it would be a mention of; absent when it proposes a new one (`proposed`). */
  entityId: Id.optional(),
  proposed: ProposedEntity.optional(),
  text: z.string(),
  before: z.string(),
  after: z.string(),
  /** Which suggester found it: 'dictionary' (confirmed names and their variants) or another one. */
  source: z.string(),
  score: z.number().min(0).max(1),
})
export type Suggestion = z.infer<typeof Suggestion>

/** The recogniser's proposals of one new entity (one name and type) across the workspace. */
export const ProposalGroup = z.object({
  proposed: ProposedEntity,
  /** Proposals of it still open (suggested), and the articles they are in. */
  count: z.number().int().positive(),
  articles: z.number().int().positive(),
  /** The best score among them. */
  score: z.number().min(0).max(1),
  /** The best-scored one, in its words. */
  sample: z.object({
    articleId: Id,
    articleTitle: z.string(),
    text: z.string(),
    before: z.string(),
    after: z.string(),
  }),
})
export type ProposalGroup = z.infer<typeof ProposalGroup>

export const ProposalReview = z.object({
  groups: z.array(ProposalGroup),
  /** Every open proposal, in all groups. */
  proposals: z.number().int().nonnegative(),
})
export type ProposalReview = z.infer<typeof ProposalReview>

export const EntityRow = z.object({
  entity: Entity,
  /** The analyst's own type, when the entity has one. */
  customType: EntityTypeDef.optional(),
  mentions: z.number().int().nonnegative(),
  suggested: z.number().int().nonnegative(),
  articles: z.number().int().nonnegative(),
  /** Published dates of the first and last article that mentions it. */
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
})
export type EntityRow = z.infer<typeof EntityRow>

export const EntityIndexQuery = z
  .object({
    text: z.string().max(300).optional(),
    types: z.array(EntityType).max(10).optional(),
    customTypes: z.array(Id).max(100).optional(),
    sort: z.enum(['name', 'mentions', 'articles', 'firstSeen', 'lastSeen']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().positive().max(10_000).optional(),
  })
  .strict()
export type EntityIndexQuery = z.infer<typeof EntityIndexQuery>

export const EntityIndex = z.object({ total: z.number().int(), rows: z.array(EntityRow) })
export type EntityIndex = z.infer<typeof EntityIndex>

/** One mention in keyword-in-context form, for an entity's page. */
export const MentionInContext = z.object({
  articleId: Id,
  mentionId: Id,
  start: z.number().int(),
  end: z.number().int(),
  before: z.string(),
  text: z.string(),
  after: z.string(),
  status: z.enum(['confirmed', 'suggested']),
})
export type MentionInContext = z.infer<typeof MentionInContext>

export const EntityPage = z.object({
  row: EntityRow,
  mentions: z.array(MentionInContext),
  articles: z.array(ArticleSummary),
  /** Highlights whose passage holds a mention of it. */
  highlights: z.array(z.object({ articleId: Id, highlightId: Id, quote: z.string() })),
  /** Briefs with an excerpt that mentions it. */
  briefs: z.array(z.object({ id: Id, title: z.string() })),
  /** Mentions per month of publication ("2023-06"), for the timeline. */
  timeline: z.array(z.object({ month: z.string(), mentions: z.number().int() })),
})
export type EntityPage = z.infer<typeof EntityPage>

export const NetworkQuery = z
  .object({
    /** Both in one paragraph, or anywhere in one article. */
    scope: z.enum(['paragraph', 'article']),
    /** Fewest times two must appear together for an edge. */
    threshold: z.number().int().positive().max(10_000),
    /** The most mentioned entities taken as nodes. */
    limit: z.number().int().positive().max(2000).optional(),
    types: z.array(EntityType).max(10).optional(),
    caseId: Id.optional(),
    published: z
      .object({ from: z.string().max(40).optional(), to: z.string().max(40).optional() })
      .optional(),
  })
  .strict()
export type NetworkQuery = z.infer<typeof NetworkQuery>

/** What the app's network shows first: every co-occurrence in a paragraph among the 200 most mentioned. */
export const DEFAULT_NETWORK_QUERY: NetworkQuery = { scope: 'paragraph', threshold: 1, limit: 200 }

export const Network = z.object({
  nodes: z.array(
    z.object({
      id: Id,
      name: z.string(),
      type: EntityType,
      mentions: z.number().int(),
      /** The analyst's own type, for its name and colour. */
      customType: EntityTypeDef.optional(),
    }),
  ),
  edges: z.array(z.object({ source: Id, target: Id, weight: z.number().int() })),
})
export type Network = z.infer<typeof Network>

/** A passage where two entities appear together. */
export const SharedPassage = z.object({
  articleId: Id,
  title: z.string(),
  published: z.string().optional(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  /** Where either entity is mentioned, as offsets in `text` (not in the article), in text order. */
  marks: z.array(
    z.object({ entityId: Id, start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }),
  ),
})
export type SharedPassage = z.infer<typeof SharedPassage>
