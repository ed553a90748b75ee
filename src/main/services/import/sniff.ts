// What a file really is, decided from its first bytes rather than its name.
export type SniffedType = 'pdf' | 'zip' | 'html' | 'mhtml' | 'text' | 'binary'

const SIGNATURES: ReadonlyArray<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a WebP or RIFF file', [0x52, 0x49, 0x46, 0x46]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a program (ELF)', [0x7f, 0x45, 0x4c, 0x46]],
  ['a program (EXE)', [0x4d, 0x5a]],
  ['an old Word or Office file', [0xd0, 0xcf, 0x11, 0xe0]],
]

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b)
}

/** Names a known binary format, e.g. "a PNG image", or undefined. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find(([, signature]) => startsWith(bytes, signature))?.[0]
}

/** UTF-8 and UTF-16 byte-order marks, which a saved page may start with. */
function bomLength(bytes: Uint8Array): number {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 3
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) ? 2 : 0
}

/** What may precede a page's first tag: white space, comments, an XML declaration (XHTML). */
const HTML_PROLOG = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/i
/** Tags only a web page starts with; <div> and <p> are left out, as Markdown files may start with them. */
const HTML_START = /^<(?:!doctype\s+html|html|head|body|meta|title|link|base|style|script|article)[\s/>]/i

/** A page saved as one file (MHTML, RFC 2557): MIME headers announcing multipart/related. */
function isMhtml(head: string): boolean {
  const headers = head.split(/\r?\n\r?\n/, 1)[0]!
  return (
    /^[\w-]+:/.test(headers) &&
    /^mime-version\s*:/im.test(headers) &&
    /^content-type\s*:\s*multipart\/related\b/im.test(headers)
  )
}

export function sniff(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip'
  if (binaryKind(bytes)) return 'binary'
  const head = new TextDecoder('latin1').decode(bytes.subarray(bomLength(bytes), 4096)).replace(/\0/g, '')
  if (isMhtml(head)) return 'mhtml'
  if (HTML_START.test(head.replace(HTML_PROLOG, ''))) return 'html'
  return 'text'
}
