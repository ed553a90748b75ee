// The title an article gets: the site's name after (or before) a separator is dropped when it is the
// declared site name or the page's address, and a title that is the page's <h1> plus a shorter tail
// becomes the <h1>. The description: the first well-formed of the page's descriptions, whole.
import { describe, expect, it } from 'vitest'
import { chooseDescription } from '../../../../src/main/services/import/html/description'
import { chooseTitle, siteNames, withoutSiteName } from '../../../../src/main/services/import/html/page-title'
import { extract } from '../../../../src/main/services/import/extract'

const strip = (title: string, site?: string, url?: string) => withoutSiteName(title, siteNames(site, url))

describe('site name in a title', () => {
  it('drops the site named by the address', () => {
    expect(strip('Mozilla - Wikipedia', undefined, 'https://en.wikipedia.org/wiki/Mozilla')).toBe('Mozilla')
    expect(
      strip('Weekly Edition for March 26, 2015 [LWN.net]', undefined, 'https://lwn.net/Articles/1/'),
    ).toBe('Weekly Edition for March 26, 2015')
  })

  it('drops the declared site name at the end or at the start', () => {
    expect(strip('Arms deal confirmed – My website', 'My website')).toBe('Arms deal confirmed')
    expect(strip('Arms deal confirmed | Example Wire | News', 'Example Wire')).toBe(
      'Arms deal confirmed | Example Wire | News',
    )
    expect(strip('Example Wire: Arms deal confirmed', 'Example Wire')).toBe('Arms deal confirmed')
    expect(strip('Arms deal confirmed :: Wire PIXNET ::', undefined, 'https://x.pixnet.net/a')).toBe(
      'Arms deal confirmed',
    )
  })

  it('keeps a tail that is not the site, and never leaves an empty title', () => {
    expect(strip('War and Peace - Part 2', 'Example Wire', 'https://wire.example.org/a')).toBe(
      'War and Peace - Part 2',
    )
    expect(strip('Brexit: What happens now', 'BBC News', 'https://www.bbc.com/news/1')).toBe(
      'Brexit: What happens now',
    )
    expect(strip('Example Wire', 'Example Wire')).toBe('Example Wire')
    expect(strip('Results 2015–2016', 'Example Wire')).toBe('Results 2015–2016')
  })
})

describe('title against the headline', () => {
  it('takes the headline when the title is the headline and a shorter tail', () => {
    expect(chooseTitle('Mozilla - Wikipedia', { headlines: ['Mozilla'] }, undefined)).toBe('Mozilla')
    expect(
      chooseTitle(
        'Fearful over strandings | Eleanor Roy',
        { headlines: ['Fearful over strandings'] },
        undefined,
      ),
    ).toBe('Fearful over strandings')
  })

  it('keeps a title whose headline is only a section name', () => {
    expect(chooseTitle('Brexit: What happens now', { headlines: ['Brexit'] }, undefined)).toBe(
      'Brexit: What happens now',
    )
    expect(chooseTitle('Brexit - What happens now', { headlines: ['Brexit'] }, undefined)).toBe(
      'Brexit - What happens now',
    )
  })
})

describe('description', () => {
  it('prefers a well-formed description to one an unescaped quote cut short', async () => {
    const head = `<meta name="description" content="Obama tells the BBC his failure to pass " common="" sense="" laws"="" is="" his="" frustration."="">
      <meta property="og:description" content="Obama tells the BBC his failure to pass &quot;common sense laws&quot; is his frustration.">`
    const body = Array.from(
      { length: 6 },
      () => '<p>Obama spoke about gun laws, the BBC reported, in an interview at the White House.</p>',
    ).join('')
    const html = `<!doctype html><html><head>${head}</head><body><article>${body}</article></body></html>`
    const { article } = await extract('page.html', new TextEncoder().encode(html))
    expect(article.description).toBe(
      'Obama tells the BBC his failure to pass "common sense laws" is his frustration.',
    )
  })

  it('prefers the whole description to one cut short, and any to escaped markup', () => {
    expect(chooseDescription([{ text: 'Adjourned until July...' }, { text: 'Adjourned until July.' }])).toBe(
      'Adjourned until July.',
    )
    expect(
      chooseDescription([{ text: 'At the &quot;Blue House&quot;' }, { text: 'At the "Blue House"' }]),
    ).toBe('At the "Blue House"')
    expect(chooseDescription([{ text: '' }, { text: 'Only one.' }])).toBe('Only one.')
    expect(chooseDescription([{ text: 'Cut "short', stray: true }])).toBe('Cut "short')
    expect(chooseDescription([])).toBeUndefined()
  })
})
