// From the bytes of one file to what import would store: decides the format from the content,
// runs that format's extractor, then the steps every format shares (boilerplate, credits, title).
// Pure: no workspace, so the command line, the import workers and the tests all use it as is.
import { DossierError } from '../../../shared/dossier-error'
import type { ExtractedArticle } from '../../../shared/model'
import type { RecognisedEntity } from '../ner/recognise'
import { trimBoilerplate } from './boilerplate'
import { DOCX_MIME_TYPE, WORD_FILE_NAME } from './docx/word-file'
import { sniff } from './sniff'

// Each format's extractor is loaded with the first file of that format: a worker that reads one web
// page (`dossier extract page.html`) never loads the PDF, Word, Markdown or text readers. The loaded
// module is kept, so later files do not ask the module loader again: each `import()` resolves its
// specifier anew, which took half a millisecond per file under the bench's loader, and waits on the
// loader's own thread, so a busy machine made it a long wait.

/** A module loaded at the first call and kept; a load that failed is tried again at the next. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined
      throw error
    }))
}

const readers = {
  docx: once(() => import('./docx/extract-docx')),
  pdf: once(() => import('./pdf/extract-pdf')),
  html: once(() => import('./html/extract-html')),
  mhtml: once(() => import('./html/extract-mhtml')),
  text: once(() => import('./decode-text')),
  markdown: once(() => import('./parse-markdown')),
  seedText: once(() => import('./parse-text')),
}

export interface Extraction {
  article: ExtractedArticle
  /** The format as stored with the original, e.g. "text/plain". */
  mimeType: string
  /**
   * The entity recogniser's names in the article's text, every score, when asked for and the extraction
   * ran where the model is loaded (an import worker); absent otherwise, and the caller tags the text.
   */
  names?: RecognisedEntity[]
}

/** What a caller wants beside the article: `names`, the recogniser's names in its text. */
export interface ExtractWanted {
  names?: boolean
}

const MARKDOWN_NAME = /\.(?:md|markdown|mdown|mkd)$/i

async function extractFormat(fileName: string, bytes: Uint8Array): Promise<Extraction> {
  // Named .docx but not a zip at all (renamed text, a broken download): a damaged Word document, not text.
  if (WORD_FILE_NAME.test(fileName) && sniff(bytes) !== 'zip')
    throw (await readers.docx()).notAZip(fileName, bytes)
  switch (sniff(bytes)) {
    case 'pdf': {
      const { extractPdf } = await readers.pdf()
      return { article: await extractPdf(fileName, bytes), mimeType: 'application/pdf' }
    }
    case 'zip': {
      const { extractDocx } = await readers.docx()
      return { article: await extractDocx(fileName, bytes), mimeType: DOCX_MIME_TYPE }
    }
    case 'html': {
      const { extractHtml } = await readers.html()
      return { article: extractHtml(fileName, bytes), mimeType: 'text/html' }
    }
    case 'mhtml': {
      const { extractMhtml } = await readers.mhtml()
      return { article: await extractMhtml(fileName, bytes), mimeType: 'multipart/related' }
    }
    default: {
      const { decodeText } = await readers.text()
      const { text, warning } = decodeText(bytes, fileName)
      if (!text.trim()) {
        throw new DossierError('empty-file', `${fileName} is empty: it holds only white space.`, fileName)
      }
      const markdown = MARKDOWN_NAME.test(fileName)
      const article = markdown
        ? (await readers.markdown()).parseMarkdown(text)
        : (await readers.seedText()).parseText(text)
      if (warning) article.warnings.unshift(warning)
      return { article, mimeType: markdown ? 'text/markdown' : 'text/plain' }
    }
  }
}

/** The steps every format shares once its text and blocks exist. */
function finish(fileName: string, article: ExtractedArticle): ExtractedArticle {
  if (!article.text.trim()) {
    throw new DossierError('empty-file', `${fileName} has no article text that Dossier could find.`, fileName)
  }
  const { blocks, credits } = trimBoilerplate(article.text, article.blocks)
  const allCredits = [...(article.credits ?? []), ...credits.filter((c) => !article.credits?.includes(c))]
  return {
    ...article,
    title: article.title || fileName.replace(/\.[^.]+$/, ''),
    blocks,
    ...(allCredits.length ? { credits: allCredits } : {}),
  }
}

export async function extract(fileName: string, bytes: Uint8Array): Promise<Extraction> {
  if (bytes.length === 0)
    throw new DossierError('empty-file', `${fileName} is empty: there is nothing to import.`, fileName)
  const { article, mimeType } = await extractFormat(fileName, bytes)
  return { article: finish(fileName, article), mimeType }
}
