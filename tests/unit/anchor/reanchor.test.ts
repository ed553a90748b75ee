import { describe, expect, it } from 'vitest'
import { errorBudget, fuzzyQuote } from '../../../src/main/services/anchor/fuzzy-quote'
import { agreement } from '../../../src/main/services/anchor/match-quote'
import { reanchorArticle, reanchorTarget } from '../../../src/main/services/anchor/reanchor'
import { targetFor } from '../../../src/main/services/annotate/target'
import type { Highlight, Mention, TextTarget } from '../../../src/shared/model'

const story =
  'Pyongyang, 14 June. The North Korean leader called for closer strategic cooperation with Moscow, ' +
  'state media said on Wednesday.\n\nIn Seoul, officials said the talks would be watched closely. ' +
  'A spokesman for the ministry said the government had no comment on the visit.'

function targetOf(text: string, words: string, occurrence = 0): TextTarget {
  let at = -1
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(words, at + 1)
  if (at < 0) throw new Error(`"${words}" is not in the text`)
  return targetFor(text, at, at + words.length)
}

const wordsAt = (text: string, target: TextTarget) => text.slice(target.position.start, target.position.end)

describe('re-anchoring one target', () => {
  it('keeps a target whose position still holds as it is, found by position', () => {
    const target = targetOf(story, 'closer strategic cooperation')
    const found = reanchorTarget(story, target)
    expect(found?.method).toBe('position')
    expect(found?.target).toBe(target)
  })

  it('moves a target whose text shifted to its quote, with fresh position and context', () => {
    const target = targetOf(story, 'closer strategic cooperation')
    const edited = `UPDATED 15 June. ${story}`
    const found = reanchorTarget(edited, target)
    expect(found?.method).toBe('quote')
    expect(wordsAt(edited, found!.target)).toBe('closer strategic cooperation')
    expect(found!.target.quote.prefix).toBe(
      edited.slice(found!.target.position.start - 32, found!.target.position.start),
    )
  })

  it('chooses among identical occurrences the one whose prefix and suffix agree', () => {
    const text =
      'At nine the minister said no. At noon the minister said yes. At six the minister said maybe.'
    const first = text.indexOf('the minister said')
    const second = text.indexOf('the minister said', first + 1)
    const target = targetFor(text, second, second + 'the minister said'.length)
    // New words in front move every occurrence so far that the stored offsets now frame the first one.
    const edited = `${'x'.repeat(second - first - 1)} ${text}`
    expect(edited.slice(second, second + 17)).toBe('the minister said')
    const found = reanchorTarget(edited, target)
    expect(found?.method).toBe('quote')
    expect(found!.target.position.start).toBe(edited.indexOf('At noon the minister') + 'At noon '.length)
    expect(found!.target.quote.prefix.endsWith('At noon ')).toBe(true)
  })

  it('finds a quote again after words were changed and inserted', () => {
    const target = targetOf(
      story,
      'A spokesman for the ministry said the government had no comment on the visit',
    )
    const edited = story.replace(
      'A spokesman for the ministry said the government',
      'A spokeswoman for the foreign ministry said that the government',
    )
    const found = reanchorTarget(edited, target)
    expect(found?.method).toBe('fuzzy')
    expect(wordsAt(edited, found!.target)).toBe(
      'A spokeswoman for the foreign ministry said that the government had no comment on the visit',
    )
  })

  it('finds a quote across re-flowed lines and paragraphs without spending errors on white space', () => {
    const target = targetOf(story, 'state media said on Wednesday.\n\nIn Seoul, officials said')
    const edited = story.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : '\n'))
    const found = reanchorTarget(edited, target)
    expect(found?.method).toBe('fuzzy')
    expect(wordsAt(edited, found!.target).replace(/\s+/g, ' ')).toBe(
      'state media said on Wednesday. In Seoul, officials said',
    )
  })

  it('prefers the reworded passage where it was to a closer wording far away', () => {
    const filler = 'Markets were calm and trading was light across the region. '.repeat(100)
    const text = `Witnesses said the convoy moved north at dawn on Tuesday, led by trucks. ${filler}In an unrelated drill, the convoy moved north at dawn on Thursday.`
    const target = targetOf(text, 'the convoy moved north at dawn on Tuesday')
    const edited = text.replace('convoy moved north', 'convoy moved slowly north')
    const found = reanchorTarget(edited, target)
    expect(found?.method).toBe('fuzzy')
    expect(wordsAt(edited, found!.target)).toBe('the convoy moved slowly north at dawn on Tuesday')
  })

  it('does not move a short quote onto something unrelated that looks alike', () => {
    const text = 'Vladimir Putin arrived in the capital on Tuesday for two days of talks with Kim.'
    const target = targetOf(text, 'Vladimir Putin')
    const edited = 'A chef in Lyon served Vladimir Poutine, a dish of fries and cheese curds, to the guests.'
    expect(fuzzyQuote(edited, target)).toBeNull()
    expect(reanchorTarget(edited, target)).toBeNull()
  })

  it('does not move a short quote to another exact occurrence in an unrelated sentence', () => {
    const text = 'On Monday Kim inspected a missile factory near the coast, state media said.'
    const target = targetOf(text, 'Kim')
    const edited = 'The factory tour was cancelled. Elsewhere, Kim Kardashian launched a perfume line.'
    expect(reanchorTarget(edited, target)).toBeNull()
  })

  it('finds a short quote whose context still agrees', () => {
    const target = targetOf(story, 'Moscow')
    const edited = story.replace('Pyongyang, 14 June. ', '')
    expect(wordsAt(edited, reanchorTarget(edited, target)!.target)).toBe('Moscow')
  })

  it('gives up on a quote whose text is gone', () => {
    const target = targetOf(story, 'In Seoul, officials said the talks would be watched closely.')
    const edited = story.replace('In Seoul, officials said the talks would be watched closely. ', '')
    expect(reanchorTarget(edited, target)).toBeNull()
  })

  it('spends one error per four characters of the quote, none on a very short one', () => {
    expect(errorBudget(3)).toBe(0)
    expect(errorBudget(40)).toBe(10)
    expect(errorBudget(100_000)).toBe(256)
  })

  it('scores context agreement from 1 (identical) to 0', () => {
    expect(agreement('with Moscow', 'with Moscow')).toBe(1)
    expect(agreement('with Moscow', 'with Moskva')).toBeGreaterThan(0.6)
    expect(agreement('with Moscow', 'zzzzzzzzzzz')).toBeLessThan(0.2)
    expect(agreement('', 'anything')).toBeUndefined()
  })

  it('is idempotent: a re-anchored target re-anchors to itself by position', () => {
    const target = targetOf(story, 'officials said the talks would be watched')
    const edited = story.replace('the talks would be', 'the talks will be')
    const once = reanchorTarget(edited, target)!
    const twice = reanchorTarget(edited, once.target)!
    expect(twice.method).toBe('position')
    expect(twice.target).toBe(once.target)
  })
})

function highlight(id: number, target: TextTarget, note = ''): Highlight {
  return {
    id: `h${String(id).padStart(6, '0')}`,
    target,
    codeId: 'evidence',
    note,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  }
}

function mention(id: number, target: TextTarget): Mention {
  return {
    id: `m${String(id).padStart(6, '0')}`,
    entityId: 'entity1',
    target,
    status: 'confirmed',
    createdAt: '2024-01-01T00:00:00.000Z',
  }
}

describe('re-anchoring an article', () => {
  it('moves, keeps and marks highlights and mentions, and counts how each was found', () => {
    const kept = highlight(1, targetOf(story, 'Pyongyang, 14 June.'), 'dateline')
    const moved = highlight(2, targetOf(story, 'closer strategic cooperation'))
    const gone = highlight(
      3,
      targetOf(story, 'In Seoul, officials said the talks would be watched closely.'),
      'Seoul view',
    )
    const tag = mention(1, targetOf(story, 'Moscow'))
    const article = { text: story, highlights: [kept, moved, gone], mentions: [tag] }
    article.text = story
      .replace('leader called for', 'leader, in a speech, called for')
      .replace('In Seoul, officials said the talks would be watched closely. ', '')
    const result = reanchorArticle(article)
    expect(result).toEqual({ position: 1, quote: 2, fuzzy: 0, unanchored: 1, changed: true })
    const byId = new Map(article.highlights.map((h) => [h.id, h]))
    expect(wordsAt(article.text, byId.get(moved.id)!.target)).toBe('closer strategic cooperation')
    expect(byId.get(gone.id)).toMatchObject({ unanchored: true, note: 'Seoul view' })
    expect(byId.get(gone.id)!.target.quote.exact).toBe(
      'In Seoul, officials said the talks would be watched closely.',
    )
    expect(byId.get(kept.id)!.unanchored).toBeUndefined()
    expect(wordsAt(article.text, article.mentions[0]!.target)).toBe('Moscow')
  })

  it('changes nothing the second time, and leaves unanchored ones alone unless asked to retry', () => {
    const gone = highlight(1, targetOf(story, 'In Seoul, officials said the talks would be watched closely.'))
    const article = { text: story.replace('In Seoul', 'In Tokyo'), highlights: [gone], mentions: [] }
    // Twelve characters changed in a 61-character quote: within the budget, so this one is found.
    expect(reanchorArticle(article).fuzzy).toBe(1)
    const snapshot = structuredClone(article)
    expect(reanchorArticle(article)).toEqual({
      position: 1,
      quote: 0,
      fuzzy: 0,
      unanchored: 0,
      changed: false,
    })
    expect(article).toEqual(snapshot)

    const original = targetOf(story, 'In Seoul, officials said the talks would be watched closely.')
    const lost = { text: 'Nothing of the story is left.', highlights: [highlight(2, original)], mentions: [] }
    expect(reanchorArticle(lost)).toMatchObject({ unanchored: 1, changed: true })
    expect(reanchorArticle(lost)).toMatchObject({ unanchored: 1, changed: false })
    lost.text = story
    expect(reanchorArticle(lost)).toMatchObject({ unanchored: 1, changed: false })
    expect(reanchorArticle(lost, { retryUnanchored: true })).toMatchObject({
      position: 1,
      unanchored: 0,
      changed: true,
    })
    expect(lost.highlights[0]!.unanchored).toBeUndefined()
  })

  it('verifies 5,000 targets that still hold, and re-anchors the few that moved', () => {
    const sentences = Array.from(
      { length: 5_000 },
      (_, i) => `Report ${i} says convoy ${(i * 7919) % 10_007} moved north at dawn.`,
    )
    const text = sentences.join(' ')
    const highlights = sentences.map((s, i) => highlight(i, targetOf(text, s)))
    const article = { text, highlights, mentions: [] as Mention[] }
    expect(reanchorArticle(article)).toEqual({
      position: 5_000,
      quote: 0,
      fuzzy: 0,
      unanchored: 0,
      changed: false,
    })
    expect(
      article.highlights.every((h, i) => h === highlights[i] && h.target === highlights[i]!.target),
    ).toBe(true)

    article.text = text.replace('Report 4000 says', 'Update: Report 4000 said')
    const result = reanchorArticle(article)
    // Report 3999 stays put with a fresh suffix, 4000 was reworded, every later one moved.
    expect(result).toEqual({ position: 4_000, quote: 999, fuzzy: 1, unanchored: 0, changed: true })
    const expected = sentences.map((s, i) => (i === 4000 ? s.replace('says', 'said') : s))
    expect(article.highlights.map((h) => wordsAt(article.text, h.target))).toEqual(expected)
  })
})
