// A saved web page to an article: decode, parse into an inert DOM, read the page's metadata, let
// Mozilla Readability find the article, then turn its DOM into text blocks. Nothing on the page runs
// and nothing is fetched: the DOM (inert-dom.ts) has no script engine and no resource loader, so
// scripts, handlers, frames, stylesheets and images stay inert markup that the block walk then drops.
import { Readability } from '@mozilla/readability'
import { DossierError } from '../../../../shared/dossier-error'
import type { ExtractedArticle } from '../../../../shared/model'
import { assembleText } from '../text-blocks'
import { chooseDirection, cleanByline } from './article-fields'
import { releaseChildLists } from './child-list-cache'
import { keepCodeLanguages } from './block-structure'
import { contentBlocks } from './content-blocks'
import { decodeHtml } from './decode-html'
import { SCREEN_READER_CLASSES } from './html-elements'
import { parseInert } from './inert-dom'
import { limitNesting, MAX_NESTING } from './limit-nesting'
import { languageTag, readPageMetadata } from './page-metadata'
import { chooseTitle } from './page-title'
import { firstDate } from './published-date'
import { dropRepeatedMetadata } from './tidy-blocks'

/** Where a page came from when the file itself says so outside the HTML (an MHTML header). */
export interface PageContext {
  /** The address the page was saved from, used when the page names no canonical URL. */
  location?: string
  /** The charset the container declared for the HTML, which outranks a <meta> (as HTTP's does). */
  charset?: string
}

function noText(fileName: string): DossierError {
  return new DossierError('empty-file', `${fileName} has no article text that Dossier could find.`, fileName)
}

function readArticle(
  fileName: string,
  html: string,
  doc: Document,
  location: string | undefined,
  warnings: string[],
): ExtractedArticle {
  // Read before Readability runs: it removes scripts (JSON-LD) and rewrites the document.
  const page = readPageMetadata(doc, location)
  keepCodeLanguages(doc, html)
  const result = new Readability<Element>(doc, {
    serializer: (node) => node as Element,
    classesToPreserve: SCREEN_READER_CLASSES,
  }).parse()
  if (!result?.content) throw noText(fileName)
  const siteName = result.siteName?.trim() || page.siteName
  const title = chooseTitle(result.title, page, siteName)
  const byline = cleanByline(result.byline) ?? cleanByline(page.author)
  const drafts = dropRepeatedMetadata(contentBlocks(result.content), title, byline)
  const { text, blocks, inline } = assembleText(drafts)
  if (!text.trim()) throw noText(fileName)
  const published = page.published ?? firstDate([result.publishedTime])
  const language = page.language ?? languageTag(result.lang)
  const direction = chooseDirection(result.dir, { ...page, language }, text)
  return {
    title: title ?? '',
    ...(byline ? { byline } : {}),
    ...(published ? { published } : {}),
    ...(page.sourceUrl ? { sourceUrl: page.sourceUrl } : {}),
    ...(siteName ? { siteName } : {}),
    ...(language ? { language } : {}),
    ...(direction ? { direction } : {}),
    ...(page.description ? { description: page.description } : {}),
    tags: [],
    text,
    blocks,
    ...(inline.length ? { inline } : {}),
    warnings,
  }
}

/** The HTML path shared by .html files and the page inside an MHTML file. */
export function articleFromHtml(
  fileName: string,
  html: string,
  context: PageContext = {},
  warnings: string[] = [],
): ExtractedArticle {
  const bounded = limitNesting(html)
  if (bounded.flattened)
    warnings.push(
      `The page nests its elements more than ${MAX_NESTING} levels deep; the deeper levels were flattened to read it.`,
    )
  try {
    return readArticle(fileName, bounded.html, parseInert(bounded.html), context.location, warnings)
  } catch (error) {
    // A stack overflow in the DOM or Readability on a pathological page becomes a sentence, not a crash.
    if (error instanceof RangeError) {
      throw new DossierError(
        'damaged-file',
        `${fileName} is built too deeply for Dossier to read. Save the article as plain text and import that.`,
        fileName,
      )
    }
    throw error
  } finally {
    releaseChildLists()
  }
}

export function extractHtml(
  fileName: string,
  bytes: Uint8Array,
  context: PageContext = {},
): ExtractedArticle {
  const decoded = decodeHtml(bytes, fileName, context.charset)
  return articleFromHtml(fileName, decoded.html, context, decoded.warning ? [decoded.warning] : [])
}
