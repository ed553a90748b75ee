// Ids drawn from a pool of random bytes are still ids (ten base36 characters) and never repeat.
import { describe, expect, it } from 'vitest'
import { Id } from '../../../src/shared/model'
import { newId } from '../../../src/main/services/store/ids'

describe('newId', () => {
  it('makes 20,000 distinct ids, across many refills of the pool, each a valid Dossier id', () => {
    const ids = Array.from({ length: 20_000 }, newId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids.slice(0, 1000)) expect(Id.safeParse(id).success && id.length === 10).toBe(true)
  })
})
