// What a file really is, decided from its first bytes rather than its name.
export type SniffedType = 'pdf' | 'zip' | 'html' | 'text' | 'binary'

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

export function sniff(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip'
  if (binaryKind(bytes)) return 'binary'
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/^\ufeff|^[\s\0]+/g, '')
  if (/^<(?:!doctype html|html|head|body|meta|article)\b/i.test(head.replace(/\0/g, ''))) return 'html'
  return 'text'
}
