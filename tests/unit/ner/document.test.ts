import { describe, expect, it } from 'vitest'
import { withRepeats, type DocumentEntity } from '../../../src/main/services/ner/document'
import { tokenize } from '../../../src/main/services/ner/tokenize'

function entitiesIn(text: string, found: { words: string; type: DocumentEntity['type']; score: number }[]) {
  const tokens = tokenize(text)
  const at = (words: string) => {
    const count = tokenize(words).length
    const first = tokens.findIndex(
      (_, i) =>
        tokens
          .slice(i, i + count)
          .map((t) => t.text)
          .join(' ') ===
        tokenize(words)
          .map((t) => t.text)
          .join(' '),
    )
    return { first, last: first + count }
  }
  const result = withRepeats(
    tokens,
    found.map((f) => ({ ...at(f.words), type: f.type, score: f.score })),
  )
  return result.map((e) => [text.slice(tokens[e.first]!.start, tokens[e.last - 1]!.end), e.type])
}

describe('names found again across a document', () => {
  it('finds a sure name again where it stands alone, and a person by the family name', () => {
    const text =
      'John Kirby spoke for the Pentagon. Kirby said the Pentagon would not comment on Kirby’s trip.'
    expect(
      entitiesIn(text, [
        { words: 'John Kirby', type: 'Person', score: 0.95 },
        { words: 'Pentagon', type: 'Organization', score: 0.9 },
      ]),
    ).toEqual([
      ['John Kirby', 'Person'],
      ['Pentagon', 'Organization'],
      ['Kirby', 'Person'],
      ['Pentagon', 'Organization'],
      ['Kirby', 'Person'],
    ])
  })

  it('leaves alone what the tagger was unsure of, words already taken, and words run into others', () => {
    // "Bergs" is another word; "Berg-led" is Berg and a word hyphened to it, as the tokenizer cuts it.
    const text = 'Anna Berg met Young. Bergs plans. Young Berg left, and Young stayed. A Berg-led plan.'
    expect(
      entitiesIn(text, [
        { words: 'Anna Berg', type: 'Person', score: 0.95 },
        { words: 'Young', type: 'Person', score: 0.3 },
        { words: 'Young Berg', type: 'Organization', score: 0.9 },
      ]),
    ).toEqual([
      ['Anna Berg', 'Person'],
      ['Young', 'Person'],
      ['Young Berg', 'Organization'],
      ['Berg', 'Person'],
    ])
  })
})
