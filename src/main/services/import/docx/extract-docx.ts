// Word import: checks the zip really is a Word document, converts it with mammoth (styles mapped so Title
// and Heading styles become headings and Caption stays a caption), then reads the HTML into blocks.
import { DossierError } from '../../../../shared/dossier-error'
import type { ExtractedArticle } from '../../../../shared/model'
import { guessTitle } from '../guess-title'
import { parseInert } from '../html/inert-dom'
import { sourceUrlOf } from '../source-line'
import { binaryKind } from '../sniff'
import { assembleText, normalizeSpace, type DraftBlock } from '../text-blocks'
import { wordBlocks, type WordBlock } from './html-blocks'
import { WORD_FILE_NAME } from './word-file'
import { zipEntryNames } from './zip-entries'


/** Word styles mammoth does not map by default. The first matching line wins, and these come before mammoth's own. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='caption'] => p.caption:fresh",
  "p[style-name='Image Caption'] => p.caption:fresh",
  "p[style-name='Figure Caption'] => p.caption:fresh",
  "p[style-name='Table Caption'] => p.caption:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Code'] => pre:separator('\\n')",
  "p[style-name='Source Code'] => pre:separator('\\n')",
  "p[style-name='HTML Preformatted'] => pre:separator('\\n')",
  "r[style-name='Emphasis'] => em",
  "r[style-name='Intense Emphasis'] => em",
  "r[style-name='Strong Emphasis'] => strong",
]

interface MammothMessage {
  type: 'warning' | 'error'
  message: string
}

const MESSAGE_WARNINGS: ReadonlyArray<[RegExp, string]> = [
  [
    /^An unrecognised element was ignored/i,
    'Some content Dossier cannot read (such as equations or embedded objects) was left out of the text.',
  ],
  [
    /unsupported character was ignored/i,
    'Some symbol characters (from fonts such as Symbol or Wingdings) could not be read and were left out.',
  ],
]

/** mammoth's messages that mean text may be missing; unknown styles, table merging and field codes are not the analyst's business. */
function analystWarnings(messages: readonly MammothMessage[]): string[] {
  const warnings = new Set<string>()
  for (const { type, message } of messages) {
    const rule = MESSAGE_WARNINGS.find(([pattern]) => pattern.test(message))
    if (rule) warnings.add(rule[1])
    else if (type === 'error')
      warnings.add('Part of the Word document could not be read, so some text may be missing.')
  }
  return [...warnings]
}

export function damagedWordDocument(fileName: string, reason: string): DossierError {
  return new DossierError(
    'damaged-file',
    `${fileName} is a damaged Word document: ${reason}. Open it in Word or LibreOffice; if it opens, save it again as .docx and import that.`,
    fileName,
  )
}

/** For a file named .docx whose bytes are not a zip at all (renamed text, an old .doc, a broken download). */
export function notAZip(fileName: string, bytes: Uint8Array): DossierError {
  const kind = binaryKind(bytes)
  return damagedWordDocument(
    fileName,
    kind ? `it is really ${kind}, not a .docx file` : 'it is not a zip archive, as every .docx file is',
  )
}

/** Throws unless the zip's directory lists the main part of a Word document. */
function checkWordZip(fileName: string, bytes: Uint8Array): void {
  const names = zipEntryNames(bytes)
  const claimsWord = WORD_FILE_NAME.test(fileName)
  if (!names) {
    if (claimsWord) throw damagedWordDocument(fileName, 'its zip structure is broken or cut short')
    throw new DossierError(
      'damaged-file',
      `${fileName} is a damaged zip archive: its directory cannot be read.`,
      fileName,
    )
  }
  if (names.some((n) => n.toLowerCase() === 'word/document.xml')) return
  if (claimsWord)
    throw damagedWordDocument(fileName, 'it is a zip archive without the document inside (word/document.xml)')
  throw new DossierError(
    'unsupported-type',
    `${fileName} is a zip archive, not a Word document, so Dossier cannot import it. Unpack it and import the articles inside (.docx, .pdf, .txt, .md or web pages).`,
    fileName,
  )
}

/** The article title: the first block in the Title style or Heading 1, when it opens the document's headings. */
function titleIndex(blocks: readonly WordBlock[]): number {
  return blocks.findIndex((b) => b.kind === 'heading' && (b.titleStyle || b.level === 1))
}

function toDrafts(blocks: readonly WordBlock[], title: number): { drafts: DraftBlock[]; sourceUrl?: string } {
  const drafts: DraftBlock[] = []
  let sourceUrl: string | undefined
  blocks.forEach((block, i) => {
    if (i === title) return
    const source = sourceUrl ? undefined : sourceUrlOf(block.text)
    if (source && block.kind !== 'heading') {
      sourceUrl = source
      return
    }
    // An all-italic paragraph right under the title or a picture is the picture's caption.
    const captionByPlace =
      block.kind === 'paragraph' && block.allItalic && (block.afterImage || (title >= 0 && i === title + 1))
    const kind = captionByPlace ? 'caption' : block.kind
    // A caption in italics is italic as a whole, which its kind already says: no mark over all of it.
    const marks =
      kind === 'caption' && block.allItalic ? block.marks?.filter((m) => m.kind !== 'emphasis') : block.marks
    const { titleStyle: _title, allItalic: _italic, afterImage: _image, marks: _marks, ...structure } = block
    drafts.push({ ...structure, kind, ...(marks?.length ? { marks } : {}) })
  })
  return { drafts, sourceUrl }
}

async function convert(fileName: string, bytes: Uint8Array): Promise<{ html: string; warnings: string[] }> {
  const mammoth = (await import('mammoth')).default
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // A style map stored inside the file would let the document decide how it is read.
        includeEmbeddedStyleMap: false,
        // Pictures are not kept; an empty source skips base64-encoding every image only to drop it.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
      },
    )
    return { html: result.value, warnings: analystWarnings(result.messages) }
  } catch {
    throw damagedWordDocument(fileName, 'its contents could not be read')
  }
}

export async function extractDocx(fileName: string, bytes: Uint8Array): Promise<ExtractedArticle> {
  checkWordZip(fileName, bytes)
  const { html, warnings } = await convert(fileName, bytes)
  const blocks = wordBlocks(parseInert(`<body>${html}</body>`).body)
  const title = titleIndex(blocks)
  const { drafts, sourceUrl } = toDrafts(blocks, title)
  let titleText = title >= 0 ? normalizeSpace(blocks[title]!.text) : undefined
  if (!titleText) {
    titleText = guessTitle(drafts)
    if (titleText)
      warnings.push(
        'The document has no title or first heading, so the title was taken from its first sentence.',
      )
  }
  return {
    title: titleText ?? '',
    ...(sourceUrl ? { sourceUrl } : {}),
    tags: [],
    warnings,
    ...assembleText(drafts),
  }
}
