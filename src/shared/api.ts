// The one API between the renderer and the services: every method, its argument and its result schema.
// Main registers a handler per entry, preload and the browser client build `window.dossier` from it,
// and the HTTP host serves `POST /api/<method>` from it. No method name is written anywhere else.
import { z } from 'zod'
import { Brief, BriefContent, BriefSummary, ExcerptContext, ExcerptState } from './brief'
import {
  EntityIndex,
  EntityIndexQuery,
  EntityPage,
  NeverSuggestEntry,
  Network,
  NetworkQuery,
  OccurrenceResult,
  ProposalReview,
  SharedPassage,
  Suggestion,
} from './entities'
import { ApiErrorData } from './errors'
import { HighlightQuery, HighlightSearchResult } from './highlight-search'
import { ArticleHits, DuplicateGroup, LibraryQuery, LibraryResult, SavedSearch, TagName } from './library'
import {
  Article,
  ArticleSummary,
  Case,
  CaseName,
  Code,
  CodeColor,
  Entity,
  EntityType,
  EntityTypeDef,
  Highlight,
  Id,
  Mention,
  ProposedEntity,
  SourceGrade,
  WorkspaceProblem,
} from './model'

const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'expected bytes' })
const None = z.object({}).strict()
const Offset = z.number().int().nonnegative()
const Count = z.number().int().nonnegative()

export const ImportResult = z.object({
  file: z.string(),
  status: z.enum(['imported', 'duplicate', 'failed']),
  articleId: Id.optional(),
  title: z.string().optional(),
  error: ApiErrorData.optional(),
  /** An article already in the workspace that tells the same story; the analyst decides. */
  similarTo: z.object({ articleId: Id, title: z.string(), similarity: z.number() }).optional(),
})
export type ImportResult = z.infer<typeof ImportResult>

export const WorkspaceInfo = z.object({
  path: z.string(),
  host: z.enum(['electron', 'browser']),
  /** The largest file import takes, in bytes: the page refuses bigger ones before sending them. */
  maxFileBytes: z.number().int().positive(),
  articleCount: z.number().int().nonnegative(),
  /** The folder cannot be written: everything reads, nothing changes. */
  readOnly: z.boolean(),
  problems: z.array(WorkspaceProblem),
})
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>

export const ArticleView = z.object({ article: Article, entities: z.array(Entity) })
export type ArticleView = z.infer<typeof ArticleView>

export const ExportedFile = z.object({ fileName: z.string(), mimeType: z.string(), data: Bytes })
export type ExportedFile = z.infer<typeof ExportedFile>

/** What an article's extraction again did to its highlights and mentions, counted together. */
export const ReextractResult = z.object({
  article: ArticleSummary,
  /** How many were found again: still in place, by their exact words elsewhere, or by similar words. */
  reanchored: z.object({ position: Count, quote: Count, fuzzy: Count }),
  /** How many could not be found; they stay in the article with `unanchored: true`. */
  unanchored: Count,
})
export type ReextractResult = z.infer<typeof ReextractResult>

const Range = { articleId: Id, start: Offset, end: Offset }
/** One annotation of one article, as a list of many names it. */
const AnnotationRef = z.object({ articleId: Id, id: Id }).strict()
/** Up to 50,000 of them, for the calls that change many at once. */
const AnnotationRefs = z.array(AnnotationRef).max(50_000)
/** The mentions a call made, which mentions.removeMany takes off again. */
const MadeMentions = z.array(z.object({ articleId: Id, mentionId: Id }))

/**
 * What an annotation change returns: the annotation as stored and the article's new library row, so the
 * renderer patches the open article and the row in place instead of fetching either again.
 */
export const HighlightChange = z.object({ highlight: Highlight, summary: ArticleSummary })
export type HighlightChange = z.infer<typeof HighlightChange>
export const MentionChange = z.object({ mention: Mention, entity: Entity, summary: ArticleSummary })
export type MentionChange = z.infer<typeof MentionChange>

const CodeName = z.string().trim().min(1).max(80)
const CodeDescription = z.string().max(2000)

interface MethodOptions {
  /**
   * Whether dispatch checks the result against `output` (the default). Off only where the result is
   * data the store validated as it read it from disk and the services keep typed (a whole article):
   * checking it again on every call cost more than the rest of the call. The contract tests still check
   * those results against their schema.
   */
  checkOutput?: boolean
}

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, options: MethodOptions = {}) {
  return { input, output, checkOutput: options.checkOutput ?? true }
}

export const api = {
  'workspace.info': method(None, WorkspaceInfo),
  'articles.list': method(None, z.array(ArticleSummary)),
  'articles.get': method(z.object({ id: Id }).strict(), ArticleView, { checkOutput: false }),
  'articles.remove': method(z.object({ id: Id }).strict(), ArticleSummary),
  'articles.restore': method(z.object({ id: Id }).strict(), ArticleSummary),
  'articles.update': method(
    z
      .object({
        id: Id,
        title: z.string().trim().min(1).max(500).optional(),
        byline: z.string().trim().max(300).optional(),
        published: z.string().trim().max(40).optional(),
        sourceUrl: z.string().trim().max(4096).optional(),
        siteName: z.string().trim().max(300).optional(),
        grade: z.union([z.literal(''), SourceGrade]).optional(),
      })
      .strict(),
    ArticleSummary,
  ),
  'articles.setTrimmed': method(
    z.object({ id: Id, block: z.number().int().nonnegative(), trimmed: z.boolean() }).strict(),
    ArticleSummary,
  ),
  /** The article open when the app last ran and its reading position (an offset of its text). */
  'reading.get': method(
    None,
    z.object({ openId: Id.nullable(), place: Offset.nullable(), places: z.record(z.string(), Offset) }),
  ),
  'reading.save': method(
    z.object({ openId: Id.nullable(), articleId: Id.optional(), offset: Offset.optional() }).strict(),
    z.object({}),
  ),
  /** Reads the kept original again with this version's extractor and re-anchors everything on it. */
  'articles.reextract': method(z.object({ id: Id }).strict(), ReextractResult),
  'import.paths': method(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }).strict(),
    z.array(ImportResult),
  ),
  'import.upload': method(
    z.object({ name: z.string().min(1).max(1024), data: Bytes }).strict(),
    ImportResult,
  ),
  'import.samples': method(None, z.array(ImportResult)),
  /** Desktop only: the main process's open dialog; what the analyst chooses there may be imported by path. */
  'import.choose': method(None, z.object({ paths: z.array(z.string()) })),
  'import.expand': method(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }).strict(),
    z.object({ files: z.array(z.string()), skipped: z.array(ImportResult), ignored: z.array(z.string()) }),
  ),
  'import.paste': method(
    z
      .object({ text: z.string().max(20_000_000).optional(), html: z.string().max(20_000_000).optional() })
      .strict()
      .refine((v) => Boolean(v.text?.trim() || v.html?.trim()), 'nothing to paste'),
    ImportResult,
  ),
  'highlights.create': method(
    z.object({ ...Range, codeId: Id.optional(), note: z.string().max(20_000).optional() }).strict(),
    HighlightChange,
  ),
  'highlights.update': method(
    z
      .object({ articleId: Id, id: Id, codeId: Id.optional(), note: z.string().max(20_000).optional() })
      .strict(),
    HighlightChange,
  ),
  'highlights.remove': method(AnnotationRef, HighlightChange),
  /** Every highlight of the workspace, filtered, sorted and paged, with facet counts. */
  'highlights.search': method(HighlightQuery, HighlightSearchResult),
  /** The codebook's live codes, in order. */
  'codes.list': method(None, z.array(Code)),
  'codes.create': method(
    z.object({ name: CodeName, color: CodeColor, description: CodeDescription.optional() }).strict(),
    Code,
  ),
  'codes.update': method(
    z
      .object({
        id: Id,
        name: CodeName.optional(),
        color: CodeColor.optional(),
        description: CodeDescription.optional(),
      })
      .strict(),
    Code,
  ),
  'codes.move': method(z.object({ id: Id, index: z.number().int().nonnegative() }).strict(), z.array(Code)),
  /** Merges codes into one; deleting a code is merging it into the code that takes its highlights. */
  'codes.merge': method(
    z.object({ ids: z.array(Id).min(1).max(100), into: Id }).strict(),
    z.object({ merged: z.array(Code), codes: z.array(Code) }),
  ),
  /** Undoes a merge or delete: the codes come back with their highlights. */
  'codes.unmerge': method(z.object({ ids: z.array(Id).min(1).max(100) }).strict(), z.array(Code)),
  'entities.list': method(None, z.array(Entity)),
  /** Renames, retypes (to a built-in type or one of the analyst's), edits aliases or notes. */
  'entities.update': method(
    z
      .object({
        id: Id,
        name: z.string().trim().min(1).max(300).optional(),
        type: EntityType.optional(),
        /** An EntityTypeDef id, or '' for none. */
        customType: z.union([z.literal(''), Id]).optional(),
        aliases: z.array(z.string().trim().min(1).max(300)).max(500).optional(),
        notes: z.string().max(20_000).optional(),
      })
      .strict(),
    Entity,
  ),
  /** Merges entities into one: aliases combined, every mention counted as the one kept; one write. */
  'entities.merge': method(
    z.object({ ids: z.array(Id).min(1).max(100), into: Id }).strict(),
    z.object({ entity: Entity, merged: z.array(Entity) }),
  ),
  /** Undoes a merge: the entities come back with their own mentions and aliases. */
  'entities.unmerge': method(z.object({ ids: z.array(Id).min(1).max(100) }).strict(), z.array(Entity)),
  /** Makes an alias an entity of its own; the mentions written that way go with it. */
  'entities.split': method(
    z.object({ id: Id, alias: z.string().min(1).max(300), type: EntityType.optional() }).strict(),
    z.object({ entity: Entity, split: Entity, moved: Count }),
  ),
  /** Deletes an entity (undoably, with entities.restore): its mentions are hidden meanwhile. */
  'entities.remove': method(z.object({ id: Id }).strict(), Entity),
  'entities.restore': method(z.object({ id: Id }).strict(), Entity),
  'entityTypes.list': method(None, z.array(EntityTypeDef)),
  'entityTypes.create': method(
    z.object({ name: z.string().trim().min(1).max(60), color: z.string().regex(/^#[0-9a-f]{6}$/i) }).strict(),
    EntityTypeDef,
  ),
  'entityTypes.update': method(
    z
      .object({
        id: Id,
        name: z.string().trim().min(1).max(60).optional(),
        color: z
          .string()
          .regex(/^#[0-9a-f]{6}$/i)
          .optional(),
      })
      .strict(),
    EntityTypeDef,
  ),
  /** What type a name is known as: an entity or alias of the workspace, or a suggestion for it. */
  'entities.typeFor': method(
    z.object({ name: z.string().min(1).max(300) }).strict(),
    z.object({ type: EntityType.optional(), entityId: Id.optional() }),
  ),
  /** Every occurrence of an entity's name and aliases (whole words, analyst's case rules). */
  'entities.occurrences': method(
    z
      .object({ id: Id, articleId: Id.optional(), limit: z.number().int().positive().max(50_000).optional() })
      .strict(),
    OccurrenceResult,
  ),
  /** Tags the chosen occurrences as the entity, in one step; returns what to remove to undo it. */
  'entities.tagOccurrences': method(
    z
      .object({
        id: Id,
        occurrences: z
          .array(
            z
              .object({
                articleId: Id,
                start: z.number().int().nonnegative(),
                end: z.number().int().nonnegative(),
              })
              .strict(),
          )
          .min(1)
          .max(50_000),
      })
      .strict(),
    z.object({ mentions: MadeMentions }),
  ),
  /** Removes many mentions at once (the undo of tagging occurrences or accepting suggestions). */
  'mentions.removeMany': method(
    z
      .object({
        items: AnnotationRefs.min(1),
      })
      .strict(),
    z.object({ removed: Count }),
  ),
  /** Suggested mentions, of one article or the whole workspace, best first. */
  'suggestions.list': method(
    z
      .object({
        articleId: Id.optional(),
        entityId: Id.optional(),
        limit: z.number().int().positive().max(50_000).optional(),
      })
      .strict(),
    z.array(Suggestion),
  ),
  /** The recogniser's open proposals across the workspace, one group per name and type, most first. */
  'suggestions.proposals': method(None, ProposalReview),
  /**
   * Confirms suggestions (or, with entityId, every suggestion of that entity; with proposed, every
   * proposal of that name and type; with proposals, every proposal of each of those names and types). An accepted proposal makes its entity, or takes the live one of
   * that name; `created` lists the entities made, for the undo.
   */
  'suggestions.accept': method(
    z
      .object({
        items: AnnotationRefs.optional(),
        entityId: Id.optional(),
        proposed: ProposedEntity.optional(),
        proposals: z.array(ProposedEntity).min(1).max(1_000).optional(),
      })
      .strict(),
    z.object({ accepted: MadeMentions, created: z.array(Id) }),
  ),
  'suggestions.reject': method(
    z
      .object({
        items: AnnotationRefs.min(1),
      })
      .strict(),
    z.object({ rejected: Count }),
  ),
  /** Makes accepted or rejected suggestions suggestions again: the undo of accepting or rejecting them. */
  'suggestions.reopen': method(
    z.object({ items: AnnotationRefs.min(1), from: z.enum(['confirmed', 'rejected']) }).strict(),
    z.object({ reopened: Count }),
  ),
  /** Never suggests this form again (for one entity, or for any). */
  'suggestions.neverSuggest': method(
    z.object({ form: z.string().min(1).max(300), entityId: Id.optional() }).strict(),
    z.object({ rejected: Count }),
  ),
  /** The forms never to suggest, each with the entity it holds for (none: for any entity). */
  'suggestions.neverList': method(None, z.array(NeverSuggestEntry)),
  /**
   * Takes a form off the never-suggest list: the suggestions it rejected are suggested again, and the
   * background pass suggests it wherever else it is found.
   */
  'suggestions.allowAgain': method(
    z.object({ form: z.string().min(1).max(300), entityId: Id.optional() }).strict(),
    z.object({ restored: Count }),
  ),
  'entities.index': method(EntityIndexQuery, EntityIndex),
  'entities.page': method(z.object({ id: Id }).strict(), EntityPage),
  'entities.network': method(NetworkQuery, Network),
  /** Where two entities appear together, with the network's case and date filters. */
  'entities.passages': method(
    z
      .object({
        a: Id,
        b: Id,
        scope: z.enum(['paragraph', 'article']),
        limit: z.number().int().positive().max(5000).optional(),
        caseId: NetworkQuery.shape.caseId,
        published: NetworkQuery.shape.published,
      })
      .strict(),
    z.array(SharedPassage),
  ),
  /** Entities (name, type, aliases, counts, first and last seen) or mentions (with citation and context). */
  'entities.export': method(
    z.object({ what: z.enum(['entities', 'mentions']), format: z.enum(['csv', 'json']) }).strict(),
    ExportedFile,
  ),
  'mentions.create': method(
    z
      .object({
        ...Range,
        type: EntityType,
        name: z.string().trim().min(1).max(300).optional(),
        entityId: Id.optional(),
      })
      .strict(),
    MentionChange,
  ),
  'mentions.remove': method(AnnotationRef, z.object({ mention: Mention, summary: ArticleSummary })),
  /** Full-text search over the library, filtered, faceted, sorted and paged. */
  'library.search': method(LibraryQuery, LibraryResult, { checkOutput: false }),
  /** Every place a search's words are found in one article, for the reader to mark. */
  'library.hits': method(
    z.object({ articleId: Id, text: z.string().max(2000), includeTrimmed: z.boolean().optional() }).strict(),
    ArticleHits,
  ),
  /** Groups of articles that likely tell the same story (copies of one story in several formats). */
  'library.duplicates': method(None, z.array(DuplicateGroup)),
  /** Moves many articles to the trash at once; their originals stay until the trash is emptied. */
  'articles.removeMany': method(
    z.object({ ids: z.array(Id).min(1).max(10_000) }).strict(),
    z.array(ArticleSummary),
  ),
  'articles.restoreMany': method(
    z.object({ ids: z.array(Id).min(1).max(10_000) }).strict(),
    z.array(ArticleSummary),
  ),
  /** Adds articles to cases and tags, or takes them out, in one step. */
  'articles.label': method(
    z
      .object({
        ids: z.array(Id).min(1).max(10_000),
        addCases: z.array(Id).max(100).optional(),
        removeCases: z.array(Id).max(100).optional(),
        addTags: z.array(TagName).max(100).optional(),
        removeTags: z.array(TagName).max(100).optional(),
      })
      .strict(),
    z.array(ArticleSummary),
  ),
  /** The articles in the trash, most recently removed first. */
  'trash.list': method(None, z.array(ArticleSummary)),
  /** Deletes the articles in the trash for good, with the originals no other article uses. */
  'trash.empty': method(
    z.object({ ids: z.array(Id).max(10_000).optional() }).strict(),
    z.object({ deleted: Count }),
  ),
  'cases.list': method(None, z.array(Case)),
  'cases.create': method(z.object({ name: CaseName }).strict(), Case),
  'cases.rename': method(z.object({ id: Id, name: CaseName }).strict(), Case),
  /** Deletes a case; its articles stay in the library, out of the case. */
  'cases.remove': method(z.object({ id: Id }).strict(), z.object({ articles: z.array(ArticleSummary) })),
  'searches.list': method(None, z.array(SavedSearch)),
  'searches.save': method(
    z.object({ name: z.string().trim().min(1).max(200), query: LibraryQuery }).strict(),
    SavedSearch,
  ),
  'searches.remove': method(z.object({ id: Id }).strict(), z.object({ id: Id })),
  'briefs.list': method(None, z.array(BriefSummary)),
  'briefs.get': method(z.object({ id: Id }).strict(), Brief),
  /** A new brief; from a case, it starts with the case's highlights as excerpts, one section per code. */
  'briefs.create': method(
    z.object({ title: z.string().trim().min(1).max(500).optional(), caseId: Id.optional() }).strict(),
    Brief,
  ),
  /** Saves what the analyst wrote, whole: the page saves as the analyst types. */
  'briefs.save': method(z.object({ id: Id, content: BriefContent }).strict(), Brief),
  'briefs.duplicate': method(z.object({ id: Id }).strict(), Brief),
  /** Moves a brief to the trash, from where briefs.restore brings it back. */
  'briefs.remove': method(z.object({ id: Id }).strict(), BriefSummary),
  'briefs.restore': method(z.object({ id: Id }).strict(), Brief),
  /** Each excerpt's number, citation and code, and whether its highlight is still in its article. */
  'briefs.excerpts': method(z.object({ id: Id }).strict(), z.array(ExcerptState)),
  /** The sentences a highlighted fragment stands in, for the composer to show on demand. */
  'briefs.context': method(z.object({ articleId: Id, highlightId: Id }).strict(), ExcerptContext),
  /** Adds highlights as excerpts at the end of a section (the last one unless named). */
  'briefs.addExcerpts': method(
    z
      .object({
        id: Id,
        sectionId: Id.optional(),
        excerpts: z
          .array(z.object({ articleId: Id, highlightId: Id }).strict())
          .min(1)
          .max(5000),
      })
      .strict(),
    Brief,
  ),
  'briefs.export': method(
    z.object({ id: Id, format: z.enum(['md', 'html', 'pdf', 'docx']) }).strict(),
    ExportedFile,
  ),
  /** Every highlight and mention of the workspace: W3C Web Annotation JSON-LD, a REFI-QDA project, or CSV. */
  'annotations.export': method(z.object({ format: z.enum(['w3c', 'qdpx', 'csv']) }).strict(), ExportedFile),
  'brief.markdown': method(z.object({ articleId: Id }).strict(), ExportedFile),
  'brief.pdf': method(z.object({ articleId: Id }).strict(), ExportedFile),
} as const

export type Api = typeof api
export type MethodName = keyof Api
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>
export type MethodArgs<M extends MethodName> = z.output<Api[M]['input']>
export type MethodResult<M extends MethodName> = z.output<Api[M]['output']>

export const methodNames = Object.keys(api) as MethodName[]

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name)
}

/** The services' side of the contract: one handler per method. */
export type Handlers = { [M in MethodName]: (args: MethodArgs<M>) => Promise<MethodResult<M>> }

type Namespace<M> = M extends `${infer N}.${string}` ? N : never
type Verb<M, N extends string> = M extends `${N}.${infer V}` ? V : never
type Call<M extends MethodName> =
  Record<string, never> extends MethodInput<M>
    ? (args?: MethodInput<M>) => Promise<MethodResult<M>>
    : (args: MethodInput<M>) => Promise<MethodResult<M>>

/** What the renderer sees as `window.dossier`: `dossier.articles.list()`, `dossier.highlights.create({…})`. */
export type DossierClient = {
  [N in Namespace<MethodName>]: {
    [V in Verb<MethodName, N>]: Call<`${N}.${V}` & MethodName>
  }
}

/** Builds the nested client from the method list over any transport. */
export function buildClient(invoke: (method: MethodName, args: unknown) => Promise<unknown>): DossierClient {
  const client: Record<string, Record<string, (args?: unknown) => Promise<unknown>>> = {}
  for (const name of methodNames) {
    const [namespace, verb] = name.split('.') as [string, string]
    client[namespace] ??= {}
    client[namespace][verb] = (args?: unknown) => invoke(name, args ?? {})
  }
  return client as unknown as DossierClient
}

/** The envelope every transport returns, so errors cross as data. */
export type Reply<T> = { ok: true; result: T } | { ok: false; error: ApiErrorData }

export const IPC_PREFIX = 'dossier:'

/**
 * Preload tells main which path the analyst dropped (from a File only the analyst can hand over), so
 * main honours it in import.paths. Sent by preload itself, never exposed to the page as a call.
 */
export const PATH_GRANT_CHANNEL = 'dossier-desktop:path-granted'
