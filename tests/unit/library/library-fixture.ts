// A workspace in a temp folder with the real handlers, and the few steps the library tests repeat.
import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { createHandlers } from '../../../src/main/services/dossier'
import { Workspace } from '../../../src/main/services/store/workspace'
import { seedsDir, tempDir } from '../../helpers'

export type Handlers = ReturnType<typeof createHandlers>

export interface Library {
  dir: string
  workspace: Workspace
  handlers: Handlers
  /** Closes and opens the workspace again, as a restart would. */
  reopen(): Promise<void>
  importFile(path: string, name?: string): Promise<string>
  highlight(articleId: string, words: string, options?: { note?: string; codeId?: string }): Promise<string>
  tag(articleId: string, words: string, type?: 'Person' | 'Location' | 'Organization'): Promise<void>
}

/** Every seed story file (not the expected-entities list). */
export async function seedFiles(): Promise<string[]> {
  return (await readdir(seedsDir)).filter((n) => !n.endsWith('.json')).map((n) => join(seedsDir, n))
}

export function useLibrary(): Library {
  let dir: Awaited<ReturnType<typeof tempDir>>
  const library = {} as Library
  const open = async () => {
    library.workspace = await Workspace.open(dir.path)
    const printer = { print: async () => new Uint8Array(), close: async () => {} }
    library.handlers = createHandlers({
      workspace: library.workspace,
      printer,
      host: 'browser',
      samplesDir: dir.path,
    })
  }
  library.reopen = async () => {
    await library.workspace.close()
    await open()
  }
  library.importFile = async (path, name = basename(path)) => {
    const result = await library.handlers['import.upload']({ name, data: await readFile(path) })
    if (!result.articleId)
      throw new Error(`${name} was not imported: ${result.status} ${result.error?.message ?? ''}`)
    return result.articleId
  }
  library.highlight = async (articleId, words, options = {}) => {
    const { article } = await library.handlers['articles.get']({ id: articleId })
    const start = article.text.indexOf(words)
    if (start < 0) throw new Error(`"${words}" is not in the article`)
    const { highlight } = await library.handlers['highlights.create']({
      articleId,
      start,
      end: start + words.length,
      note: options.note ?? '',
      ...(options.codeId ? { codeId: options.codeId } : {}),
    })
    return highlight.id
  }
  library.tag = async (articleId, words, type = 'Person') => {
    const { article } = await library.handlers['articles.get']({ id: articleId })
    const start = article.text.indexOf(words)
    if (start < 0) throw new Error(`"${words}" is not in the article`)
    await library.handlers['mentions.create']({ articleId, start, end: start + words.length, type })
  }
  beforeEach(async () => {
    dir = await tempDir()
    library.dir = dir.path
    await open()
  })
  afterEach(async () => {
    await library.workspace.close()
    await dir.remove()
  })
  return library
}
