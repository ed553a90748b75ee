// Opening reads the folder of article files against the index: new or changed files are read, damaged
// ones quarantined, and anything odd (a link, a folder, an unreadable or foreign file) skipped and named,
// so one strange entry never keeps the rest of the workspace from opening. An article's annotation log
// (<id>.log) is part of it: its changes count in the row, and its mtime in telling a stale row.
import { lstat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { DossierError } from '../../../shared/errors'
import { Id, type Article, type ArticleSummary, type WorkspaceProblem } from '../../../shared/model'
import { ARTICLES_DIR } from './article-file'
import { LOG_SUFFIX, logPath } from './article-log'
import { readFailure } from './fs-errors'
import { InvalidFileError } from './json-file-adapter'
import { loadArticle } from './load-article'
import { ORIGINALS_DIR } from './originals'
import { quarantine } from './quarantine'

export interface ScanOptions {
  /** Read every file, not only new and changed ones (rebuilding after the index was lost). */
  readAll: boolean
  readOnly: boolean
  /** Called with every article read (its file with its log replayed). */
  onArticle?(article: Article): void
  /** Whether a removed article's file is in the trash (then its row simply goes). */
  inTrash(id: string): Promise<boolean>
  summarize(article: Article, savedAt: number): ArticleSummary
}

export interface ScanResult {
  changed: boolean
  problems: WorkspaceProblem[]
  /** The ids with a log in the folder, when it could be read. */
  logs?: Set<string>
}

/** At most this many files are open at once, whatever the size of the workspace. */
const PARALLEL_READS = 16

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const lane = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

function skipped(name: string, why: string): WorkspaceProblem {
  const file = `${ARTICLES_DIR}/${name}`
  return {
    file,
    message: `${file} was skipped because ${why}. It was left where it is; the rest of the workspace is open.`,
  }
}

/** Brings `rows` in line with the article files; returns whether the index must be rewritten. */
export async function scanArticles(
  workspaceDir: string,
  rows: Map<string, ArticleSummary>,
  options: ScanOptions,
): Promise<ScanResult> {
  const dir = join(workspaceDir, ARTICLES_DIR)
  const problems: WorkspaceProblem[] = []
  let changed = false
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    problems.push({
      file: ARTICLES_DIR,
      message: `The folder of article files (${ARTICLES_DIR}/) could not be read because ${readFailure(error)}, so the library is empty. Fix it and open the workspace again; nothing was changed.`,
    })
    return { changed: false, problems }
  }
  /** Ids whose file was found, good or bad: every other row's file is missing. */
  const accounted = new Set<string>()
  const drop = (id: string) => {
    if (rows.delete(id)) changed = true
  }
  const logs = new Set(names.filter((n) => n.endsWith(LOG_SUFFIX)).map((n) => n.slice(0, -LOG_SUFFIX.length)))

  await eachLimited(names, PARALLEL_READS, async (name) => {
    const path = join(dir, name)
    // Temp files of interrupted writes (.<id>.json.<hex>.tmp) were swept before the scan.
    if (!name.endsWith('.json')) return
    const id = name.slice(0, -'.json'.length)
    if (!Id.safeParse(id).success) {
      problems.push(skipped(name, 'its name is not one Dossier gives article files'))
      return
    }
    accounted.add(id)
    let info
    try {
      info = await lstat(path)
    } catch (error) {
      drop(id)
      problems.push(skipped(name, readFailure(error)))
      return
    }
    const odd = info.isSymbolicLink()
      ? 'it is a link, not a file Dossier wrote'
      : info.isDirectory()
        ? 'it is a folder, not a file'
        : info.isFile()
          ? undefined
          : 'it is not a regular file'
    if (odd) {
      drop(id)
      problems.push(skipped(name, odd))
      return
    }
    const row = rows.get(id)
    let changedAt = info.mtimeMs
    if (logs.has(id)) {
      const log = await lstat(logPath(workspaceDir, id)).catch(() => undefined)
      if (log) changedAt = Math.max(changedAt, log.mtimeMs)
    }
    if (row && changedAt <= row.savedAt && !options.readAll) return
    try {
      const { article, savedAt, problem } = await loadArticle(workspaceDir, id, {
        readOnly: options.readOnly,
        noLog: !logs.has(id),
      })
      if (article.id !== id) {
        drop(id)
        problems.push(skipped(name, `it holds another article (${article.id}) under this name`))
        return
      }
      if (problem) problems.push(problem)
      rows.set(id, options.summarize(article, savedAt))
      changed = true
      options.onArticle?.(article)
    } catch (error) {
      drop(id)
      if (error instanceof InvalidFileError) {
        problems.push(await quarantine(workspaceDir, path, error.reason, { readOnly: options.readOnly }))
        // Its log means nothing without it: it goes along, so nothing is left to replay on another file.
        if (logs.has(id))
          problems.push(
            await quarantine(workspaceDir, logPath(workspaceDir, id), 'its article file is damaged', {
              readOnly: options.readOnly,
            }),
          )
      } else if (error instanceof DossierError && error.code === 'newer-version') {
        problems.push(
          skipped(
            name,
            'it was written by a newer version of Dossier; update Dossier to read it (the file is untouched)',
          ),
        )
      } else {
        problems.push(skipped(name, readFailure(error)))
      }
    }
  })

  for (const [id, row] of rows) {
    if (accounted.has(id)) continue
    drop(id)
    if (await options.inTrash(id)) continue
    problems.push({
      file: `${ARTICLES_DIR}/${id}.json`,
      message: `The article file of "${row.title}" (${ARTICLES_DIR}/${id}.json) is missing, so it was taken out of the library. Its original is still in ${ORIGINALS_DIR}/; import it again to get it back.`,
    })
  }
  return { changed, problems, logs }
}
