// A page saved as one file (MHTML, RFC 2557: MIME multipart/related) to an article: postal-mime
// splits and decodes the parts, the root text/html part goes through the HTML path, and the address
// the page was saved from (Snapshot-Content-Location, Content-Location) is its source if it names none.
import PostalMime from 'postal-mime'
import { DossierError } from '../../../../shared/dossier-error'
import type { ExtractedArticle } from '../../../../shared/model'
import { httpUrl } from '../parse-text'
import { articleFromHtml, extractHtml } from './extract-html'

/** The part of postal-mime's parse tree that is read here (its MimeNode, not in its typings). */
interface MimePart {
  headers: Array<{ key: string; value: string }>
  contentType: { parsed?: { value?: string; params?: Record<string, string> }; multipart?: string | false }
  contentId?: string
  content?: ArrayBuffer | Uint8Array | null
  childNodes: MimePart[]
}

function isMimePart(value: unknown): value is MimePart {
  const part = value as Partial<MimePart> | undefined
  return (
    !!part &&
    Array.isArray(part.headers) &&
    Array.isArray(part.childNodes) &&
    typeof part.contentType === 'object'
  )
}

function header(part: MimePart, key: string): string | undefined {
  return part.headers.find((h) => h.key === key)?.value
}

function typeOf(part: MimePart): string {
  return (part.contentType.parsed?.value ?? '').toLowerCase()
}

/** RFC 2387: the root of multipart/related is the part its `start` names, else the first part. */
function rootHtml(top: MimePart): MimePart | undefined {
  let node: MimePart | undefined = top
  for (let depth = 0; node && depth < 16; depth++) {
    if (typeOf(node) === 'text/html') return node
    if (!node.contentType.multipart) return undefined
    const start: string | undefined = node.contentType.parsed?.params?.start?.replace(/^<|>$/g, '')
    const named: MimePart | undefined = start
      ? node.childNodes.find((c) => c.contentId?.replace(/^<|>$/g, '') === start)
      : undefined
    // In multipart/alternative the richest form, usually HTML, is the last part.
    node =
      named ??
      (node.contentType.multipart === 'alternative'
        ? node.childNodes.find((c) => typeOf(c) === 'text/html')
        : node.childNodes[0])
  }
  return undefined
}

function bytesOf(content: ArrayBuffer | Uint8Array): Uint8Array {
  return content instanceof Uint8Array ? content : new Uint8Array(content)
}

export async function extractMhtml(fileName: string, bytes: Uint8Array): Promise<ExtractedArticle> {
  const parser = new PostalMime({ attachmentEncoding: 'arraybuffer', maxNestingDepth: 32 })
  let email: Awaited<ReturnType<PostalMime['parse']>>
  try {
    email = await parser.parse(bytes)
  } catch {
    throw new DossierError(
      'damaged-file',
      `${fileName} looks like a saved web page (MHTML) but its parts cannot be read. Open it in a browser and save it again.`,
      fileName,
    )
  }
  const top: unknown = (parser as unknown as { root?: unknown }).root
  const root = isMimePart(top) ? top : undefined
  const part = root ? rootHtml(root) : undefined
  const topHeader = (key: string) => email.headers.find((h) => h.key === key)?.value
  const location =
    httpUrl((part && header(part, 'content-location')) ?? '') ??
    httpUrl(topHeader('snapshot-content-location') ?? '') ??
    httpUrl(topHeader('content-location') ?? '')
  const context = location ? { location } : {}
  if (part?.content) {
    const charset = part.contentType.parsed?.params?.charset
    return extractHtml(fileName, bytesOf(part.content), charset ? { ...context, charset } : context)
  }
  // Without the tree (another postal-mime version), its joined HTML is the next best thing.
  if (email.html?.trim()) return articleFromHtml(fileName, email.html, context)
  throw new DossierError(
    'empty-file',
    `${fileName} is a saved web page (MHTML) without an HTML page inside; there is no article text to import.`,
    fileName,
  )
}
