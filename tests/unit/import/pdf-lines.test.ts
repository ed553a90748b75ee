// Line rebuilding and page furniture on hand-placed runs, including what pdf-lib cannot draw
// (right-to-left script) and pdf.js quirks (words as separate items without spaces).
import { describe, expect, it } from 'vitest'
import { findGutters } from '../../../src/main/services/import/pdf/columns'
import { segmentsOf } from '../../../src/main/services/import/pdf/lines'
import { isPageNumber } from '../../../src/main/services/import/pdf/page-furniture'
import type { TextRun } from '../../../src/main/services/import/pdf/text-runs'

function run(text: string, x: number, y: number, options: Partial<TextRun> = {}): TextRun {
  return { text, x, y, width: text.length * 5, size: 10, font: 'f1', rtl: false, ...options }
}

describe('lines from runs', () => {
  it('puts runs on one baseline in x order, adding a space only at a word gap', () => {
    // pdf.js may emit words as separate items without the space glyph, and in any order.
    const segments = segmentsOf(
      [run('missiles', 194, 100.5), run('surface-to-air', 120, 100), run('.', 234, 100)],
      1,
    )
    expect(segments.map((s) => s.text)).toEqual(['surface-to-air missiles.'])
    const glued = segmentsOf([run('Pyong', 100, 100), run('yang', 125, 100)], 1)
    expect(glued[0]!.text).toBe('Pyongyang')
  })

  it('splits a row at a gap as wide as a column gutter', () => {
    const segments = segmentsOf([run('left column text', 50, 100), run('right column text', 300, 100.4)], 1)
    expect(segments.map((s) => s.text)).toEqual(['left column text', 'right column text'])
  })

  it('reads a right-to-left row from its right end', () => {
    const segments = segmentsOf(
      [run('שלום', 200, 100, { rtl: true }), run('עולם', 177, 100, { rtl: true })],
      1,
    )
    expect(segments[0]!.text).toBe('שלום עולם')
    expect(segments[0]!.rtlChars).toBe(8)
  })
})

describe('columns', () => {
  it('finds the gutter between two columns and none in a single column', () => {
    const twoColumns = Array.from({ length: 10 }, (_, i) => [
      run('x'.repeat(40), 50, 100 + 12 * i),
      run('y'.repeat(40), 280, 100 + 12 * i),
    ]).flat()
    const gutters = findGutters(segmentsOf(twoColumns, 1))
    expect(gutters).toHaveLength(1)
    expect(gutters[0]!.from).toBeGreaterThanOrEqual(250)
    expect(gutters[0]!.to).toBeLessThanOrEqual(280)
    const oneColumn = Array.from({ length: 10 }, (_, i) => run('z'.repeat(i % 3 ? 90 : 30), 50, 100 + 12 * i))
    expect(findGutters(segmentsOf(oneColumn, 1))).toEqual([])
  })
})

describe('page numbers', () => {
  it('knows the usual forms and leaves years and words alone', () => {
    for (const text of ['3', '- 3 -', '[12]', 'Page 3', 'Page 3 of 7', '3 of 7', '3/7', 'p. 4', 'xiv']) {
      expect(isPageNumber(text), text).toBe(true)
    }
    for (const text of ['2019', 'Civil', 'Page three', 'Section 3 of the law'])
      expect(isPageNumber(text), text).toBe(false)
  })
})
