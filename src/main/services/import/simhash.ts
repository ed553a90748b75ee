// Near-duplicate detection: a 64-bit SimHash of word 3-shingles (Charikar 2002). The same story saved
// as .txt, .html and .md lands a few bits apart; different stories land about 32 bits apart.
/** FNV-1a, 32-bit, with a seed so two independent halves make one 64-bit fingerprint without BigInt. */
function fnv1a32(text: string, seed: number): number {
  let hash = seed
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function words(text: string): string[] {
  return text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/** The SimHash as 16 hex digits, or undefined for text too short to say anything. */
export function simhash(text: string): string | undefined {
  const tokens = words(text)
  if (tokens.length < 8) return undefined
  const weights = new Array<number>(64).fill(0)
  for (let i = 0; i + 2 < tokens.length; i++) {
    const shingle = `${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`
    const halves = [fnv1a32(shingle, 0x811c9dc5), fnv1a32(shingle, 0x050c5d1f)]
    for (let bit = 0; bit < 64; bit++) weights[bit]! += (halves[bit >> 5]! >>> (bit & 31)) & 1 ? 1 : -1
  }
  let hex = ''
  for (let nibble = 15; nibble >= 0; nibble--) {
    let value = 0
    for (let b = 3; b >= 0; b--) value = (value << 1) | (weights[nibble * 4 + b]! > 0 ? 1 : 0)
    hex += value.toString(16)
  }
  return hex
}

export function hammingDistance(a: string, b: string): number {
  let count = 0
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0
    while (x) {
      x &= x - 1
      count++
    }
  }
  return count
}

/** Up to this many differing bits of 64 counts as the same story. */
export const SAME_STORY_BITS = 10

/** 1 for identical fingerprints, falling to 0 at 32 differing bits (unrelated text). */
export function similarity(a: string, b: string): number {
  return Math.max(0, 1 - hammingDistance(a, b) / 32)
}
