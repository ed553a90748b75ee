// A lowdb adapter that validates on read and writes atomically, so dossier.json is never half written.
import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import type { z } from 'zod'
import { writeFileAtomic } from './atomic-write'
import { migrate } from './migrations'

export class InvalidFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(reason)
    this.name = 'InvalidFileError'
  }
}

/** Parses and validates JSON text; the reason is a short phrase for the analyst. */
export function parseJson<T>(text: string, schema: z.ZodType<T>, path: string): T {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new InvalidFileError(path, 'it is not valid JSON (damaged or cut short)')
  }
  const parsed = schema.safeParse(migrate(value, path))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
    throw new InvalidFileError(path, `its content does not match the expected format${where}`)
  }
  return parsed.data
}

export class ValidatedJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly path: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  async read(): Promise<T | null> {
    return (await this.readWithText())?.data ?? null
  }

  /** The validated data and the exact text it was read from (for a backup of a file known to be good). */
  async readWithText(): Promise<{ data: T; text: string } | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return { data: parseJson(text, this.schema, this.path), text }
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(data))
  }
}
