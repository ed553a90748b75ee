// The page's description, chosen among <meta name=description>, og:description, twitter:description
// and JSON-LD's: the first well-formed one, and a whole one over one cut short. A description is
// malformed when an unescaped quote ended its attribute early (the rest of the sentence then stands as
// empty attributes of the element), when it still holds escaped markup (`&quot;` written twice), or
// when its quotes do not pair up.

export interface DescriptionCandidate {
  text: string
  /** The element carries attributes a <meta> never has, the trace of a quote that ended it early. */
  stray?: boolean
}

/** Attributes a <meta> element may carry; anything else on one is a sentence that spilled out of `content`. */
const META_ATTRIBUTES =
  /^(?:name|property|content|itemprop|http-equiv|charset|scheme|lang|xml:lang|dir|id|class|media|data-[\w-]+|about|typeof|rel|rev|resource|vocab|prefix|datatype|key)$/i

export function strayAttributes(meta: Element): boolean {
  for (const { name, value } of Array.from(meta.attributes))
    if (!value && !META_ATTRIBUTES.test(name)) return true
  return false
}

function malformed(candidate: DescriptionCandidate): boolean {
  const text = candidate.text
  if (candidate.stray) return true
  if (/&(?:quot|amp|lt|gt|apos|#\d+|#x[\da-f]+);/i.test(text)) return true
  return (text.match(/"/g)?.length ?? 0) % 2 === 1
}

/** "Adjourned until July..." is the start of "Adjourned until July." */
function cutShort(text: string, of: string): boolean {
  const stem = text.replace(/\s*(?:\.{3}|…)$/u, '').trim()
  return stem.length < of.length && of.startsWith(stem) && of !== text
}

export function chooseDescription(candidates: readonly DescriptionCandidate[]): string | undefined {
  const present = candidates.filter((c) => c.text)
  const good = present.filter((c) => !malformed(c))
  const pool = good.length ? good : present
  const first = pool[0]
  if (!first) return undefined
  return pool.find((c) => c !== first && cutShort(first.text, c.text))?.text ?? first.text
}
