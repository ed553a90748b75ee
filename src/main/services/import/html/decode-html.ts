// Bytes of a web page to text: byte-order mark, then the declared charset, then detection, and never
// mojibake: bytes that are valid UTF-8 are read as UTF-8 whatever the page claims.
import {
  assertText,
  byteOrderMark,
  canonicalLabel,
  decodeWith,
  detected,
  hasNonAscii,
  strictUtf8,
  unmarkedUtf16,
} from '../encoding'

export interface DecodedHtml {
  html: string
  /** The encoding used, as iconv-lite names it, e.g. "utf-8", "windows-1252", "shift_jis". */
  encoding: string
  /** Set when the encoding was not declared or the declaration was wrong: said to the user. */
  warning?: string
}

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
      warning: `${said}; Dossier read it as ${guess}. Check that its text reads correctly.`,
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
      'The page does not say which character encoding it uses; Dossier read it as windows-1252. Check that its text reads correctly.',
  }
}

export function decodeHtml(bytes: Uint8Array, fileName: string, transportCharset?: string): DecodedHtml {
  const decoded = choose(bytes, transportCharset)
  decoded.html = decoded.html.replace(/^\ufeff/, '')
  assertText(bytes, decoded.html, fileName)
  return decoded
}
