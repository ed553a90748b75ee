// "Edit article details": only changed fields are sent, an emptied field clears, and problems are named
// on their field before anything is sent.
import { describe, expect, it } from 'vitest'
import { changedDetails, detailProblems, detailsOf } from '../../../src/renderer/reader/article-details'
import { creditLine, standfirstOf } from '../../../src/renderer/reader/article-meta'

const before = detailsOf({
  title: 'US concerned',
  published: '2023-06-13',
  byline: undefined,
  siteName: 'News18',
  sourceUrl: undefined,
  grade: undefined,
})

describe('article details', () => {
  it('turns missing fields into empty strings for the form', () => {
    expect(before).toEqual({
      title: 'US concerned',
      published: '2023-06-13',
      byline: '',
      siteName: 'News18',
      sourceUrl: '',
      grade: '',
    })
  })

  it('sends only what changed, trimmed, and an emptied field as an empty string', () => {
    const after = { ...before, title: '  US worried  ', siteName: '', byline: 'Staff' }
    expect(changedDetails(before, after)).toEqual({ title: 'US worried', siteName: '', byline: 'Staff' })
    expect(changedDetails(before, { ...before, title: 'US concerned ' })).toEqual({})
  })

  it('asks for a title and a date written as YYYY-MM-DD', () => {
    expect(detailProblems(before, { ...before, title: '  ' })).toEqual({ title: 'Give the article a title.' })
    expect(detailProblems(before, { ...before, published: '13/06/2023' }).published).toMatch(/YYYY-MM-DD/)
    expect(detailProblems(before, { ...before, published: '2023-06-13T09:30+05:30' })).toEqual({})
    expect(detailProblems(before, { ...before, published: '' })).toEqual({})
  })

  it('takes a whole Admiralty grade or none', () => {
    expect(changedDetails(before, { ...before, grade: 'B2' })).toEqual({ grade: 'B2' })
    expect(detailProblems(before, { ...before, grade: 'B' }).grade).toMatch(/both/)
    expect(detailProblems(before, { ...before, grade: '2' }).grade).toMatch(/both/)
    expect(detailProblems(before, { ...before, grade: '' })).toEqual({})
  })

  it('leaves an unchanged date as the importer kept it', () => {
    const odd = { ...before, published: 'Tuesday 13 June' }
    expect(detailProblems(odd, { ...odd, title: 'New' })).toEqual({})
  })
})

describe('standfirst and credits', () => {
  const first = 'The United States is concerned that North Korea is planning to send more weapons.'
  const text = `${first}\n\nMore.`
  const blocks = [
    { kind: 'paragraph' as const, start: 0, end: first.length },
    { kind: 'paragraph' as const, start: first.length + 2, end: text.length },
  ]

  it('shows a description that adds something', () => {
    const description = 'Washington says Pyongyang is arming Moscow.'
    expect(standfirstOf({ title: 'T', description, text, blocks })).toBe(description)
  })

  it('leaves out a description that repeats the first paragraph, whole or cut short, or the title', () => {
    expect(standfirstOf({ title: 'T', description: first, text, blocks })).toBeUndefined()
    expect(
      standfirstOf({ title: 'T', description: 'The United States is concerned that North…', text, blocks }),
    ).toBeUndefined()
    expect(standfirstOf({ title: 'Same', description: 'same.', text, blocks })).toBeUndefined()
    expect(standfirstOf({ title: 'T', description: '  ', text, blocks })).toBeUndefined()
  })

  it('compares with the first paragraph actually read, not a trimmed one', () => {
    const trimmedFirst = [{ ...blocks[0]!, trimmed: true }, blocks[1]!]
    expect(standfirstOf({ title: 'T', description: 'More', text, blocks: trimmedFirst })).toBeUndefined()
    expect(standfirstOf({ title: 'T', description: first, text, blocks: trimmedFirst })).toBe(first)
  })

  it('writes the credits as a sentence', () => {
    expect(creditLine(['Reuters'])).toBe('With inputs from Reuters')
    expect(creditLine(['PTI', 'Reuters', 'AFP', 'PTI'])).toBe('With inputs from PTI, Reuters and AFP')
    expect(creditLine([])).toBeUndefined()
    expect(creditLine(undefined)).toBeUndefined()
  })
})
