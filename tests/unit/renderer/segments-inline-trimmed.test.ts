// Articles from Word and web pages: inline emphasis becomes its own segments, and blocks trimmed as site
// furniture are hidden from the reading until asked for, keeping their offsets and annotations.
import { describe, expect, it } from 'vitest'
import { countTrimmed, renderedBlocks, segmentRange } from '../../../src/renderer/reader/segments'

import type { Article } from '../../../src/shared/model'
import { article, target } from './segment-fixtures'

describe('segmentRange with inline emphasis', () => {
  it('cuts at emphasis and strong runs and says which covers each piece', () => {
    const text = 'He said it was final and binding.'
    const marks = [
      { kind: 'emphasis' as const, start: 8, end: 20 },
      { kind: 'strong' as const, start: 15, end: 24 },
    ]
    const segments = segmentRange(text, 0, text.length, marks)
    expect(segments.map((s) => [s.text, s.emphasis, s.strong])).toEqual([
      ['He said ', false, false],
      ['it was ', true, false],
      ['final', true, true],
      [' and', false, true],
      [' binding.', false, false],
    ])
  })

  it('ignores empty runs and clips runs that cross block edges', () => {
    const text = 'one two\n\nthree'
    const marks = [
      { kind: 'strong' as const, start: 2, end: 2 },
      { kind: 'emphasis' as const, start: 4, end: 14 },
    ]
    expect(segmentRange(text, 0, 7, marks).map((s) => [s.text, s.emphasis])).toEqual([
      ['one ', false],
      ['two', true],
    ])
    expect(segmentRange(text, 9, 14, marks).map((s) => [s.text, s.emphasis])).toEqual([['three', true]])
  })
})

describe('renderedBlocks with trimmed blocks', () => {
  const text = 'Body one.\n\nRelated Articles\n\nBody two.\n\nWith inputs from Reuters'
  const blocks: Article['blocks'] = [
    { kind: 'paragraph', start: 0, end: 9 },
    { kind: 'paragraph', start: 11, end: 27, trimmed: true },
    { kind: 'paragraph', start: 29, end: 38 },
    { kind: 'paragraph', start: 40, end: 64, trimmed: true },
  ]

  it('hides trimmed blocks by default and counts them', () => {
    const parts = article(text, { blocks })
    const shown = renderedBlocks(parts)
    expect(shown.map((b) => text.slice(b.start, b.end))).toEqual(['Body one.', 'Body two.'])
    expect(shown.map((b) => b.index)).toEqual([0, 2])
    expect(countTrimmed(parts)).toBe(2)
  })

  it('shows them on request, flagged, with their position in article.blocks', () => {
    const shown = renderedBlocks(article(text, { blocks }), { showTrimmed: true })
    expect(shown.map((b) => [b.index, b.trimmed])).toEqual([
      [0, false],
      [1, true],
      [2, false],
      [3, true],
    ])
    expect(shown[1]!.segments.map((s) => [s.start, s.text])).toEqual([[11, 'Related Articles']])
  })

  it('keeps the offsets and emphasis of a trimmed block when it is shown', () => {
    const shown = renderedBlocks(
      article(text, {
        blocks,
        highlights: [
          {
            id: 'hhhhhh',
            codeId: 'evidence',
            note: '',
            createdAt: '',
            updatedAt: '',
            target: target(text, 57, 64),
          },
        ],
        mentions: [
          { id: 'm', entityId: 'e', status: 'confirmed', createdAt: '', target: target(text, 57, 64) },
        ],
        inline: [{ kind: 'strong', start: 11, end: 18 }],
      }),
      { showTrimmed: true },
    )
    const credit = shown.find((b) => b.index === 3)!
    expect(credit.segments.map((s) => [s.start, s.text])).toEqual([[40, 'With inputs from Reuters']])
    expect(shown.find((b) => b.index === 1)!.segments.map((s) => [s.text, s.strong])).toEqual([
      ['Related', true],
      [' Articles', false],
    ])
  })

  it('marks the whole-text fallback with no block position', () => {
    expect(renderedBlocks(article('Just text', { blocks: [] }))[0]!.index).toBe(-1)
  })
})
