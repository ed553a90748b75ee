// Library rows: newest first, searchable by title and source, dates as "13 Jun 2023".
import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../src/shared/model'
import {
  formatPublished,
  formatPublishedDetail,
  hostnameOf,
  sourceLabel,
} from '../../../src/renderer/library/article-format'
import { filterArticles, newestFirst } from '../../../src/renderer/library/filter-articles'

function summary(id: string, parts: Partial<ArticleSummary>): ArticleSummary {
  return {
    id,
    title: 'Untitled',
    originalName: `${id}.txt`,
    sha256: '0'.repeat(64),
    importedAt: '2024-01-01T00:00:00.000Z',
    highlightCount: 0,
    entityCount: 0,
    savedAt: 0,
    ...parts,
  }
}

describe('formatPublished', () => {
  it('formats ISO days and keeps the calendar day as written', () => {
    expect(formatPublished('2023-06-13')).toBe('13 Jun 2023')
    expect(formatPublished('2023-06-13T23:30:00-08:00')).toBe('13 Jun 2023')
    expect(formatPublished('2023-06-13T01:00:00+09:00')).toBe('13 Jun 2023')
  })

  it('shows unparseable dates as they came and nothing for none', () => {
    expect(formatPublished('last Tuesday')).toBe('last Tuesday')
    expect(formatPublished(undefined)).toBeUndefined()
    expect(formatPublished('  ')).toBeUndefined()
  })
})

describe('formatPublishedDetail', () => {
  it("shows the day in the analyst's locale, as written", () => {
    expect(formatPublishedDetail('2023-06-13', 'en-GB')).toBe('13 Jun 2023')
    expect(formatPublishedDetail('2023-06-13', 'en-US')).toBe('Jun 13, 2023')
  })

  it("adds the time when the source gave one, in the source's own time with its offset", () => {
    expect(formatPublishedDetail('2023-06-13T23:30:00-08:00', 'en-GB')).toBe('13 Jun 2023, 23:30 UTC-8')
    expect(formatPublishedDetail('2023-06-13T09:30+05:30', 'en-GB')).toBe('13 Jun 2023, 09:30 UTC+5:30')
    expect(formatPublishedDetail('2023-06-13T09:30:00.000Z', 'en-GB')).toBe('13 Jun 2023, 09:30 UTC')
    // ICU puts a narrow no-break space before AM in some versions.
    expect(formatPublishedDetail('2023-06-13T09:30', 'en-US')?.replace(/\s/g, ' ')).toBe(
      'Jun 13, 2023, 9:30 AM',
    )
  })

  it('shows anything else as it came', () => {
    expect(formatPublishedDetail('last Tuesday')).toBe('last Tuesday')
    expect(formatPublishedDetail('')).toBeUndefined()
  })
})

describe('sourceLabel', () => {
  it('prefers the site name, then the host, then the file name', () => {
    expect(sourceLabel(summary('a', { siteName: 'Example Wire', sourceUrl: 'https://x.org/a' }))).toBe(
      'Example Wire',
    )
    expect(sourceLabel(summary('b', { sourceUrl: 'https://www.wire.example.org/world/1' }))).toBe(
      'wire.example.org',
    )
    expect(sourceLabel(summary('c', { sourceUrl: 'not a url' }))).toBe('c.txt')
    expect(hostnameOf(undefined)).toBeUndefined()
  })
})

describe('filterArticles and newestFirst', () => {
  const list = [
    summary('old', { title: 'US concerned about North Korea', importedAt: '2024-01-01T00:00:00.000Z' }),
    summary('new', {
      title: 'Étude sur la Russie',
      siteName: 'Le Monde',
      importedAt: '2024-03-01T00:00:00.000Z',
    }),
  ]

  it('puts the newest import first', () => {
    expect(newestFirst(list).map((a) => a.id)).toEqual(['new', 'old'])
  })

  it('matches every word in title or source, ignoring case and accents', () => {
    expect(filterArticles(list, 'north korea').map((a) => a.id)).toEqual(['old'])
    expect(filterArticles(list, 'etude monde').map((a) => a.id)).toEqual(['new'])
    expect(filterArticles(list, 'korea monde')).toEqual([])
    expect(filterArticles(list, '  ')).toHaveLength(2)
  })
})
