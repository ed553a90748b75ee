// A change that spans the entity list and the mentions of several articles, recorded first as one file
// (journal.json, written atomically) so it lands whole: once the file is there, the change is done, and
// an opening that finds it (a crash came between the writes that follow) completes it. Accepting a
// proposal is such a change: a new entity and the mentions that point at it, in any number of articles.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import {
  Entity,
  Id,
  Mention,
  SCHEMA_VERSION,
  type Article,
  type WorkspaceProblem,
} from '../../../shared/model'
import type { AnnotationChange } from './annotation-ops'
import { fsyncDirectory, writeFileAtomic } from './atomic-write'
import { errnoOf } from './fs-errors'
import { InvalidFileError, parseJson } from './json-file-adapter'
import { quarantine } from './quarantine'

export const JOURNAL_FILE = 'journal.json'

export const JournalEntry = z.object({
  /** The schema version it was written under (its mentions and entities validate as they are now). */
  v: z.number(),
  at: z.string(),
  /** Added to the entity list when their id is not there; one that is there gains their aliases. */
  entities: z.array(Entity),
  /** Each article's mentions as they are to be: put over the mention of that id, where it still is. */
  articles: z.array(z.object({ id: Id, mentions: z.array(Mention) })),
})
export type JournalEntry = z.infer<typeof JournalEntry>

/** The change as a caller plans it; the store stamps it. */
export type JointChange = Omit<JournalEntry, 'v' | 'at'>

export const journalPath = (dir: string) => join(dir, JOURNAL_FILE)

export function writeJournal(dir: string, change: JointChange): Promise<number> {
  const entry: JournalEntry = { v: SCHEMA_VERSION, at: new Date().toISOString(), ...change }
  return writeFileAtomic(journalPath(dir), JSON.stringify(entry))
}

/** The change an interrupted write left, undefined when there is none; throws InvalidFileError when damaged. */
export async function readJournal(dir: string): Promise<JournalEntry | undefined> {
  const path = journalPath(dir)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined
    throw error
  }
  return parseJson(text, JournalEntry, path)
}

export async function clearJournal(dir: string): Promise<void> {
  await rm(journalPath(dir), { force: true })
  await fsyncDirectory(dir)
}

/** The entity list with the journal's entities in it: new ones added, known ones given their aliases. */
export function withJournalEntities(list: Entity[], entities: readonly Entity[]): boolean {
  let changed = false
  for (const entity of entities) {
    const known = list.find((e) => e.id === entity.id)
    if (!known) {
      list.push(structuredClone(entity))
      changed = true
      continue
    }
    for (const alias of entity.aliases)
      if (!known.aliases.includes(alias)) {
        known.aliases.push(alias)
        changed = true
      }
  }
  return changed
}

/** What making a joint change needs of the workspace. */
export interface JointTarget {
  summary(id: string): unknown
  updateEntities<T>(change: (entities: Entity[]) => { changed: boolean; result: T }): Promise<T>
  annotate<T>(
    id: string,
    plan: (article: Readonly<Article>) => { change: readonly AnnotationChange[]; result: T },
  ): Promise<T>
  withChangesHeld<T>(work: () => Promise<T>): Promise<T>
}

/**
 * The journal's change made, in order: the entities first, then each article's mentions, one append
 * per article. Every write is an upsert, so making it again after a crash changes only what had not
 * landed.
 */
export async function applyJointChange(
  ws: JointTarget,
  change: JointChange,
): Promise<{ articleId: string; mentionId: string }[]> {
  if (change.entities.length > 0)
    await ws.updateEntities((list) => ({
      changed: withJournalEntities(list, change.entities),
      result: undefined,
    }))
  const done: { articleId: string; mentionId: string }[] = []
  await ws.withChangesHeld(async () => {
    for (const { id, mentions } of change.articles) {
      if (mentions.length === 0 || !ws.summary(id)) continue
      done.push(
        ...(await ws.annotate(id, (article) => {
          const there = new Set(article.mentions.map((m) => m.id))
          const put = mentions.filter((m) => there.has(m.id))
          return {
            change: put.map((mention) => ({ op: 'put-mention' as const, mention })),
            result: put.map((m) => ({ articleId: id, mentionId: m.id })),
          }
        })),
      )
    }
  })
  return done
}

/** The joint changes of one workspace, one at a time: there is one journal file. */
export class JointChanges {
  private queue: Promise<unknown> = Promise.resolve()
  /** A change whose writes failed after its journal was written: finished before the next. */
  private unfinished: JointChange | undefined

  constructor(
    private readonly dir: string,
    private readonly ws: JointTarget,
  ) {}

  run(change: JointChange): Promise<{ articleId: string; mentionId: string }[]> {
    const run = this.queue
      .catch(() => {})
      .then(async () => {
        if (change.entities.length === 0 && change.articles.every((a) => a.mentions.length === 0)) return []
        if (this.unfinished) {
          await applyJointChange(this.ws, this.unfinished)
          await clearJournal(this.dir)
          this.unfinished = undefined
        }
        await writeJournal(this.dir, change)
        this.unfinished = change
        const done = await applyJointChange(this.ws, change)
        await clearJournal(this.dir)
        this.unfinished = undefined
        return done
      })
    this.queue = run
    return run
  }

  /** A change a crash interrupted is completed as the workspace opens; a damaged one is set aside. */
  async complete(problems: WorkspaceProblem[]): Promise<void> {
    let entry
    try {
      entry = await readJournal(this.dir)
    } catch (error) {
      if (!(error instanceof InvalidFileError)) throw error
      problems.push(await quarantine(this.dir, journalPath(this.dir), error.reason))
      return
    }
    if (!entry) return
    await applyJointChange(this.ws, entry)
    await clearJournal(this.dir)
  }
}
