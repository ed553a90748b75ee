// How the reader groups structured blocks: list items into nested lists numbered from their start,
// rows into tables with cell segments, a figure with its captions, and headings ranked under the title.
import { describe, expect, it } from 'vitest'
import { itemValue, listTree, type ListLevel } from '../../../src/renderer/reader/list-tree'
import { groupListItems, renderedBlocks, type RenderedBlock } from '../../../src/renderer/reader/segments'
import type { Block } from '../../../src/shared/model'
import { article } from './segment-fixtures'

let at = 0
function block(kind: Block['kind'], fields: Partial<RenderedBlock> = {}): RenderedBlock {
  at += 2
  return { kind, index: at, start: at, end: at + 1, trimmed: false, restored: false, segments: [], ...fields }
}

const starts = (groups: RenderedBlock[][]) => groups.map((g) => g.map((b) => b.kind))

/** A list level as nested arrays of item starts, to compare shapes. */
function shape(list: ListLevel): unknown[] {
  return list.items.map((node) =>
    node.list ? [node.item.number ?? '•', shape(node.list)] : (node.item.number ?? '•'),
  )
}

describe('grouping structured blocks', () => {
  it('keeps a numbered list and its nested items in one group, and starts a new one when numbering restarts', () => {
    const groups = groupListItems([
      block('list-item', { ordered: true, number: 3 }),
      block('list-item', { ordered: true, number: 4 }),
      block('list-item', { depth: 1 }),
      block('list-item', { ordered: true, number: 5 }),
      block('list-item', { ordered: true, number: 1 }),
      block('list-item'),
    ])
    expect(groups.map((g) => g.map((b) => b.number ?? '•'))).toEqual([[3, 4, '•', 5], [1], ['•']])
  })

  it('puts consecutive rows in one table, and a header row after body rows starts the next', () => {
    const groups = groupListItems([
      block('row', { header: true }),
      block('row'),
      block('row'),
      block('row', { header: true }),
      block('row'),
      block('paragraph'),
      block('row'),
    ])
    expect(groups.map((g) => g.length)).toEqual([3, 2, 1, 1])
  })

  it('gives a figure the captions right after it, and nothing else', () => {
    const groups = groupListItems([
      block('figure', { alt: 'Kim' }),
      block('caption'),
      block('caption'),
      block('figure'),
      block('paragraph'),
      block('caption'),
    ])
    expect(starts(groups)).toEqual([['figure', 'caption', 'caption'], ['figure'], ['paragraph'], ['caption']])
  })

  it('never joins a trimmed row or caption to its neighbours', () => {
    const groups = groupListItems([
      block('row'),
      block('row', { trimmed: true }),
      block('figure'),
      block('caption', { trimmed: true }),
    ])
    expect(groups.map((g) => g.length)).toEqual([1, 1, 1, 1])
  })
})

describe('list nesting', () => {
  it('nests items by depth, however deep the jump, and climbs back out', () => {
    const tree = listTree([
      block('list-item', { ordered: true, number: 3 }),
      block('list-item', { ordered: true, number: 4 }),
      block('list-item', { depth: 1 }),
      block('list-item', { depth: 3, ordered: true, number: 1 }),
      block('list-item', { depth: 1 }),
      block('list-item', { ordered: true, number: 5 }),
    ])
    expect(tree.ordered).toBe(true)
    expect(tree.start).toBe(3)
    expect(shape(tree)).toEqual([3, [4, [['•', [1]], '•']], 5])
    expect(tree.items[1]!.list!.ordered).toBe(false)
  })

  it('starts a run that begins deep (its parents trimmed) as a list of its own', () => {
    const tree = listTree([block('list-item', { depth: 2 }), block('list-item', { depth: 2 })])
    expect(shape(tree)).toEqual(['•', '•'])
  })

  it('gives an item an explicit value only where its number does not follow', () => {
    const tree = listTree([
      block('list-item', { ordered: true, number: 3 }),
      block('list-item', { ordered: true, number: 4 }),
      block('list-item', { ordered: true, number: 9 }),
    ])
    expect([0, 1, 2].map((i) => itemValue(tree, i))).toEqual([undefined, undefined, 9])
  })
})

describe('rendered structure', () => {
  const text = 'Title\n\nSection\n\nSub\n\nYear · Port\n\nCaption\n\nFoot[1]'
  const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length })
  const blocks: Block[] = [
    { kind: 'heading', level: 1, ...at('Title') },
    { kind: 'heading', level: 3, ...at('Section') },
    { kind: 'heading', level: 4, ...at('Sub') },
    { kind: 'row', header: true, ...at('Year · Port'), cells: [at('Year'), at('Port')] },
    { kind: 'figure', alt: 'A chart', start: at('Caption').start, end: at('Caption').start },
    { kind: 'caption', ...at('Caption') },
    { kind: 'paragraph', ...at('Foot[1]') },
  ]
  const shown = renderedBlocks(
    article(text, {
      blocks,
      inline: [{ kind: 'superscript', start: text.indexOf('[1]'), end: text.length }],
    }),
  )

  it('ranks headings under the title from the highest level the article uses', () => {
    // The first heading repeats the title, so it is not shown and does not count.
    expect(shown.filter((b) => b.kind === 'heading').map((b) => [b.level, b.rank])).toEqual([
      [3, 2],
      [4, 3],
    ])
  })

  it('cuts each table cell into its own segments, without the separator between cells', () => {
    const row = shown.find((b) => b.kind === 'row')!
    expect(row.header).toBe(true)
    expect(row.cells!.map((cell) => cell.map((s) => [s.start, s.text]))).toEqual([
      [[at('Year').start, 'Year']],
      [[at('Port').start, 'Port']],
    ])
  })

  it('keeps a figure, which has no text, with its alt, and marks a footnote reference as superscript', () => {
    const figure = shown.find((b) => b.kind === 'figure')!
    expect(figure.alt).toBe('A chart')
    expect(figure.segments).toEqual([])
    const foot = shown.at(-1)!
    expect(foot.segments.map((s) => [s.text, s.superscript ?? false])).toEqual([
      ['Foot', false],
      ['[1]', true],
    ])
  })

  it('shows headings imported before levels were kept at the top rank, as before', () => {
    const old = renderedBlocks(
      article('A\n\nB', {
        blocks: [
          { kind: 'paragraph', start: 0, end: 1 },
          { kind: 'heading', start: 3, end: 4 },
        ],
      }),
    )
    expect(old[1]!.rank).toBe(2)
  })
})
