// Bytes to text: byte-order marks, UTF-16 without a mark, UTF-8, and Windows-1252 for legacy files.
// Refuses content that is not text at all, so a renamed binary never becomes an article of garbage.
import iconv from 'iconv-lite'
import { DossierError } from '../../../shared/errors'
import { binaryKind } from './sniff'

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  // Without a mark, mostly-ASCII UTF-16 has a zero in every other byte.
  const sample = bytes.subarray(0, 4096)
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++
    if (sample[i + 1] === 0) oddZeros++
  }
  const pairs = Math.floor(sample.length / 2)
  if (pairs >= 8 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (pairs >= 8 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be'
  return undefined
}

/** Share of characters that no text document contains: C0 controls other than tab, newlines and form feed. */
function controlShare(text: string): number {
  const sample = text.slice(0, 16_384)
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++
  }
  return sample.length ? controls / sample.length : 0
}

export function decodeText(bytes: Uint8Array, fileName: string): { text: string; encoding: string } {
  const kind = binaryKind(bytes)
  if (kind) throw new DossierError('not-text', `${fileName} is not a text document: it is ${kind}.`, fileName)
  let encoding: string
  let text: string
  const utf16 = utf16Order(bytes)
  if (utf16) {
    encoding = utf16
    text = new TextDecoder(utf16).decode(bytes)
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      encoding = 'utf-8'
    } catch {
      // Node's TextDecoder treats windows-1252 as Latin-1 and loses curly quotes; iconv-lite maps 0x80–0x9F.
      encoding = 'windows-1252'
      text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'windows-1252')
    }
  }
  text = text.replace(/^\ufeff/, '')
  if (controlShare(text) > 0.01) {
    throw new DossierError(
      'not-text',
      `${fileName} is not a text document: it contains binary data.`,
      fileName,
    )
  }
  return { text, encoding }
}
