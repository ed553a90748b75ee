// The briefs of a workspace, one file each in briefs/<id>.json, all held in memory (a brief is small).
// Writes are atomic and serialised per brief; a damaged file is quarantined at opening and named, the
// other briefs still open; a removed brief waits in trash/briefs/ until it is restored.
import { mkdir, readdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { DossierError } from '../../../shared/errors'
import {
  Brief,
  BRIEF_SCHEMA_VERSION,
  summarizeBrief,
  type BriefContent,
  type BriefSummary,
} from '../../../shared/brief'
import type { WorkspaceProblem } from '../../../shared/model'
import { TRASH_DIR } from './article-file'
import { writeFileAtomic } from './atomic-write'
import { readFailure, writeError } from './fs-errors'
import { newId } from './ids'
import { quarantine } from './quarantine'

export const BRIEFS_DIR = 'briefs'
const BRIEF_FILE = /^([a-z0-9]{6,40})\.json$/

/** Why a brief file cannot be read, as a phrase for the analyst; undefined when it is a valid brief. */
function parseBrief(text: string): { brief?: Brief; reason?: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { reason: 'it is not valid JSON (damaged or cut short)' }
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof version === 'number' && version > BRIEF_SCHEMA_VERSION) {
    throw new DossierError(
      'newer-version',
      `A brief was written by a newer version of Dossier (brief format ${version}). Update Dossier to open this workspace; nothing was changed.`,
    )
  }
  const parsed = Brief.safeParse(value)
  if (parsed.success) return { brief: parsed.data }
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  return { reason: `its content does not match the brief format${where}` }
}

export class BriefFiles {
  private readonly briefs = new Map<string, Brief>()
  private readonly queues = new Map<string, Promise<unknown>>()

  private constructor(
    private readonly dir: string,
    private readonly assertWritable: () => void,
  ) {}

  static async open(options: {
    dir: string
    readOnly: boolean
    problems: WorkspaceProblem[]
    assertWritable: () => void
  }): Promise<BriefFiles> {
    const files = new BriefFiles(options.dir, options.assertWritable)
    const folder = join(options.dir, BRIEFS_DIR)
    const names = await readdir(folder).catch(() => [] as string[])
    for (const name of names.sort()) {
      if (!BRIEF_FILE.test(name)) continue
      const path = join(folder, name)
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        // A file it cannot read is left where it is and named; the other briefs open.
        const shown = join(BRIEFS_DIR, name)
        options.problems.push({
          file: shown,
          message: `${shown} could not be read because ${readFailure(error)}. It was left where it is; the other briefs are open.`,
        })
        continue
      }
      const { brief, reason } = parseBrief(text)
      if (brief && `${brief.id}.json` === name) files.briefs.set(brief.id, brief)
      else
        options.problems.push(
          await quarantine(options.dir, path, reason ?? 'its name does not match the brief inside it', {
            readOnly: options.readOnly,
          }),
        )
    }
    return files
  }

  list(): BriefSummary[] {
    return [...this.briefs.values()]
      .map(summarizeBrief)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title))
  }

  /** The stored brief: read only. */
  get(id: string): Brief {
    const brief = this.briefs.get(id)
    if (!brief) throw new DossierError('not-found', 'That brief is no longer in the workspace.')
    return brief
  }

  create(content: BriefContent): Promise<Brief> {
    const now = new Date().toISOString()
    const brief: Brief = {
      ...content,
      schemaVersion: BRIEF_SCHEMA_VERSION,
      id: newId(),
      createdAt: now,
      updatedAt: now,
    }
    return this.write(brief)
  }

  /** Replaces what the analyst wrote; the ids and the creation time stay. */
  save(id: string, content: BriefContent): Promise<Brief> {
    const current = this.get(id)
    const updatedAt = new Date(Math.max(Date.now(), Date.parse(current.updatedAt) + 1)).toISOString()
    return this.write({ ...current, ...content, updatedAt })
  }

  /** Moves the brief's file to trash/briefs/, from where restore brings it back. */
  remove(id: string): Promise<BriefSummary> {
    this.assertWritable()
    const brief = this.get(id)
    return this.enqueue(id, async () => {
      try {
        await mkdir(join(this.dir, TRASH_DIR, BRIEFS_DIR), { recursive: true })
        await rename(this.path(id), join(this.dir, TRASH_DIR, BRIEFS_DIR, `${id}.json`))
      } catch (error) {
        throw writeError(error, `the removal of the brief "${brief.title}"`, this.dir)
      }
      this.briefs.delete(id)
      return summarizeBrief(brief)
    })
  }

  restore(id: string): Promise<Brief> {
    this.assertWritable()
    return this.enqueue(id, async () => {
      const trashed = join(this.dir, TRASH_DIR, BRIEFS_DIR, `${id}.json`)
      const text = await readFile(trashed, 'utf8').catch(() => {
        throw new DossierError(
          'not-found',
          'That brief is not in the trash any more, so it cannot be restored.',
        )
      })
      const { brief, reason } = parseBrief(text)
      if (!brief)
        throw new DossierError(
          'damaged-file',
          `The removed brief cannot be restored: its copy in ${TRASH_DIR}/${BRIEFS_DIR}/${id}.json is damaged (${reason}). It was left there, untouched.`,
        )
      await mkdir(join(this.dir, BRIEFS_DIR), { recursive: true })
      await rename(trashed, this.path(id))
      this.briefs.set(id, brief)
      return brief
    })
  }

  /** Resolves once every write asked for so far has ended. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.queues.values()])
  }

  private path(id: string): string {
    return join(this.dir, BRIEFS_DIR, `${id}.json`)
  }

  private write(brief: Brief): Promise<Brief> {
    this.assertWritable()
    return this.enqueue(brief.id, async () => {
      try {
        await mkdir(join(this.dir, BRIEFS_DIR), { recursive: true })
        await writeFileAtomic(this.path(brief.id), JSON.stringify(brief))
      } catch (error) {
        throw writeError(error, `the brief "${brief.title}"`, this.dir)
      }
      this.briefs.set(brief.id, brief)
      return brief
    })
  }

  private enqueue<T>(id: string, work: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(id) ?? Promise.resolve()).catch(() => {}).then(work)
    this.queues.set(id, next)
    return next
  }
}
