// Moving through an article from the keyboard: sentence by sentence, paragraph by paragraph, and
// growing or shrinking a selection with Shift.
import { describe, expect, it } from 'vitest'
import { moveCursor, ReadingCursor, sentencesOf } from '../../../src/renderer/reader/reading-cursor'

const text = 'Troops moved north. Officials denied it.\n\nA second paragraph follows. It has two sentences.'
const blocks = [
  { start: 0, end: 40 },
  { start: 42, end: text.length },
]
const slice = (r: { anchor: number; focus: number } | null) =>
  r && text.slice(Math.min(r.anchor, r.focus), Math.max(r.anchor, r.focus))

describe('the reading cursor', () => {
  it('splits a block into trimmed sentences', () => {
    expect(sentencesOf(text, blocks[0]!).map((r) => text.slice(r.start, r.end))).toEqual([
      'Troops moved north.',
      'Officials denied it.',
    ])
  })

  it('selects the sentence at the top of the view first, then the next and the previous', () => {
    const cursor = new ReadingCursor(text, blocks)
    let at = moveCursor(cursor, 'sentence', 1, null, 5, false)
    expect(slice(at)).toBe('Troops moved north.')
    at = moveCursor(cursor, 'sentence', 1, at, 0, false)
    expect(slice(at)).toBe('Officials denied it.')
    at = moveCursor(cursor, 'sentence', 1, at, 0, false)
    expect(slice(at)).toBe('A second paragraph follows.')
    at = moveCursor(cursor, 'sentence', -1, at, 0, false)
    expect(slice(at)).toBe('Officials denied it.')
  })

  it('grows a selection by sentences with Shift and shrinks it back', () => {
    const cursor = new ReadingCursor(text, blocks)
    let at = moveCursor(cursor, 'sentence', 1, null, 0, false)
    at = moveCursor(cursor, 'sentence', 1, at, 0, true)
    expect(slice(at)).toBe('Troops moved north. Officials denied it.')
    at = moveCursor(cursor, 'sentence', 1, at, 0, true)
    expect(slice(at)).toContain('A second paragraph follows.')
    at = moveCursor(cursor, 'sentence', -1, at, 0, true)
    expect(slice(at)?.trim()).toBe('Troops moved north. Officials denied it.')
  })

  it('moves and extends by paragraph', () => {
    const cursor = new ReadingCursor(text, blocks)
    let at = moveCursor(cursor, 'paragraph', 1, null, 0, false)
    expect(slice(at)).toBe(text.slice(0, 40))
    at = moveCursor(cursor, 'paragraph', 1, at, 0, true)
    expect(slice(at)).toBe(text)
  })

  it('stays put at the ends of the article', () => {
    const cursor = new ReadingCursor(text, blocks)
    const last = moveCursor(cursor, 'sentence', 1, null, text.length - 3, false)
    expect(slice(last)).toBe('It has two sentences.')
    expect(moveCursor(cursor, 'sentence', 1, last, 0, false)).toEqual(last)
  })
})
