// Ranks known entities against what the analyst selected or typed, tolerating typos ("Kin Jong Un" finds
// "Kim Jong Un") and matching aliases, so one person does not become two entities.
import type { Entity, EntityType } from '../../shared/model'

export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Levenshtein distance, cut off early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost)
      row.push(value)
      best = Math.min(best, value)
    }
    if (best > max) return max + 1
    previous = row
  }
  return previous[b.length]!
}

/** 0 (no match) to 1 (same name) for one candidate name. */
function nameScore(query: string, name: string): number {
  if (!query || !name) return 0
  if (query === name) return 1
  if (name.startsWith(query) || query.startsWith(name)) return 0.85
  if (name.includes(query) || query.includes(name)) return 0.7
  const allowed = Math.max(1, Math.floor(Math.max(query.length, name.length) / 4))
  const distance = editDistance(query, name, allowed)
  if (distance <= allowed) return 0.75 - (0.25 * distance) / allowed
  const queryWords = new Set(query.split(' '))
  const shared = name.split(' ').filter((word) => word.length > 2 && queryWords.has(word)).length
  return shared > 0 ? 0.3 + 0.1 * shared : 0
}

export function entityScore(query: string, entity: Entity): number {
  const q = normaliseName(query)
  return Math.max(
    nameScore(q, normaliseName(entity.name)),
    ...entity.aliases.map((a) => nameScore(q, normaliseName(a))),
  )
}

/** The best matches, strongest first; entities of the preferred type win ties. */
export function suggestEntities(
  query: string,
  entities: Entity[],
  preferType?: EntityType,
  limit = 8,
): Entity[] {
  if (!normaliseName(query))
    return entities.filter((e) => !preferType || e.type === preferType).slice(0, limit)
  return entities
    .map((entity) => ({
      entity,
      score: entityScore(query, entity) + (entity.type === preferType ? 0.05 : 0),
    }))
    .filter(({ score }) => score >= 0.3)
    .sort((a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name))
    .slice(0, limit)
    .map(({ entity }) => entity)
}

/** The entity the name stands for exactly (by name or alias), preferring the given type. */
export function exactEntity(name: string, entities: Entity[], type?: EntityType): Entity | undefined {
  const wanted = normaliseName(name)
  if (!wanted) return undefined
  const matches = entities.filter(
    (e) => normaliseName(e.name) === wanted || e.aliases.some((a) => normaliseName(a) === wanted),
  )
  return matches.find((e) => e.type === type) ?? matches[0]
}
