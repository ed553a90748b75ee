import { describe, expect, it } from 'vitest'
import type { ArticleView } from '../../../src/shared/api'
import { packArticleView, unpackArticleView } from '../../../src/shared/article-wire'
import type { Highlight, Mention, TextTarget } from '../../../src/shared/model'
import { quoteSelector } from '../../../src/shared/text-quote'

const text =
  'Kim Jong Un met Vladimir Putin in Vladivostok. The talks lasted four hours and ended with a pledge.'

function target(start: number, end: number): TextTarget {
  return {
    quote: quoteSelector(text, { type: 'TextPositionSelector', start, end }),
    position: { type: 'TextPositionSelector', start, end },
  }
}

function view(highlights: Highlight[], mentions: Mention[]): ArticleView {
  return {
    article: { id: 'a1', text, highlights, mentions } as unknown as ArticleView['article'],
    entities: [],
  }
}

const at = '2024-03-01T08:00:00.000Z'
const highlight = (id: string, t: TextTarget): Highlight =>
  ({ id, target: t, codeId: 'evidence', note: '', createdAt: at, updatedAt: at }) as Highlight
const mention = (id: string, t: TextTarget): Mention =>
  ({ id, entityId: 'e1', target: t, status: 'confirmed', createdAt: at }) as Mention

/** Packed, sent as JSON, parsed and unpacked, as the HTTP host and client do. */
const trip = (v: ArticleView) => unpackArticleView(JSON.parse(JSON.stringify(packArticleView(v))))

describe('the open article over HTTP', () => {
  it('leaves out quotes the text gives back, and restores them exactly', () => {
    const original = view(
      [highlight('h1', target(0, 11)), highlight('h2', target(47, text.length))],
      [mention('m1', target(16, 30))],
    )
    const packed = JSON.parse(JSON.stringify(packArticleView(original)))
    expect(packed.article.highlights[0].target).toEqual([0, 11])
    expect(packed.article.mentions[0].target).toEqual([16, 30])
    expect(packed.article.highlights[0].updatedAt).toBeUndefined()
    expect(trip(original)).toEqual(original)
  })

  it('keeps the time of an edit', () => {
    const edited = { ...highlight('h1', target(0, 11)), note: 'later', updatedAt: '2024-03-02T09:30:00.000Z' }
    const packed = JSON.parse(JSON.stringify(packArticleView(view([edited], []))))
    expect(packed.article.highlights[0].updatedAt).toBe('2024-03-02T09:30:00.000Z')
    expect(trip(view([edited], [])).article.highlights[0]).toEqual(edited)
  })

  it('sends a quote that differs from the text as it is, as after the text moved', () => {
    const moved: TextTarget = {
      quote: { type: 'TextQuoteSelector', exact: 'Vladimir Putin', prefix: 'Kim met ', suffix: ' in' },
      position: { type: 'TextPositionSelector', start: 16, end: 30 },
    }
    const gone = {
      ...target(5, 9),
      quote: { type: 'TextQuoteSelector' as const, exact: 'words no longer there', prefix: '', suffix: '' },
    }
    const original = view([highlight('h1', moved), { ...highlight('h2', gone), unanchored: true }], [])
    const packed = JSON.parse(JSON.stringify(packArticleView(original)))
    expect(packed.article.highlights[0].target.quote).toEqual(moved.quote)
    expect(trip(original)).toEqual(original)
  })

  it('never changes the article it packs', () => {
    const original = view([highlight('h1', target(0, 11))], [])
    const copy = structuredClone(original)
    packArticleView(original)
    expect(original).toEqual(copy)
  })
})
