// The reader cuts each block at every highlight and mention boundary, and keeps absolute offsets.
import { describe, expect, it } from 'vitest'
import {
  articleMarks,
  groupListItems,
  renderedBlocks,
  segmentRange,
  type ArticleMarks,
} from '../../../src/renderer/reader/segments'

import { article, none, target } from './segment-fixtures'

describe('segmentRange', () => {
  it('returns the whole block as one segment when nothing is marked', () => {
    expect(segmentRange('Hello world', 0, 11, none)).toEqual([
      {
        start: 0,
        end: 11,
        text: 'Hello world',
        highlights: [],
        mentions: [],
        emphasis: false,
        strong: false,
      },
    ])
  })

  it('cuts at the start and end of a highlight and keeps absolute offsets', () => {
    const text = 'aaaa Kim Jong Un bbbb'
    const marks: ArticleMarks = {
      highlights: [{ id: 'h1', color: 'yellow', start: 5, end: 16 }],
      mentions: [],
      inline: [],
    }
    const segments = segmentRange(text, 0, text.length, marks)
    expect(segments.map((s) => [s.start, s.text])).toEqual([
      [0, 'aaaa '],
      [5, 'Kim Jong Un'],
      [16, ' bbbb'],
    ])
    expect(segments[1]!.highlights.map((h) => h.id)).toEqual(['h1'])
    expect(segments[0]!.highlights).toEqual([])
  })

  it('splits overlapping highlights and mentions into pieces covered by each', () => {
    const text = '0123456789'
    const marks: ArticleMarks = {
      highlights: [{ id: 'h', color: 'green', start: 2, end: 7 }],
      mentions: [{ id: 'm', entityId: 'e', start: 5, end: 9 }],
      inline: [],
    }
    const segments = segmentRange(text, 0, 10, marks)
    expect(segments.map((s) => `${s.text}:${s.highlights.length}${s.mentions.length}`)).toEqual([
      '01:00',
      '234:10',
      '56:11',
      '78:01',
      '9:00',
    ])
  })

  it('clips marks that run past the block and ignores empty or outside ones', () => {
    const text = 'first block\n\nsecond block'
    const marks: ArticleMarks = {
      highlights: [
        { id: 'across', color: 'blue', start: 6, end: 19 },
        { id: 'empty', color: 'blue', start: 3, end: 3 },
        { id: 'outside', color: 'blue', start: 20, end: 25 },
      ],
      mentions: [],
      inline: [],
    }
    const first = segmentRange(text, 0, 11, marks)
    expect(first.map((s) => s.text)).toEqual(['first ', 'block'])
    expect(first[1]!.highlights.map((h) => h.id)).toEqual(['across'])
    const second = segmentRange(text, 13, 25, marks)
    expect(second.map((s) => [s.start, s.text])).toEqual([
      [13, 'second'],
      [19, ' '],
      [20, 'block'],
    ])
  })

  it('joins back into exactly the block text', () => {
    const text = 'The quick brown fox jumps over the lazy dog'
    const marks: ArticleMarks = {
      highlights: [
        { id: 'a', color: 'yellow', start: 4, end: 15 },
        { id: 'b', color: 'pink', start: 10, end: 30 },
      ],
      mentions: [{ id: 'm', entityId: 'e', start: 16, end: 19 }],
      inline: [{ kind: 'strong', start: 0, end: 9 }],
    }
    const segments = segmentRange(text, 4, 39, marks)
    expect(segments.map((s) => s.text).join('')).toBe(text.slice(4, 39))
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text)
  })
})

describe('articleMarks', () => {
  it('reads positions of highlights and leaves rejected mentions out', () => {
    const text = 'Kim met Putin'
    const marks = articleMarks({
      highlights: [
        { id: 'h1', color: 'pink', note: '', createdAt: '', updatedAt: '', target: target(text, 0, 3) },
      ],
      mentions: [
        { id: 'm1', entityId: 'e1', status: 'confirmed', createdAt: '', target: target(text, 8, 13) },
        { id: 'm2', entityId: 'e2', status: 'rejected', createdAt: '', target: target(text, 0, 3) },
      ],
    })
    expect(marks.highlights).toEqual([{ id: 'h1', color: 'pink', start: 0, end: 3 }])
    expect(marks.mentions).toEqual([{ id: 'm1', entityId: 'e1', start: 8, end: 13 }])
    expect(marks.inline).toEqual([])
  })
})

describe('renderedBlocks', () => {
  it('falls back to one paragraph when the article has no blocks', () => {
    const blocks = renderedBlocks(article('Just text', { blocks: [] }))
    expect(blocks).toHaveLength(1)
    expect(blocks[0]!.kind).toBe('paragraph')
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
    const blocks = renderedBlocks(
      article(text, {
        title: 'US concerned',
        blocks: [
          { kind: 'heading', start: 0, end: 12 },
          { kind: 'paragraph', start: 14, end: 24 },
        ],
        highlights: [
          { id: 'h', color: 'yellow', note: '', createdAt: '', updatedAt: '', target: target(text, 0, 2) },
        ],
      }),
    )
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
