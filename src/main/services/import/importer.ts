// Import into a workspace: size limit, duplicate check by hash, extraction (in worker threads when
// a pool is given), the original kept byte for byte, the new article saved, and a likely duplicate
// named. Every outcome is an ImportResult, never a throw.
import { open, readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ImportResult } from '../../../shared/api'
import { DossierError } from '../../../shared/dossier-error'
import { ARTICLE_FILE } from '../../../shared/formats'
import { SCHEMA_VERSION, type Article, type Block } from '../../../shared/model'
import { errnoOf, readFailure, writeError } from '../store/fs-errors'
import { newId } from '../store/ids'
import { keepOriginal, sha256 } from '../store/originals'
import type { Workspace } from '../store/workspace'
import { visibleText } from './boilerplate'
import type { RecognisedEntity } from '../ner/recognise'
import type { Extraction, ExtractWanted } from './extract'
import { hammingDistance, SAME_STORY_BITS, similarity, simhash } from './simhash'
import { applySiteMemory, emptyMemory, recentOfSite, remember, siteKey } from './site-furniture'

import { DEFAULT_MAX_FILE_BYTES, tooLarge } from './file-limit'

export { DEFAULT_MAX_FILE_BYTES, maxFileBytesFrom, tooLarge } from './file-limit'

export type Extractor = (fileName: string, bytes: Uint8Array, wanted?: ExtractWanted) => Promise<Extraction>

/** Decides whether a path may be read; throws a DossierError (named for the file) when it may not. */
export type Admit = (path: string) => Promise<unknown>

export interface ImporterOptions {
  maxFileBytes?: number
  /** Where extraction runs; in-process by default, a worker pool in the apps. */
  extractor?: Extractor
  /**
   * Adds to a new article, just before its first save, what the workspace knows (suggested mentions);
   * `names` are the recogniser's names in its text when the extractor found them (in a worker).
   */
  prepare?: (article: Article, names: RecognisedEntity[] | undefined) => void
}

export function failed(file: string, error: unknown): ImportResult {
  if (error instanceof DossierError) return { file, status: 'failed', error: error.toData() }
  const reason = error instanceof Error ? error.message : String(error)
  return {
    file,
    status: 'failed',
    error: { code: 'internal', message: `${file} could not be imported: ${reason}.`, file },
  }
}

function ioFailure(name: string, path: string, error: unknown): ImportResult {
  if (errnoOf(error) === 'ENOENT')
    return failed(name, new DossierError('not-found', `${name} was not found at ${path}.`, name))
  return failed(
    name,
    new DossierError('not-found', `${name} could not be read: ${readFailure(error)}.`, name),
  )
}

/**
 * Extraction on this thread, for callers without a worker pool (tests, tools). Loaded on first use:
 * the extractors and their DOM are most of the code there is, and the apps extract in workers.
 */
const extractInProcess: Extractor = async (fileName, bytes) =>
  (await import('./extract')).extract(fileName, bytes)

export class Importer {
  readonly maxFileBytes: number
  /** Where extraction runs: also used to extract an article again from its original. */
  readonly extractor: Extractor
  private readonly prepare: ImporterOptions['prepare']
  /** Imports of the same bytes in one batch wait for each other, so the second is seen as a duplicate. */
  private readonly inFlight = new Map<string, Promise<ImportResult>>()
  /** Comparing with the library and saving run one at a time, so two copies in one batch see each other. */
  private saving: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly workspace: Workspace,
    options: ImporterOptions = {},
  ) {
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
    this.extractor = options.extractor ?? extractInProcess
    this.prepare = options.prepare
  }

  async importBytes(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
    try {
      this.workspace.assertWritable()
      if (bytes.length > this.maxFileBytes) throw tooLarge(fileName, bytes.length, this.maxFileBytes)
      const hash = sha256(bytes)
      const pending = this.inFlight.get(hash)
      if (pending) await pending.catch(() => {})
      const existing = this.workspace.findBySha(hash)
      if (existing)
        return { file: fileName, status: 'duplicate', articleId: existing.id, title: existing.title }
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
    // The recogniser runs beside the extraction, in the worker that has the text, when it is wanted.
    const {
      article: extracted,
      mimeType,
      names,
    } = await this.extractor(fileName, bytes, {
      names: this.prepare !== undefined,
    })
    await keepOriginal(this.workspace.dir, hash, fileName, bytes).catch((error: unknown) => {
      throw writeError(error, `${fileName} (its original copy)`, this.workspace.dir)
    })
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
    const save = this.saving.then(async () => {
      // In the queue, so the articles of one batch learn from each other.
      article.blocks = await this.siteBlocks(article)
      article.simhash = simhash(visibleText(article.text, article.blocks))
      const similarTo = this.sameStory(article)
      // A suggestion is a help, never a reason for an import to fail.
      try {
        this.prepare?.(article, names)
      } catch {
        article.mentions = []
      }
      await this.workspace.saveArticle(article)
      return similarTo
    })
    this.saving = save.catch(() => {})
    const similarTo = await save
    return {
      file: fileName,
      status: 'imported',
      articleId: article.id,
      title: article.title,
      ...(similarTo ? { similarTo } : {}),
    }
  }

  /** The article's blocks after what the site's other articles teach (site-furniture.ts). */
  private async siteBlocks(article: Article): Promise<Block[]> {
    const key = siteKey(article)
    if (!key) return article.blocks
    const memory = emptyMemory()
    for (const row of recentOfSite(this.workspace.articles, key)) {
      try {
        remember(memory, await this.workspace.readArticle(row.id))
      } catch {
        // An article that cannot be read teaches nothing; the import goes on.
      }
    }
    return applySiteMemory(article, memory)
  }

  /** The closest article already in the workspace, if it is the same story. */
  private sameStory(article: Article): ImportResult['similarTo'] {
    const fingerprint = article.simhash
    if (!fingerprint) return undefined
    let best: { articleId: string; title: string; distance: number; simhash: string } | undefined
    for (const row of this.workspace.articles) {
      if (!row.simhash) continue
      const distance = hammingDistance(fingerprint, row.simhash)
      if (distance <= SAME_STORY_BITS && (!best || distance < best.distance)) {
        best = { articleId: row.id, title: row.title, distance, simhash: row.simhash }
      }
    }
    return (
      best && {
        articleId: best.articleId,
        title: best.title,
        similarity: similarity(fingerprint, best.simhash),
      }
    )
  }

  /**
   * Files to import under the given paths. Files named directly are all tried (their content decides);
   * inside folders only article formats are taken, and hidden entries are passed over. With `admit`,
   * every path is checked before it is opened, folder entries too (a symlink may lead elsewhere).
   */
  async expand(
    paths: readonly string[],
    admit?: Admit,
  ): Promise<{ files: string[]; skipped: ImportResult[]; ignored: string[] }> {
    const files: string[] = []
    const skipped: ImportResult[] = []
    const ignored: string[] = []
    const walk = async (path: string, inFolder: boolean): Promise<void> => {
      try {
        if (admit) await admit(path)
      } catch (error) {
        skipped.push(failed(basename(path), error))
        return
      }
      try {
        const info = await stat(path)
        if (info.isDirectory()) {
          const entries = (await readdir(path)).filter((n) => !n.startsWith('.')).sort()
          for (const entry of entries) await walk(join(path, entry), true)
        } else if (inFolder && !ARTICLE_FILE.test(path)) ignored.push(path)
        else if (info.isFile()) files.push(path)
        else
          skipped.push(
            failed(
              basename(path),
              new DossierError('unsupported-type', `${basename(path)} is not a regular file.`),
            ),
          )
      } catch (error) {
        skipped.push(ioFailure(basename(path), path, error))
      }
    }
    for (const path of paths) await walk(path, false)
    return { files, skipped, ignored }
  }

  /** Imports files from disk; a folder is imported with everything in it. */
  async importPaths(paths: readonly string[], admit?: Admit): Promise<ImportResult[]> {
    const { files, skipped } = await this.expand(paths, admit)
    const results = [...skipped]
    for (const path of files) results.push(await this.importFile(path))
    return results
  }

  async importFile(path: string): Promise<ImportResult> {
    const name = basename(path)
    let bytes: Uint8Array
    try {
      bytes = await readLimited(path, this.maxFileBytes)
    } catch (error) {
      return error instanceof DossierError ? failed(name, error) : ioFailure(name, path, error)
    }
    return this.importBytes(name, bytes)
  }
}

/** Reads a file but never more than `limit` bytes: a file over the limit is refused before it is read. */
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
