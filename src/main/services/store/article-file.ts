// One article per file: reading validates against the schema, writing is atomic.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Article } from '../../../shared/model'
import { writeFileAtomic } from './atomic-write'
import { parseJson } from './json-file-adapter'

export const ARTICLES_DIR = 'articles'
/** Removed articles, one whole file each, until they are restored. */
export const TRASH_DIR = 'trash'

export function articlePath(workspaceDir: string, id: string): string {
  return join(workspaceDir, ARTICLES_DIR, `${id}.json`)
}

export async function readArticleFile(path: string): Promise<Article> {
  return parseJson(await readFile(path, 'utf8'), Article, path)
}

export function serializeArticle(article: Article): string {
  return JSON.stringify(article)
}

/** Writes the article durably and returns the file's modification time. */
export function writeArticleFile(workspaceDir: string, article: Article): Promise<number> {
  return writeFileAtomic(articlePath(workspaceDir, article.id), serializeArticle(article))
}
