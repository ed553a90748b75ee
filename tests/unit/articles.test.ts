import { describe, expect, it } from 'vitest'
import { setTrimmed, updateFields } from '../../src/main/services/articles'
import { SCHEMA_VERSION, type Article } from '../../src/shared/model'

function article(): Article {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'article01',
    title: 'A guessed title',
    tags: [],
    text: 'One.\n\nTwo.',
    blocks: [
      { kind: 'paragraph', start: 0, end: 4 },
      { kind: 'paragraph', start: 6, end: 10, trimmed: true },
    ],
    warnings: [],
    original: { name: 'a.txt', sha256: '0'.repeat(64), type: 'text/plain', size: 1 },
    highlights: [],
    mentions: [],
    importedAt: '',
    updatedAt: '',
  }
}

describe('editing what the importer guessed', () => {
  it('changes title, date, source and byline, and clears a field given as empty', () => {
    const a = article()
    updateFields(a, {
      title: 'US accuses North Korea',
      published: '2023-09-01',
      sourceUrl: 'https://example.org/a',
      byline: 'Staff',
    })
    expect(a).toMatchObject({
      title: 'US accuses North Korea',
      published: '2023-09-01',
      sourceUrl: 'https://example.org/a',
      byline: 'Staff',
    })
    updateFields(a, { byline: '' })
    expect(a.byline).toBeUndefined()
  })

  it('refuses a date or address that is not one, with a sentence', () => {
    expect(() => updateFields(article(), { published: '13/06/2023' })).toThrow(
      '"13/06/2023" is not a date; write it as YYYY-MM-DD.',
    )
    expect(() => updateFields(article(), { sourceUrl: 'javascript:alert(1)' })).toThrow(
      /is not a web address/,
    )
  })

  it('restores a trimmed block and trims it again without touching the text', () => {
    const a = article()
    setTrimmed(a, 1, false)
    expect(a.blocks[1]!.trimmed).toBe(false)
    setTrimmed(a, 1, true)
    expect(a.blocks[1]!.trimmed).toBe(true)
    expect(a.text).toBe('One.\n\nTwo.')
    expect(() => setTrimmed(a, 5, true)).toThrow(/does not exist/)
  })
})
