// Opens a PDF with pdf.js for its text only (no fonts, no eval, no worker file, no network) and turns
// pdf.js's failures into sentences an analyst can act on.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { DossierError } from '../../../../shared/dossier-error'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let loading: Promise<PdfJs> | undefined

/** pdf.js is a few megabytes of code, so it is loaded with the first PDF rather than at start-up. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // In Node, pdf.js runs its "worker" on the main thread and would import() ./pdf.worker.mjs by a path
    // relative to itself, which breaks once main is bundled. The worker module sets globalThis.pdfjsWorker
    // when it loads, and pdf.js looks there first, so importing it here removes that lookup.
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return loading
}

/**
 * The Adobe character maps shipped with pdfjs-dist, read from disk: without them pdf.js cannot decode text
 * in CJK fonts that use a predefined CMap (UniJIS-UCS2-H and the like). A local folder, never a URL.
 */
function cMapFolder(): string | undefined {
  try {
    const require = createRequire(import.meta.url)
    return `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps')}/`
  } catch {
    return undefined
  }
}

export function damagedPdf(fileName: string, reason: string): DossierError {
  return new DossierError(
    'damaged-file',
    `${fileName} is a damaged PDF: ${reason}. Open it in a PDF reader; if it shows, print or save it as a new PDF and import that.`,
    fileName,
  )
}

const EOF_MARKER = '%%EOF'

/** Why pdf.js found no document: said from what the bytes look like, not from pdf.js's wording. */
function structureReason(bytes: Uint8Array): string {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)))
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 16)))
  if (!/\d+\s+\d+\s+obj\b/.test(head)) return 'it starts like a PDF, but what follows is not PDF data'
  if (!tail.includes(EOF_MARKER))
    return 'the file is cut short (its end is missing, as after an interrupted download)'
  return 'its internal structure cannot be read'
}

function openError(fileName: string, bytes: Uint8Array, error: unknown): DossierError {
  const name = (error as { name?: string } | undefined)?.name
  if (name === 'PasswordException') {
    return new DossierError(
      'unsupported-type',
      `${fileName} is protected by a password, so Dossier cannot read its text. Open it in a PDF reader, save a copy without the password (or print it to a new PDF) and import that.`,
      fileName,
    )
  }
  if (name === 'InvalidPDFException') return damagedPdf(fileName, structureReason(bytes))
  return damagedPdf(fileName, 'pdf.js could not read it')
}

/** Opens the document; the caller must destroy() it. */
export async function openPdf(fileName: string, bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs()
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given, so it gets a copy and the caller keeps its bytes.
    // new Uint8Array() rather than slice(): a Node Buffer's slice() is a view, and pdf.js refuses Buffers.
    data: new Uint8Array(bytes),
    // Text only: never compile fonts to functions, load font faces or look for system fonts.
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    useWorkerFetch: false,
    cMapUrl: cMapFolder(),
    cMapPacked: true,
    // pdf.js logs every recoverable oddity with console.log; only errors, and those reach us as rejections.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  })
  try {
    return await task.promise
  } catch (error) {
    await task.destroy().catch(() => undefined)
    throw openError(fileName, bytes, error)
  }
}
