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

export function encodeWire(value: unknown): string {
  // The raw holder value is read because Node's Buffer turns itself into {type, data} via toJSON first.
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key]
    return raw instanceof Uint8Array ? { [BYTES_TAG]: toBase64(raw) } : v
  })
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v)
      const tagged = (v as Record<string, unknown>)[BYTES_TAG]
      if (keys.length === 1 && typeof tagged === 'string') return fromBase64(tagged)
    }
    return v
  })
}
