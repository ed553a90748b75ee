// The workspace's codebook: the codes highlights carry, their order (keys 1–9 apply the first nine),
// and merges. A merged or deleted code is kept as a tombstone pointing at the code that took its place,
// so highlights keep their own code id and an undo restores the code with all its highlights.
import { DossierError } from '../../../shared/errors'
import type { Code } from '../../../shared/model'
import { newId } from '../store/ids'

type CodeSeed = Pick<Code, 'id' | 'name' | 'color' | 'description'>

/** What a new workspace starts with: the codes qualitative analysts reach for first. */
export const DEFAULT_CODES: readonly CodeSeed[] = [
  {
    id: 'keyjudgement',
    name: 'Key judgement',
    color: '#f59f00',
    description: 'A passage that supports or states a judgement the brief will make.',
  },
  {
    id: 'evidence',
    name: 'Evidence',
    color: '#37b24d',
    description: 'A fact, figure or first-hand account that can be cited.',
  },
  {
    id: 'contradiction',
    name: 'Contradiction',
    color: '#f03e3e',
    description: 'Conflicts with another source or with an earlier statement.',
  },
  {
    id: 'question',
    name: 'Question',
    color: '#1c7ed6',
    description: 'Unclear, unverified or in need of a second source.',
  },
  {
    id: 'followup',
    name: 'Follow-up',
    color: '#ae3ec9',
    description: 'A lead to chase: a name, a document, a date to check.',
  },
]

/**
 * The four colours highlights had before codes existed. A workspace that had highlights gets one code
 * per colour, named after it, so every old highlight keeps what it showed; the analyst renames or merges.
 */
export const LEGACY_COLOR_CODES: Readonly<Record<string, CodeSeed>> = {
  yellow: {
    id: 'legacyyellow',
    name: 'Yellow',
    color: '#fcc419',
    description: 'Highlighted in yellow before codes.',
  },
  green: {
    id: 'legacygreen',
    name: 'Green',
    color: '#69db7c',
    description: 'Highlighted in green before codes.',
  },
  blue: {
    id: 'legacyblue',
    name: 'Blue',
    color: '#74c0fc',
    description: 'Highlighted in blue before codes.',
  },
  pink: {
    id: 'legacypink',
    name: 'Pink',
    color: '#f783ac',
    description: 'Highlighted in pink before codes.',
  },
}

export function seedCodes(seeds: readonly CodeSeed[], createdAt: string): Code[] {
  return seeds.map((seed) => ({ ...seed, createdAt }))
}

/** The codes in use, in order: what the codebook shows and keys 1–9 apply. */
export function liveCodes(codes: readonly Code[]): Code[] {
  return codes.filter((code) => code.mergedInto === undefined)
}

/**
 * The live code a highlight's code id stands for: itself, or the code it was merged into, followed to
 * the end. Undefined when the id is unknown (a codebook restored from an older backup).
 */
export function resolveCode(codes: readonly Code[], id: string): Code | undefined {
  const byId = new Map(codes.map((code) => [code.id, code]))
  let code = byId.get(id)
  const seen = new Set<string>()
  while (code?.mergedInto !== undefined && !seen.has(code.id)) {
    seen.add(code.id)
    code = byId.get(code.mergedInto)
  }
  return code?.mergedInto === undefined ? code : undefined
}

/** A resolver for many lookups, e.g. every highlight of an article. */
export function codeResolver(codes: readonly Code[]): (id: string) => string {
  const cache = new Map<string, string>()
  return (id) => {
    let resolved = cache.get(id)
    if (resolved === undefined) {
      resolved = resolveCode(codes, id)?.id ?? id
      cache.set(id, resolved)
    }
    return resolved
  }
}

const key = (name: string) => name.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim()

function live(codes: readonly Code[], id: string): Code {
  const code = codes.find((c) => c.id === id && c.mergedInto === undefined)
  if (!code)
    throw new DossierError('not-found', 'That code no longer exists. It may have been merged or deleted.')
  return code
}

function assertNameFree(codes: readonly Code[], name: string, except?: string): void {
  const clash = liveCodes(codes).find((c) => c.id !== except && key(c.name) === key(name))
  if (clash) throw new DossierError('invalid-argument', `There is already a code named "${clash.name}".`)
}

export interface CodeFields {
  name?: string
  color?: string
  description?: string
}

export function createCode(
  codes: Code[],
  fields: Required<Pick<CodeFields, 'name' | 'color'>> & CodeFields,
): Code {
  const name = fields.name.replace(/\s+/g, ' ').trim()
  assertNameFree(codes, name)
  const code: Code = {
    id: newId(),
    name,
    color: fields.color.toLowerCase(),
    description: fields.description ?? '',
    createdAt: new Date().toISOString(),
  }
  codes.push(code)
  return code
}

export function updateCode(codes: Code[], id: string, fields: CodeFields): Code {
  const code = live(codes, id)
  if (fields.name !== undefined) {
    const name = fields.name.replace(/\s+/g, ' ').trim()
    assertNameFree(codes, name, id)
    code.name = name
  }
  if (fields.color !== undefined) code.color = fields.color.toLowerCase()
  if (fields.description !== undefined) code.description = fields.description
  return code
}

/** Moves a code to `index` among the live codes. */
export function moveCode(codes: Code[], id: string, index: number): void {
  const code = live(codes, id)
  const order = liveCodes(codes).filter((c) => c !== code)
  order.splice(Math.min(index, order.length), 0, code)
  const tombstones = codes.filter((c) => c.mergedInto !== undefined)
  codes.splice(0, codes.length, ...order, ...tombstones)
}

/**
 * Merges `ids` into `into`: their highlights show as `into` from now on. Deleting a code is merging it
 * into the code that takes over its highlights. Returns the codes merged, for an undo.
 */
export function mergeCodes(codes: Code[], ids: readonly string[], into: string): Code[] {
  const target = live(codes, into)
  const merged = [...new Set(ids)].filter((id) => id !== into).map((id) => live(codes, id))
  if (merged.length === 0)
    throw new DossierError('invalid-argument', 'Choose at least one other code to merge.')
  for (const code of merged) code.mergedInto = target.id
  // Codes merged into these earlier follow them to the new target directly.
  const ended = new Set(merged.map((c) => c.id))
  for (const code of codes) if (code.mergedInto && ended.has(code.mergedInto)) code.mergedInto = target.id
  return merged
}

/** Brings merged or deleted codes back, with the highlights that carried them. */
export function unmergeCodes(codes: Code[], ids: readonly string[]): Code[] {
  const back: Code[] = []
  for (const id of ids) {
    const code = codes.find((c) => c.id === id)
    if (!code) throw new DossierError('not-found', 'That code is not in the codebook any more.')
    if (code.mergedInto === undefined) continue
    delete code.mergedInto
    back.push(code)
  }
  return back
}
