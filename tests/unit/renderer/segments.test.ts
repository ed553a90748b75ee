// The reader's text pieces: cut only at inline emphasis, never at highlights or mentions (those are
// painted over the text), with absolute offsets kept.
import { describe, expect, it } from 'vitest'
import {
  groupListItems,
  hasMarksIn,
  renderedBlocks,
  repeatedTitle,
  segmentRange,
} from '../../../src/renderer/reader/segments'

import { article, target } from './segment-fixtures'

describe('segmentRange', () => {
  it('returns the whole block as one segment when nothing is emphasised', () => {
    expect(segmentRange('Hello world', 0, 11, [])).toEqual([
      { start: 0, end: 11, text: 'Hello world', emphasis: false, strong: false },
    ])
  })

  it('clips emphasis that runs past the block and ignores empty or outside runs', () => {
    const text = 'first block\n\nsecond block'
    const inline = [
      { kind: 'strong' as const, start: 6, end: 19 },
      { kind: 'emphasis' as const, start: 3, end: 3 },
      { kind: 'emphasis' as const, start: 20, end: 25 },
    ]
    expect(segmentRange(text, 0, 11, inline).map((s) => [s.text, s.strong])).toEqual([
      ['first ', false],
      ['block', true],
    ])
    expect(segmentRange(text, 13, 25, inline).map((s) => [s.start, s.text])).toEqual([
      [13, 'second'],
      [19, ' '],
      [20, 'block'],
    ])
  })

  it('joins back into exactly the block text', () => {
    const text = 'The quick brown fox jumps over the lazy dog'
    const segments = segmentRange(text, 4, 39, [
      { kind: 'strong', start: 0, end: 9 },
      { kind: 'emphasis', start: 16, end: 19 },
    ])
    expect(segments.map((s) => s.text).join('')).toBe(text.slice(4, 39))
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text)
  })
})

describe('renderedBlocks', () => {
  it('falls back to one paragraph when the article has no blocks', () => {
    const blocks = renderedBlocks(article('Just text', { blocks: [] }))
    expect(blocks).toHaveLength(1)
    expect(blocks[0]!.kind).toBe('paragraph')
  })

  it('does not cut the text at highlights or mentions, however many there are', () => {
    const text = 'Kim met Putin in Vladivostok on Wednesday.'
    const highlights = Array.from({ length: 50 }, (_, i) => ({
      id: `h${i}`.padEnd(6, '0'),
      codeId: 'evidence',
      note: '',
      createdAt: '',
      updatedAt: '',
      target: target(text, i % 20, 20 + (i % 20)),
    }))
    const blocks = renderedBlocks(article(text, { highlights }))
    expect(blocks[0]!.segments).toHaveLength(1)
  })

  it('leaves out a first heading that repeats the title', () => {
    const text = 'US concerned\n\nBody text.'
    const blocks = renderedBlocks(
      article(text, {
        title: 'US  concerned',
        blocks: [
          { kind: 'heading', start: 0, end: 12 },
          { kind: 'paragraph', start: 14, end: 24 },
        ],
      }),
    )
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph'])
  })

  it('keeps that heading when something is anchored in it', () => {
    const text = 'US concerned\n\nBody text.'
    const parts = article(text, {
      title: 'US concerned',
      blocks: [
        { kind: 'heading', start: 0, end: 12 },
        { kind: 'paragraph', start: 14, end: 24 },
      ],
      highlights: [
        {
          id: 'hhhhhh',
          codeId: 'evidence',
          note: '',
          createdAt: '',
          updatedAt: '',
          target: target(text, 0, 2),
        },
      ],
    })
    const heading = repeatedTitle(parts)!
    expect(hasMarksIn(parts, heading)).toBe(true)
    const blocks = renderedBlocks(parts, { keepTitleHeading: hasMarksIn(parts, heading) })
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph'])
  })
})

describe('groupListItems', () => {
  it('puts consecutive list items in one group', () => {
    const block = (kind: 'paragraph' | 'list-item', start: number) => ({
      kind,
      index: start,
      start,
      end: start + 1,
      trimmed: false,
      restored: false,
      segments: [],
    })
    const groups = groupListItems([
      block('paragraph', 0),
      block('list-item', 2),
      block('list-item', 4),
      block('paragraph', 6),
      block('list-item', 8),
    ])
    expect(groups.map((g) => g.map((b) => b.start))).toEqual([[0], [2, 4], [6], [8]])
  })

  it('leaves trimmed list items, and any the caller names, standing alone', () => {
    const item = (start: number, trimmed = false) => ({
      kind: 'list-item' as const,
      index: start,
      start,
      end: start + 1,
      trimmed,
      restored: false,
      segments: [],
    })
    const blocks = [item(0), item(2), item(4, true), item(6, true), item(8), item(10)]
    expect(groupListItems(blocks).map((g) => g.map((b) => b.start))).toEqual([[0, 2], [4], [6], [8, 10]])
    const restored = new Set([10])
    expect(
      groupListItems(blocks, (b) => b.trimmed || restored.has(b.index)).map((g) => g.map((b) => b.start)),
    ).toEqual([[0, 2], [4], [6], [8], [10]])
  })
})

describe('renderedBlocks on a long article', () => {
  it('cuts every block at the same emphasis as a scan of all the marks would', () => {
    // Blocks in reading order and emphasis in any order, some runs spanning several blocks.
    let seed = 7
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`)
    const text = words.join(' ')
    let offset = 0
    const blocks = words.map((w) => {
      const block = { kind: 'paragraph' as const, start: offset, end: offset + w.length }
      offset += w.length + 1
      return block
    })
    const inline = Array.from({ length: 150 }, () => {
      const start = next(text.length)
      return { kind: next(2) ? ('emphasis' as const) : ('strong' as const), start, end: start + next(60) }
    })
    const shown = renderedBlocks({ title: 'T', text, blocks, inline })
    expect(shown).toHaveLength(blocks.length)
    for (const block of shown)
      expect(block.segments).toEqual(segmentRange(text, block.start, block.end, inline))
  })
})
