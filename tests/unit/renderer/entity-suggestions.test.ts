// The Name field suggests the canonical entity for a misspelt or shortened selection.
import { describe, expect, it } from 'vitest'
import type { Entity } from '../../../src/shared/model'
import {
  editDistance,
  exactEntity,
  normaliseName,
  suggestEntities,
} from '../../../src/renderer/reader/entity-suggestions'

function entity(id: string, name: string, type: Entity['type'], aliases: string[] = []): Entity {
  return { id, name, type, aliases, notes: '', createdAt: '2024-01-01T00:00:00.000Z' }
}

const entities = [
  entity('kim000', 'Kim Jong Un', 'Person', ['Kim Jong-un']),
  entity('putin0', 'Vladimir Putin', 'Person'),
  entity('dprk00', 'North Korea', 'Location', ['DPRK', 'Pyongyang']),
  entity('wagner', 'Wagner Group', 'Organization'),
  entity('kremli', 'Kremlin', 'Organization'),
]

describe('suggestEntities', () => {
  it('finds "Kim Jong Un" for the typo "Kin Jong Un"', () => {
    expect(suggestEntities('Kin Jong Un', entities)[0]?.name).toBe('Kim Jong Un')
  })

  it('matches aliases and partial names', () => {
    expect(suggestEntities('DPRK', entities)[0]?.name).toBe('North Korea')
    expect(suggestEntities('Putin', entities)[0]?.name).toBe('Vladimir Putin')
    expect(suggestEntities('Wagner', entities)[0]?.name).toBe('Wagner Group')
  })

  it('suggests nothing unrelated', () => {
    expect(suggestEntities('Ukraine', entities)).toEqual([])
  })

  it('lists entities of the preferred type for an empty query', () => {
    expect(suggestEntities('', entities, 'Organization').map((e) => e.name)).toEqual([
      'Wagner Group',
      'Kremlin',
    ])
  })
})

describe('exactEntity', () => {
  it('links a name or alias regardless of case, accents and punctuation', () => {
    expect(exactEntity('kim jong-un', entities)?.id).toBe('kim000')
    expect(exactEntity('  Pyongyang ', entities)?.id).toBe('dprk00')
    expect(exactEntity('Kin Jong Un', entities)).toBeUndefined()
  })
})

describe('helpers', () => {
  it('normalises names and measures edit distance', () => {
    expect(normaliseName('  Étienne  O’Brien ')).toBe('etienne o brien')
    expect(editDistance('kin jong un', 'kim jong un')).toBe(1)
    expect(editDistance('abc', 'abc')).toBe(0)
    expect(editDistance('short', 'something much longer', 2)).toBe(3)
  })
})
