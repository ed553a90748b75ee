// Extracting an article again from its kept original, e.g. after the extractor improved. The text and
// what is read from it are replaced; what the analyst can edit is kept; every highlight and mention is
// re-anchored against the new text, and one that cannot be found stays, marked unanchored.
import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import type { ReextractResult } from '../../../shared/api'
import { DossierError } from '../../../shared/dossier-error'
import type { Article, Block, ExtractedArticle } from '../../../shared/model'
import { reanchorArticle } from '../anchor/reanchor'
import { collapseSpace } from '../anchor/collapse-space'
import { errnoOf, readFailure } from '../store/fs-errors'
import { originalPath, sha256 } from '../store/originals'
import type { Workspace } from '../store/workspace'
import { visibleText } from './boilerplate'
import type { Extractor } from './importer'
import { simhash } from './simhash'

async function readOriginal(workspace: Workspace, article: Article): Promise<Uint8Array> {
  const { original, title } = article
  const path = originalPath(workspace.dir, original.sha256, original.name)
  const file = relative(workspace.dir, path)
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    if (errnoOf(error) === 'ENOENT')
      throw new DossierError(
        'not-found',
        `The original of "${title}" (${file}) is missing, so it cannot be extracted again. The article is unchanged.`,
        file,
      )
    throw new DossierError(
      'permission-denied',
      `The original of "${title}" (${file}) could not be read because ${readFailure(error)}. The article is unchanged.`,
      file,
    )
  }
  if (sha256(bytes) !== original.sha256)
    throw new DossierError(
      'damaged-file',
      `The original of "${title}" (${file}) is no longer the file that was imported (its SHA-256 differs), so it was not extracted again. The article is unchanged.`,
      file,
    )
  return bytes
}

/** The new blocks, with the furniture the analyst restored (trimmed: false) still restored. */
function keepRestored(article: Article, extracted: ExtractedArticle): Block[] {
  const contentOf = (text: string, block: Block) => collapseSpace(text.slice(block.start, block.end)).trim()
  const restored = new Set(
    article.blocks.filter((b) => b.trimmed === false).map((b) => contentOf(article.text, b)),
  )
  return extracted.blocks.map((block) =>
    block.trimmed && restored.has(contentOf(extracted.text, block)) ? { ...block, trimmed: false } : block,
  )
}

/**
 * Replaces what extraction reads out of the text (text, blocks, inline marks, warnings, language,
 * direction, description, credits). Title, byline, date, source address, site name and tags are kept:
 * the analyst may have corrected them, and nothing records whether they did.
 */
export function replaceExtracted(article: Article, extracted: ExtractedArticle): void {
  article.blocks = keepRestored(article, extracted)
  article.text = extracted.text
  for (const key of ['inline', 'language', 'direction', 'description', 'credits'] as const) {
    if (extracted[key] === undefined) delete article[key]
    else Object.assign(article, { [key]: extracted[key] })
  }
  article.warnings = extracted.warnings
  article.simhash = simhash(visibleText(article.text, article.blocks))
}

export async function reextractArticle(
  workspace: Workspace,
  extractor: Extractor,
  id: string,
): Promise<ReextractResult> {
  workspace.assertWritable()
  const current = await workspace.readArticle(id)
  const bytes = await readOriginal(workspace, current)
  const { article: extracted } = await extractor(current.original.name, bytes)
  // Highlights made while the extractor ran are in the article by now, and are re-anchored with the rest.
  const counts = await workspace.updateArticle(id, (article) => {
    replaceExtracted(article, extracted)
    return reanchorArticle(article, { retryUnanchored: true })
  })
  return {
    article: workspace.summary(id)!,
    reanchored: { position: counts.position, quote: counts.quote, fuzzy: counts.fuzzy },
    unanchored: counts.unanchored,
  }
}
