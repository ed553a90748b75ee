// Import into a workspace: size limit, duplicate check by hash, extraction, the original kept
// byte for byte, and the new article saved. Every outcome is an ImportResult, never a throw.
import { open, readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ImportResult } from '../../../shared/api'
import { DossierError } from '../../../shared/errors'
import { SCHEMA_VERSION, type Article } from '../../../shared/model'
import { newId } from '../store/ids'
import { keepOriginal, sha256 } from '../store/originals'
import type { Workspace } from '../store/workspace'
import { extract } from './extract'

export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024

export interface ImporterOptions {
  maxFileBytes?: number
}

function failed(file: string, error: unknown): ImportResult {
  if (error instanceof DossierError) return { file, status: 'failed', error: error.toData() }
  const reason = error instanceof Error ? error.message : String(error)
  return {
    file,
    status: 'failed',
    error: { code: 'internal', message: `${file} could not be imported: ${reason}.`, file },
  }
}

function tooLarge(file: string, size: number, limit: number): DossierError {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`
  return new DossierError('too-large', `${file} is ${mb(size)}, over the ${mb(limit)} limit for one file; it was not read.`, file)
}

export class Importer {
  private readonly maxFileBytes: number
  /** Imports of the same bytes in one batch wait for each other, so the second is seen as a duplicate. */
  private readonly inFlight = new Map<string, Promise<ImportResult>>()

  constructor(
    private readonly workspace: Workspace,
    options: ImporterOptions = {},
  ) {
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  }

  async importBytes(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
    try {
      if (bytes.length > this.maxFileBytes) throw tooLarge(fileName, bytes.length, this.maxFileBytes)
      const hash = sha256(bytes)
      const pending = this.inFlight.get(hash)
      if (pending) await pending.catch(() => {})
      const existing = this.workspace.findBySha(hash)
      if (existing) return { file: fileName, status: 'duplicate', articleId: existing.id, title: existing.title }
      const work = this.store(fileName, hash, bytes)
      this.inFlight.set(hash, work)
      try {
        return await work
      } finally {
        this.inFlight.delete(hash)
      }
    } catch (error) {
      return failed(fileName, error)
    }
  }

  private async store(fileName: string, hash: string, bytes: Uint8Array): Promise<ImportResult> {
    const { article: extracted, mimeType } = extract(fileName, bytes)
    await keepOriginal(this.workspace.dir, hash, fileName, bytes)
    const now = new Date().toISOString()
    const article: Article = {
      ...extracted,
      schemaVersion: SCHEMA_VERSION,
      id: newId(),
      original: { name: fileName, sha256: hash, type: mimeType, size: bytes.length },
      highlights: [],
      mentions: [],
      importedAt: now,
      updatedAt: now,
    }
    await this.workspace.saveArticle(article)
    return { file: fileName, status: 'imported', articleId: article.id, title: article.title }
  }

  /** Imports files from disk; a folder is imported with everything in it. */
  async importPaths(paths: readonly string[]): Promise<ImportResult[]> {
    const results: ImportResult[] = []
    for (const path of paths) results.push(...(await this.importPath(path)))
    return results
  }

  private async importPath(path: string): Promise<ImportResult[]> {
    const name = basename(path)
    try {
      const info = await stat(path)
      if (info.isDirectory()) {
        const entries = (await readdir(path)).filter((n) => !n.startsWith('.')).sort()
        return this.importPaths(entries.map((n) => join(path, n)))
      }
      if (!info.isFile()) throw new DossierError('unsupported-type', `${name} is not a regular file.`, name)
      if (info.size > this.maxFileBytes) throw tooLarge(name, info.size, this.maxFileBytes)
      return [await this.importBytes(name, await readLimited(path, this.maxFileBytes))]
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return [failed(name, new DossierError('not-found', `${name} was not found at ${path}.`, name))]
      if (code === 'EACCES' || code === 'EPERM') {
        return [failed(name, new DossierError('not-found', `${name} could not be read: permission denied.`, name))]
      }
      return [failed(name, error)]
    }
  }
}

/** Reads a file but never more than `limit` bytes, even if it grew after it was measured. */
async function readLimited(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    if (size > limit) throw tooLarge(basename(path), size, limit)
    const buffer = new Uint8Array(size)
    let offset = 0
    while (offset < size) {
      const { bytesRead } = await handle.read(buffer, offset, size - offset, offset)
      if (bytesRead === 0) break
      offset += bytesRead
    }
    return buffer.subarray(0, offset)
  } finally {
    await handle.close()
  }
}
