// Character encodings shared by every text format: byte-order marks, UTF-16 without one, strict UTF-8,
// detection with chardet, and decoding with iconv-lite (Node's TextDecoder reads windows-1252 as
// Latin-1 and loses curly quotes).
import chardet from 'chardet'
import iconv from 'iconv-lite'
import { DossierError } from '../../../shared/dossier-error'
import { binaryKind } from './sniff'

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

export function canonicalLabel(label: string | undefined, fromTransport: boolean): string | undefined {
  if (!label) return undefined
  const lower = label.toLowerCase()
  if (LATIN1_LABELS.has(lower)) return 'windows-1252'
  if (lower === 'utf8' || lower === 'unicode-1-1-utf-8') return 'utf-8'
  // A <meta> that says UTF-16 was itself read as ASCII, so the page cannot be UTF-16 (HTML §13.2.3.2).
  if (/^utf-?16/.test(lower) && !fromTransport) return 'utf-8'
  if (lower === 'gb2312' || lower === 'gbk') return 'gb18030'
  return iconv.encodingExists(lower) ? lower : undefined
}

export function byteOrderMark(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 }
  return undefined
}

/** UTF-16 without a mark: mostly-ASCII markup leaves a zero in every other byte. */
export function unmarkedUtf16(bytes: Uint8Array): string | undefined {
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

export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

export function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true
  return false
}

/** chardet's best guess that iconv-lite can decode; the sample skips the ASCII-only head of the page. */
export function detected(bytes: Uint8Array): string | undefined {
  let first = 0
  while (first < bytes.length && bytes[first]! < 0x80) first++
  const sample = bytes.subarray(Math.max(0, first - 1024), first + 262_144)
  for (const match of chardet.analyse(sample)) {
    const label = canonicalLabel(match.name, true)
    if (label && match.confidence >= 10 && !/^utf-(16|32)/.test(label)) return label
  }
  return undefined
}

export function decodeWith(encoding: string, bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding)
}

/** Share of characters no text document has: C0 controls other than tab, newlines, form feed; U+FFFD. */
export function controlShare(text: string): number {
  const sample = text.slice(0, 16_384)
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++
  }
  return sample.length ? controls / sample.length : 0
}

/** Refuses bytes that are not text at all, naming what they are when the format is known. */
export function assertText(bytes: Uint8Array, text: string, fileName: string): void {
  const kind = binaryKind(bytes)
  if (kind) throw new DossierError('not-text', `${fileName} is not a text document: it is ${kind}.`, fileName)
  if (controlShare(text) > 0.01) {
    throw new DossierError(
      'not-text',
      `${fileName} is not a text document: it contains binary data.`,
      fileName,
    )
  }
}
