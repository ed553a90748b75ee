// JSON for the HTTP transport, with byte arrays carried as base64 so uploads and PDFs survive the trip.
const BYTES_TAG = '$bytes'

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Whether a byte array is anywhere inside `value` (a plain walk costs far less than a replacer). */
function holdsBytes(value: unknown, depth = 0): boolean {
  if (value instanceof Uint8Array) return true
  if (value === null || typeof value !== 'object') return false
  // Deeper than any reply: take the careful path.
  if (depth > 64) return true
  if (Array.isArray(value)) return value.some((item) => holdsBytes(item, depth + 1))
  for (const key in value) if (holdsBytes((value as Record<string, unknown>)[key], depth + 1)) return true
  return false
}

export function encodeWire(value: unknown): string {
  // Most replies hold no bytes: a replacer function would slow JSON.stringify severalfold on a long article.
  if (!holdsBytes(value)) return JSON.stringify(value)
  // The raw holder value is read because Node's Buffer turns itself into {type, data} via toJSON first.
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key]
    return raw instanceof Uint8Array ? { [BYTES_TAG]: toBase64(raw) } : v
  })
}

export function decodeWire(text: string): unknown {
  // The tag can only be there as a key written by encodeWire; without it no reviver is needed.
  if (!text.includes(`"${BYTES_TAG}"`)) return JSON.parse(text)
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v)
      const tagged = (v as Record<string, unknown>)[BYTES_TAG]
      if (keys.length === 1 && typeof tagged === 'string') return fromBase64(tagged)
    }
    return v
  })
}
