// From the bytes of one file to what import would store: decides the format from the content,
// decodes, and parses. Pure: no workspace, so the command line and tests use it as is.
import { DossierError } from '../../../shared/errors'
import type { ExtractedArticle } from '../../../shared/model'
import { decodeText } from './decode-text'
import { parseMarkdown } from './parse-markdown'
import { parseText } from './parse-text'
import { sniff } from './sniff'

export interface Extraction {
  article: ExtractedArticle
  /** The format as stored with the original, e.g. "text/plain". */
  mimeType: string
}

const MARKDOWN_NAME = /\.(?:md|markdown|mdown|mkd)$/i

function notYet(fileName: string, what: string): DossierError {
  return new DossierError(
    'unsupported-type',
    `${fileName} is ${what}, which Dossier cannot import yet. Save it as plain text (.txt) or Markdown (.md) and import that.`,
    fileName,
  )
}

export function extract(fileName: string, bytes: Uint8Array): Extraction {
  if (bytes.length === 0) throw new DossierError('empty-file', `${fileName} is empty: there is nothing to import.`, fileName)
  switch (sniff(bytes)) {
    case 'pdf':
      throw notYet(fileName, 'a PDF')
    case 'zip':
      throw notYet(fileName, /\.docx$/i.test(fileName) ? 'a Word document' : 'a zip archive')
    case 'html':
      throw notYet(fileName, 'a web page')
    default:
      break
  }
  const { text } = decodeText(bytes, fileName)
  if (!text.trim()) {
    throw new DossierError('empty-file', `${fileName} is empty: it holds only white space.`, fileName)
  }
  const markdown = MARKDOWN_NAME.test(fileName)
  const article = markdown ? parseMarkdown(text) : parseText(text)
  if (!article.text) {
    throw new DossierError('empty-file', `${fileName} has no article text once its title and links are read.`, fileName)
  }
  if (!article.title) article.title = fileName.replace(/\.[^.]+$/, '')
  return { article, mimeType: markdown ? 'text/markdown' : 'text/plain' }
}
