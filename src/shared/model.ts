// The domain model shared by every side: runtime schemas and the types inferred from them.
import { z } from 'zod'

/** 2: highlights carry a code of the workspace's codebook instead of a bare colour. */
export const SCHEMA_VERSION = 2

export const Id = z.string().regex(/^[a-z0-9]{6,40}$/, 'not a Dossier id')

/** Source reliability A–F and information credibility 1–6 of the Admiralty (NATO) system. */
export const SourceGrade = z.string().regex(/^[A-F][1-6]$/, 'not a grade such as B2')
export type SourceGrade = z.infer<typeof SourceGrade>

/** W3C Web Annotation §4.2.4 TextQuoteSelector. */
export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
})
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>

/** W3C Web Annotation §4.2.5 TextPositionSelector: offsets in UTF-16 code units of the canonical text. */
export const TextPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type TextPositionSelector = z.infer<typeof TextPositionSelector>

export const TextTarget = z.object({
  quote: TextQuoteSelector,
  position: TextPositionSelector,
})
export type TextTarget = z.infer<typeof TextTarget>

/**
 * Set on a highlight or mention whose words could not be found again in the article's text (after a
 * re-extraction or a change to the file): it keeps its quote and note, but its position is stale and
 * must not be drawn. Absent on every anchored one; cleared when a later re-anchoring finds it.
 */
const Unanchored = z.literal(true).optional()

export const BlockKind = z.enum([
  'paragraph',
  'heading',
  'quote',
  'list-item',
  'caption',
  'code',
  'row',
  'figure',
])
export type BlockKind = z.infer<typeof BlockKind>

/** A range of the canonical text inside a block: one cell of a table row. */
export const TextSpan = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type TextSpan = z.infer<typeof TextSpan>

/**
 * A structural block of the canonical text, as a character range of it. A trimmed block is site
 * boilerplate (share bars, teasers): kept in the text so offsets never move, hidden from the reading.
 * The structure fields are optional, so articles imported before they existed stay valid.
 *
 * - heading: `level` 1–6 as the source wrote it (the reader ranks levels under the article's title).
 * - list-item: `depth` 0 for a top-level item; `ordered` with the item's `number` (from `<ol start>`).
 * - code: pre-formatted text, its white space kept exactly; `language` when the source names one.
 * - row: one table row; `cells` are ranges inside the row's range (the text between them is the cell
 *   separator, never shown); `header` for a row of header cells. Consecutive rows make one table.
 * - figure: an image that is not shown, only named: an empty range where it stood, `alt` its text
 *   alternative; the caption blocks right after it are its caption.
 */
export const Block = z.object({
  kind: BlockKind,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** true: hidden as furniture; false: furniture the analyst restored (and may trim again). */
  trimmed: z.boolean().optional(),
  level: z.number().int().min(1).max(6).optional(),
  depth: z.number().int().nonnegative().optional(),
  ordered: z.boolean().optional(),
  number: z.number().int().optional(),
  language: z.string().max(40).optional(),
  cells: z.array(TextSpan).optional(),
  header: z.boolean().optional(),
  alt: z.string().max(2000).optional(),
})
export type Block = z.infer<typeof Block>

/** Inline marks inside the canonical text, kept from Word and web pages: superscript is a footnote marker. */
export const InlineMark = z.object({
  kind: z.enum(['emphasis', 'strong', 'code', 'superscript', 'subscript']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type InlineMark = z.infer<typeof InlineMark>

/** A colour as #rrggbb. */
export const CodeColor = z.string().regex(/^#[0-9a-f]{6}$/i, 'not a #rrggbb colour')

/**
 * A code of the workspace's codebook: what a highlighted passage is (Key judgement, Evidence…). A code
 * merged into another, or deleted in favour of another, stays as a tombstone with `mergedInto`, so its
 * highlights keep their own code and an undo brings it back exactly.
 */
export const Code = z.object({
  id: Id,
  name: z.string().trim().min(1).max(80),
  color: CodeColor,
  description: z.string().max(2000),
  createdAt: z.string(),
  mergedInto: Id.optional(),
})
export type Code = z.infer<typeof Code>

export const Highlight = z.object({
  id: Id,
  target: TextTarget,
  codeId: Id,
  note: z.string().max(20_000),
  createdAt: z.string(),
  updatedAt: z.string(),
  unanchored: Unanchored,
})
export type Highlight = z.infer<typeof Highlight>

export const ENTITY_TYPES = [
  'Person',
  'Organization',
  'Location',
  'Equipment',
  'Event',
  'Date',
  'Other',
] as const
export const EntityType = z.enum(ENTITY_TYPES)
export type EntityType = z.infer<typeof EntityType>

/** A type of the analyst's own, next to the built-in ones; an entity of such a type has type 'Other'. */
export const EntityTypeDef = z.object({
  id: Id,
  name: z.string().trim().min(1).max(60),
  /** A #rrggbb colour. */
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  createdAt: z.string(),
})
export type EntityTypeDef = z.infer<typeof EntityTypeDef>

export const Entity = z.object({
  id: Id,
  name: z.string().min(1).max(300),
  type: EntityType,
  aliases: z.array(z.string()),
  notes: z.string(),
  createdAt: z.string(),
  /** The analyst's own type (an EntityTypeDef id); `type` is then 'Other'. */
  customType: Id.optional(),
  /**
   * Merged into another entity: it stays as a tombstone and its mentions count as the other's, so a
   * merge is one write of the entity list and undoing it clears this.
   */
  mergedInto: Id.optional(),
  /** Deleted (undoably): its mentions are hidden until it is restored. */
  removedAt: z.string().optional(),
})
export type Entity = z.infer<typeof Entity>

export const MentionStatus = z.enum(['confirmed', 'suggested', 'rejected'])

/** The entity a suggestion proposes when none of the workspace has the name: made only if accepted. */
export const ProposedEntity = z.object({ name: z.string().min(1).max(200), type: EntityType })
export type ProposedEntity = z.infer<typeof ProposedEntity>

export const Mention = z
  .object({
    id: Id,
    /** The entity it is a mention of; absent only on a suggestion that proposes one (`proposed`). */
    entityId: Id.optional(),
    proposed: ProposedEntity.optional(),
    target: TextTarget,
    status: MentionStatus,
    createdAt: z.string(),
    unanchored: Unanchored,
    /** For a suggestion: which suggester found it ('dictionary', 'recogniser') and how sure it is, 0–1. */
    source: z.string().max(40).optional(),
    score: z.number().min(0).max(1).optional(),
  })
  .refine((m) => m.entityId !== undefined || (m.proposed !== undefined && m.status !== 'confirmed'), {
    message: 'A mention names an entity, unless it is a suggestion that proposes one.',
  })
export type Mention = z.infer<typeof Mention>
export type EntityMention = Mention & { entityId: string }

/** Whether a mention is of an entity of the workspace: all are but a suggestion that proposes one. */
export const ofEntity = (m: Mention): m is EntityMention => m.entityId !== undefined

export const OriginalFile = z.object({
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  type: z.string(),
  size: z.number().int().nonnegative(),
})
export type OriginalFile = z.infer<typeof OriginalFile>

/** What the importer reads out of a file, before it becomes an article. */
export const ExtractedArticle = z.object({
  title: z.string(),
  byline: z.string().optional(),
  published: z.string().optional(),
  sourceUrl: z.string().optional(),
  siteName: z.string().optional(),
  language: z.string().optional(),
  direction: z.enum(['ltr', 'rtl']).optional(),
  description: z.string().optional(),
  /** Agencies the article credits, e.g. "Reuters" from "With inputs from Reuters". */
  credits: z.array(z.string()).optional(),
  tags: z.array(z.string()),
  text: z.string(),
  blocks: z.array(Block),
  inline: z.array(InlineMark).optional(),
  warnings: z.array(z.string()),
})
export type ExtractedArticle = z.infer<typeof ExtractedArticle>

export const Article = ExtractedArticle.extend({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: Id,
  original: OriginalFile,
  highlights: z.array(Highlight),
  mentions: z.array(Mention),
  /**
   * Copies of the entities its mentions refer to, as they were when the article was last saved, so the
   * workspace's entity list can be rebuilt from the article files if dossier.json is lost.
   */
  entityCopies: z.array(Entity).optional(),
  /** Copies of the codes its highlights use, for the same reason. */
  codeCopies: z.array(Code).optional(),
  /** SimHash of the visible text at import (see services/import/simhash.ts). */
  simhash: z.string().optional(),
  importedAt: z.string(),
  updatedAt: z.string(),
  /** The analyst's Admiralty (NATO) grade of the source: reliability A–F and credibility 1–6, e.g. "B2". */
  grade: SourceGrade.optional(),
  /** Ids of the cases the article belongs to (its `tags` are the analyst's and the source's labels). */
  cases: z.array(Id).optional(),
})
export type Article = z.infer<typeof Article>

export const CaseName = z.string().trim().min(1).max(200)
/** A case: a collection of articles the analyst works on together. An article may be in several. */
export const Case = z.object({ id: Id, name: CaseName, createdAt: z.string() })
export type Case = z.infer<typeof Case>

/** One row of the Library: what dossier.json keeps about each article. */
export const ArticleSummary = z.object({
  id: Id,
  title: z.string(),
  siteName: z.string().optional(),
  sourceUrl: z.string().optional(),
  published: z.string().optional(),
  originalName: z.string(),
  sha256: z.string(),
  importedAt: z.string(),
  highlightCount: z.number().int().nonnegative(),
  entityCount: z.number().int().nonnegative(),
  /** SimHash of the visible text, to notice the same story arriving in another file. */
  simhash: z.string().optional(),
  /** mtime of the article file when this row was last written; a newer file means the row is stale. */
  savedAt: z.number(),
  byline: z.string().optional(),
  language: z.string().optional(),
  /** The original's media type and size, to tell copies of one story apart. */
  originalType: z.string().optional(),
  originalSize: z.number().int().nonnegative().optional(),
  tags: z.array(z.string()).optional(),
  /** Ids of the cases the article belongs to. */
  cases: z.array(Id).optional(),
  /** Highlights that carry a note. */
  noteCount: z.number().int().nonnegative().optional(),
})
export type ArticleSummary = z.infer<typeof ArticleSummary>

export const WorkspaceIndex = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  createdAt: z.string(),
  articles: z.array(ArticleSummary),
  entities: z.array(Entity),
  /** The codebook, in the order keys 1–9 apply them; tombstones (mergedInto) included. */
  codes: z.array(Code),
  cases: z.array(Case).optional(),
  entityTypes: z.array(EntityTypeDef).optional(),
  /** Surface forms never to suggest again (folded), for one entity or for any. */
  neverSuggest: z
    .array(
      z.object({
        form: z.string().max(300),
        entityId: Id.optional(),
        /** The form as the analyst saw it, where that differs from the folded one, for the list shown. */
        written: z.string().max(300).optional(),
      }),
    )
    .optional(),
})
export type WorkspaceIndex = z.infer<typeof WorkspaceIndex>

/** Something the analyst must hear about the workspace: a quarantined file, a missing article. */
export const WorkspaceProblem = z.object({
  file: z.string(),
  message: z.string(),
})
export type WorkspaceProblem = z.infer<typeof WorkspaceProblem>
