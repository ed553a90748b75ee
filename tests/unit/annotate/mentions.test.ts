import { describe, expect, it } from 'vitest'
import { findEntity, noteAlias, resolveEntity } from '../../../src/main/services/annotate/mentions'
import type { Entity } from '../../../src/shared/model'

const kim: Entity = {
  id: 'kimjongun01',
  name: 'Kim Jong Un',
  type: 'Person',
  aliases: ['Kim Jong-un'],
  notes: '',
  createdAt: '',
}

describe('entity resolution', () => {
  it('reuses an entity named by its name or an alias, whatever the case', () => {
    expect(findEntity([kim], 'kim jong un', 'Person')).toBe(kim)
    expect(findEntity([kim], 'Kim Jong-un', 'Person')).toBe(kim)
    expect(findEntity([kim], 'Kim Jong Un', 'Location')).toBeUndefined()
  })

  it('files the typo "Kin Jong Un" under the canonical name the analyst typed', () => {
    const { entity, created } = resolveEntity([kim], { type: 'Person', name: 'Kim Jong Un' }, 'Kin Jong Un')
    expect(created).toBe(false)
    expect(entity).toBe(kim)
    const copy = { ...kim, aliases: [...kim.aliases] }
    expect(noteAlias(copy, 'Kin Jong Un')).toBe(true)
    expect(copy.aliases).toContain('Kin Jong Un')
    expect(noteAlias(copy, 'kin jong un')).toBe(false)
  })

  it('creates a new entity from the selected words when no name is given', () => {
    const { entity, created } = resolveEntity([], { type: 'Organization' }, ' KCNA ')
    expect(created).toBe(true)
    expect(entity).toMatchObject({ name: 'KCNA', type: 'Organization', aliases: [] })
  })
})
