// Bytes of a text file to text: byte-order mark, UTF-16 without one, UTF-8, then the legacy encoding
// chardet detects (windows-1252 when it cannot tell). Refuses content that is not text at all, so a
// renamed binary never becomes an article of garbage.
import { assertText, byteOrderMark, decodeWith, detected, strictUtf8, unmarkedUtf16 } from './encoding'

export interface DecodedText {
  text: string
  encoding: string
  /** Set when the encoding had to be guessed: said to the user, who can check the accents. */
  warning?: string
}

function choose(bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes)
  if (bom) return { text: decodeWith(bom.encoding, bytes.subarray(bom.skip)), encoding: bom.encoding }
  const utf16 = unmarkedUtf16(bytes)
  if (utf16) return { text: decodeWith(utf16, bytes), encoding: utf16 }
  const utf8 = strictUtf8(bytes)
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' }
  const encoding = detected(bytes) ?? 'windows-1252'
  return {
    text: decodeWith(encoding, bytes),
    encoding,
    warning: `The file does not say which character encoding it uses; Dossier read it as ${encoding}. Check that its text reads correctly.`,
  }
}

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  const decoded = choose(bytes)
  decoded.text = decoded.text.replace(/^\ufeff/, '')
  assertText(bytes, decoded.text, fileName)
  return decoded
}
