// Where the analyst was reading: the open article and a position per article, kept in reading.json so
// the reader comes back to the same place after a restart. Positions are offsets of the canonical text
// (the first line on screen), which survive a different window size. A damaged file is quarantined
// like any other workspace file; losing it loses only the places.
import { join } from 'node:path'
import { z } from 'zod'
import { Id, type WorkspaceProblem } from '../../../shared/model'
import { writeError } from './fs-errors'
import { InvalidFileError, ValidatedJsonFile } from './json-file-adapter'
import { quarantine } from './quarantine'

export const READING_FILE = 'reading.json'
/** Places kept, most recent first; older ones are forgotten. */
const MAX_PLACES = 2000

export const ReadingState = z.object({
  openId: Id.nullable(),
  /** Article id → offset of the first text on screen, most recently read first. */
  places: z.array(z.tuple([Id, z.number().int().nonnegative()])),
})
export type ReadingState = z.infer<typeof ReadingState>

export class ReadingPlaces {
  private state: ReadingState = { openId: null, places: [] }
  private writes: Promise<void> = Promise.resolve()
  private readonly file: ValidatedJsonFile<ReadingState>

  private constructor(
    private readonly dir: string,
    private readonly readOnly: boolean,
  ) {
    this.file = new ValidatedJsonFile(join(dir, READING_FILE), ReadingState)
  }

  /** Reads reading.json; a damaged one is quarantined and reported in `problems`. */
  static async open(dir: string, readOnly: boolean, problems: WorkspaceProblem[]): Promise<ReadingPlaces> {
    const places = new ReadingPlaces(dir, readOnly)
    try {
      places.state = (await places.file.read()) ?? places.state
    } catch (error) {
      if (!(error instanceof InvalidFileError)) throw error
      problems.push(
        await quarantine(dir, join(dir, READING_FILE), error.reason, {
          readOnly,
          restored: 'the reader starts at the top of each article',
        }),
      )
    }
    return places
  }

  get(): { openId: string | null; place: number | null; places: Record<string, number> } {
    const open = this.state.openId
    const place = open ? (this.state.places.find(([id]) => id === open)?.[1] ?? null) : null
    return { openId: open, place, places: Object.fromEntries(this.state.places) }
  }

  /** Records the open article and, when given, its position; written durably before it resolves. */
  save(openId: string | null, place?: { articleId: string; offset: number }): Promise<void> {
    if (this.readOnly) return Promise.resolve()
    const places = place
      ? [
          [place.articleId, place.offset] as [string, number],
          ...this.state.places.filter(([id]) => id !== place.articleId),
        ]
      : this.state.places
    this.state = { openId, places: places.slice(0, MAX_PLACES) }
    const snapshot = this.state
    this.writes = this.writes.catch(() => {}).then(() => this.file.write(snapshot))
    return this.writes.catch((error: unknown) => {
      throw writeError(error, 'the reading position', this.dir)
    })
  }
}
