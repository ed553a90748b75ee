// Reading one stored article: its file, then its annotation log replayed on top. A log with a damaged
// line keeps what can be read: those ops are folded into the article file, and the log itself goes to
// quarantine/ with a sentence saying so, never overwritten or deleted.
import { Article, type WorkspaceProblem } from '../../../shared/model'
import { replay } from './annotation-ops'
import { articlePath, writeArticleFile } from './article-file'
import { logPath, noLog, readLog, type LogState } from './article-log'
import { parseJson } from './json-file-adapter'
import { quarantine } from './quarantine'
import { readWhole } from './read-whole'

export interface LoadedArticle {
  article: Article
  log: LogState
  /** Size of the article file, for the compaction threshold. */
  bytes: number
  /** The later of the article file's and the log's modification times (an index row's savedAt). */
  savedAt: number
  /** A damaged log, set aside. */
  problem?: WorkspaceProblem
}

async function readArticleBytes(path: string): Promise<{ text: string; bytes: number; mtimeMs: number }> {
  const { data, mtimeMs } = await readWhole(path)
  return { text: data.toString('utf8'), bytes: data.length, mtimeMs }
}

/**
 * Throws what reading the article file throws (InvalidFileError, ENOENT, newer-version…). An article
 * whose file names another id is returned as read, without its log, for the caller to refuse.
 */
export async function loadArticle(
  workspaceDir: string,
  id: string,
  options: {
    readOnly: boolean
    /** The caller knows the article has no log: it is not looked for. */
    noLog?: boolean
  },
): Promise<LoadedArticle> {
  const path = articlePath(workspaceDir, id)
  const file = await readArticleBytes(path)
  const article = parseJson(file.text, Article, path)
  const loaded: LoadedArticle = { article, log: noLog(), bytes: file.bytes, savedAt: file.mtimeMs }
  if (article.id !== id || options.noLog) return loaded
  const log = await readLog(logPath(workspaceDir, id))
  if (!log) return loaded
  replay(article, log.ops)
  loaded.log = log.state
  loaded.savedAt = Math.max(file.mtimeMs, log.mtimeMs)
  if (!log.damage) return loaded

  const kept = `the article keeps the ${log.ops.length} ${log.ops.length === 1 ? 'change' : 'changes'} of it that could be read`
  if (!options.readOnly) {
    // The readable ops are made durable in the article file before their log leaves.
    loaded.savedAt = await writeArticleFile(workspaceDir, article)
    loaded.log = noLog()
  }
  loaded.problem = await quarantine(workspaceDir, logPath(workspaceDir, id), log.damage, {
    readOnly: options.readOnly,
    restored: kept,
  })
  return loaded
}
