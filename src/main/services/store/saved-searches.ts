// The analyst's saved searches, kept in searches.json: a name and a library query each. A damaged file is
// quarantined like any other workspace file and the list starts empty; losing it loses only the searches.
import { join } from 'node:path'
import { z } from 'zod'
import { DossierError } from '../../../shared/errors'
import { SavedSearch, type LibraryQuery } from '../../../shared/library'
import type { WorkspaceProblem } from '../../../shared/model'
import { writeError } from './fs-errors'
import { newId } from './ids'
import { InvalidFileError, ValidatedJsonFile } from './json-file-adapter'
import { quarantine } from './quarantine'

export const SEARCHES_FILE = 'searches.json'

const SearchesFile = z.object({ searches: z.array(SavedSearch) })
type SearchesFile = z.infer<typeof SearchesFile>

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

export class SavedSearches {
  private searches: SavedSearch[] = []
  private writes: Promise<unknown> = Promise.resolve()
  private readonly file: ValidatedJsonFile<SearchesFile>

  private constructor(
    private readonly dir: string,
    private readonly assertWritable: () => void,
  ) {
    this.file = new ValidatedJsonFile(join(dir, SEARCHES_FILE), SearchesFile)
  }

  /** Reads searches.json; a damaged one is quarantined and reported in `problems`. */
  static async open(options: {
    dir: string
    readOnly: boolean
    problems: WorkspaceProblem[]
    assertWritable: () => void
  }): Promise<SavedSearches> {
    const saved = new SavedSearches(options.dir, options.assertWritable)
    try {
      saved.searches = (await saved.file.read())?.searches ?? []
    } catch (error) {
      if (!(error instanceof InvalidFileError)) throw error
      options.problems.push(
        await quarantine(options.dir, join(options.dir, SEARCHES_FILE), error.reason, {
          readOnly: options.readOnly,
          restored: 'the saved searches start empty',
        }),
      )
    }
    return saved
  }

  /** By name, as the analyst finds them in a menu. */
  list(): SavedSearch[] {
    return [...this.searches].sort((a, b) => a.name.localeCompare(b.name))
  }

  /** Saves a search; one with the same name (in any case) is replaced, keeping its id. */
  save(name: string, query: LibraryQuery): Promise<SavedSearch> {
    return this.change(`the saved search "${name.trim()}"`, (searches) => {
      const existing = searches.find((s) => sameName(s.name, name))
      const search: SavedSearch = {
        id: existing?.id ?? newId(),
        name: name.trim(),
        query,
        createdAt: new Date().toISOString(),
      }
      return { searches: [...searches.filter((s) => s !== existing), search], result: search }
    })
  }

  remove(id: string): Promise<{ id: string }> {
    return this.change('the removal of a saved search', (searches) => {
      if (!searches.some((s) => s.id === id))
        throw new DossierError('not-found', 'That saved search is no longer there.')
      return { searches: searches.filter((s) => s.id !== id), result: { id } }
    })
  }

  /** Writes the changed list durably and only then keeps it; changes run one after another. */
  private change<T>(
    what: string,
    plan: (searches: readonly SavedSearch[]) => { searches: SavedSearch[]; result: T },
  ): Promise<T> {
    const run = this.writes
      .catch(() => {})
      .then(async () => {
        this.assertWritable()
        const { searches, result } = plan(this.searches)
        try {
          await this.file.write({ searches })
        } catch (error) {
          throw writeError(error, what, this.dir)
        }
        this.searches = searches
        return result
      })
    this.writes = run
    return run
  }

  /** Settles once every change asked for so far has. */
  async settled(): Promise<void> {
    await this.writes.catch(() => {})
  }
}
