// The changes an article's annotation log records, and how one is applied to an article. Every op sets
// the state of one highlight or mention by id (put = upsert, remove = delete if present), so replaying a
// log onto an article that already holds some or all of it gives the same article: a crash between a
// compaction and the removal of the log it folded in is harmless.
import { z } from 'zod'
import { Code, Entity, Highlight, Id, Mention, SCHEMA_VERSION, type Article } from '../../../shared/model'
import { insertByPosition } from '../../../shared/reading-order'

/**
 * `v` is the schema version of the highlight or mention a line carries. Raising SCHEMA_VERSION needs a
 * step for log lines in migrations.ts as well, or older lines stop validating.
 */
const stamp = { v: z.literal(SCHEMA_VERSION), at: z.string() }

export const AnnotationOp = z.discriminatedUnion('op', [
  z.object({
    ...stamp,
    op: z.literal('put-highlight'),
    highlight: Highlight,
    /** The code it carries, as it was: rebuilds the codebook if dossier.json is lost. */
    code: Code.optional(),
  }),
  z.object({ ...stamp, op: z.literal('remove-highlight'), id: Id }),
  z.object({
    ...stamp,
    op: z.literal('put-mention'),
    mention: Mention,
    /** The entity it refers to, as it was: rebuilds the entity list if dossier.json is lost. */
    entity: Entity.optional(),
  }),
  z.object({ ...stamp, op: z.literal('remove-mention'), id: Id }),
])
export type AnnotationOp = z.infer<typeof AnnotationOp>

/** An op as a change handler describes it; the store stamps it and adds the copies. */
export type AnnotationChange =
  | { op: 'put-highlight'; highlight: Highlight }
  | { op: 'remove-highlight'; id: string }
  | { op: 'put-mention'; mention: Mention }
  | { op: 'remove-mention'; id: string }

type Positioned = { id: string; target: { position: { start: number } } }

/** Replaces the item with the same id, or inserts it, keeping the list sorted by start. */
function upsert<T extends Positioned>(list: T[], item: T): void {
  const at = list.findIndex((x) => x.id === item.id)
  if (at >= 0 && list[at]!.target.position.start === item.target.position.start) {
    list[at] = item
    return
  }
  if (at >= 0) list.splice(at, 1)
  insertByPosition(list, item)
}

function remove(list: { id: string }[], id: string): void {
  const at = list.findIndex((x) => x.id === id)
  if (at >= 0) list.splice(at, 1)
}

function keepCopy<T extends { id: string }>(list: T[] | undefined, copy: T): T[] {
  const copies = list ?? []
  const at = copies.findIndex((c) => c.id === copy.id)
  if (at < 0) copies.push(copy)
  else copies[at] = copy
  return copies
}

/** Applies one op to `article` in place. */
export function applyOp(article: Article, op: AnnotationOp | (AnnotationChange & { at: string })): void {
  switch (op.op) {
    case 'put-highlight':
      upsert(article.highlights, op.highlight)
      break
    case 'remove-highlight':
      remove(article.highlights, op.id)
      break
    case 'put-mention':
      upsert(article.mentions, op.mention)
      break
    case 'remove-mention':
      remove(article.mentions, op.id)
      break
  }
  if (op.at > article.updatedAt) article.updatedAt = op.at
}

/**
 * Applies a log's ops to the article read from its file. The copies the ops carry join the article's,
 * an entity's aliases merged (they only grow), and copies nothing refers to any more are dropped, as a
 * save of the article would leave them.
 */
export function replay(article: Article, ops: readonly AnnotationOp[]): void {
  if (ops.length === 0) return
  for (const op of ops) {
    applyOp(article, op)
    if (op.op === 'put-highlight' && op.code) article.codeCopies = keepCopy(article.codeCopies, op.code)
    if (op.op === 'put-mention' && op.entity) {
      const known = article.entityCopies?.find((e) => e.id === op.entity!.id)
      const aliases = [...new Set([...(known?.aliases ?? []), ...op.entity.aliases])]
      article.entityCopies = keepCopy(article.entityCopies, { ...op.entity, aliases })
    }
  }
  const entityIds = new Set(article.mentions.map((m) => m.entityId))
  const codeIds = new Set(article.highlights.map((h) => h.codeId))
  const entities = article.entityCopies?.filter((e) => entityIds.has(e.id))
  const codes = article.codeCopies?.filter((c) => codeIds.has(c.id))
  article.entityCopies = entities?.length ? entities : undefined
  article.codeCopies = codes?.length ? codes : undefined
}
