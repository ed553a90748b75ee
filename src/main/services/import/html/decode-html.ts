// Bytes of a web page to text: byte-order mark, then the declared charset, then detection, and never
// mojibake: bytes that are valid UTF-8 are read as UTF-8 whatever the page claims.
import chardet from 'chardet'
import iconv from 'iconv-lite'
import { DossierError } from '../../../../shared/errors'
import { binaryKind } from '../sniff'

export interface DecodedHtml {
  html: string
  /** The encoding used, as iconv-lite names it, e.g. "utf-8", "windows-1252", "shift_jis". */
  encoding: string
  /** Set when the encoding was not declared or the declaration was wrong: said to the user. */
  warning?: string
}

/** WHATWG Encoding: these labels mean windows-1252 in a browser, so they mean it here. */
const LATIN1_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'l1',
  'ascii',
  'us-ascii',
  'cp819',
  'ibm819',
  'iso_8859-1',
  'x-cp1252',
])

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const m of tag.slice(5).matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = m[1]!.toLowerCase()
    if (!attributes.has(name)) attributes.set(name, m[2] ?? m[3] ?? m[4] ?? '')
  }
  return attributes
}

/** HTML §13.2.3.2 prescan, reduced to what pages use: <meta charset> and the http-equiv content type. */
export function declaredCharset(head: string): string | undefined {
  for (const match of head.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = attributesOf(match[0])
    const direct = attributes.get('charset')?.trim()
    if (direct) return direct.toLowerCase()
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-type') {
      const inContent = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(attributes.get('content') ?? '')
      if (inContent) return inContent[1]!.toLowerCase()
    }
  }
  return undefined
}

function canonicalLabel(label: string | undefined, fromTransport: boolean): string | undefined {
  if (!label) return undefined
  const lower = label.toLowerCase()
  if (LATIN1_LABELS.has(lower)) return 'windows-1252'
  if (lower === 'utf8' || lower === 'unicode-1-1-utf-8') return 'utf-8'
  // A <meta> that says UTF-16 was itself read as ASCII, so the page cannot be UTF-16 (HTML §13.2.3.2).
  if (/^utf-?16/.test(lower) && !fromTransport) return 'utf-8'
  if (lower === 'gb2312' || lower === 'gbk') return 'gb18030'
  return iconv.encodingExists(lower) ? lower : undefined
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 }
  return undefined
}

/** UTF-16 without a mark: mostly-ASCII markup leaves a zero in every other byte. */
function unmarkedUtf16(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, 4096)
  let even = 0
  let odd = 0
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++
    if (sample[i + 1] === 0) odd++
  }
  const pairs = sample.length >> 1
  if (pairs < 8) return undefined
  if (odd > pairs * 0.4 && even < pairs * 0.05) return 'utf-16le'
  if (even > pairs * 0.4 && odd < pairs * 0.05) return 'utf-16be'
  return undefined
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true
  return false
}

/** chardet's best guess that iconv-lite can decode; the sample skips the ASCII-only head of the page. */
function detected(bytes: Uint8Array): string | undefined {
  let first = 0
  while (first < bytes.length && bytes[first]! < 0x80) first++
  const sample = bytes.subarray(Math.max(0, first - 1024), first + 262_144)
  for (const match of chardet.analyse(sample)) {
    const label = canonicalLabel(match.name, true)
    if (label && match.confidence >= 10 && !/^utf-(16|32)/.test(label)) return label
  }
  return undefined
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding)
}

function controlShare(text: string): number {
  const sample = text.slice(0, 16_384)
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++
  }
  return sample.length ? controls / sample.length : 0
}

function choose(bytes: Uint8Array, transportCharset: string | undefined): DecodedHtml {
  const bom = byteOrderMark(bytes)
  if (bom) return { html: decodeWith(bom.encoding, bytes.subarray(bom.skip)), encoding: bom.encoding }
  const transport = canonicalLabel(transportCharset, true)
  if (transport && /^utf-16/.test(transport))
    return { html: decodeWith(transport, bytes), encoding: transport }
  const utf16 = unmarkedUtf16(bytes)
  if (utf16) return { html: decodeWith(utf16, bytes), encoding: utf16 }
  const label =
    (transport ? transportCharset : undefined) ??
    declaredCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)))
  const declared = transport ?? canonicalLabel(label, false)
  const utf8 = strictUtf8(bytes)
  if (utf8 !== undefined) {
    // Valid multi-byte UTF-8 is next to impossible by chance in a legacy encoding: the claim is what is wrong.
    const warning =
      declared && declared !== 'utf-8' && hasNonAscii(bytes)
        ? `The page says its text is ${label} but it is UTF-8; it was read as UTF-8.`
        : undefined
    return { html: utf8, encoding: 'utf-8', ...(warning ? { warning } : {}) }
  }
  if (declared && declared !== 'utf-8') return { html: decodeWith(declared, bytes), encoding: declared }
  const guess = detected(bytes)
  if (guess && guess !== 'utf-8') {
    const said = declared
      ? `The page says its text is UTF-8 but it is not`
      : `The page does not say which character encoding it uses`
    return {
      html: decodeWith(guess, bytes),
      encoding: guess,
      warning: `${said}; Dossier read it as ${guess}. Check accented letters.`,
    }
  }
  if (declared)
    return {
      html: decodeWith(declared, bytes),
      encoding: declared,
      warning: 'Some characters of the page are not valid UTF-8 as it says; they show as �.',
    }
  return {
    html: decodeWith('windows-1252', bytes),
    encoding: 'windows-1252',
    warning:
      'The page does not say which character encoding it uses; Dossier read it as windows-1252. Check accented letters.',
  }
}

export function decodeHtml(bytes: Uint8Array, fileName: string, transportCharset?: string): DecodedHtml {
  const kind = binaryKind(bytes)
  if (kind) throw new DossierError('not-text', `${fileName} is not a text document: it is ${kind}.`, fileName)
  const decoded = choose(bytes, transportCharset)
  decoded.html = decoded.html.replace(/^\ufeff/, '')
  if (controlShare(decoded.html) > 0.01) {
    throw new DossierError(
      'not-text',
      `${fileName} is not a text document: it contains binary data.`,
      fileName,
    )
  }
  return decoded
}
