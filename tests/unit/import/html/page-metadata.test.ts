// What a page says about itself becomes the article's metadata: JSON-LD, meta tags, <time>, the
// canonical link (http(s) only), language and direction, description.
import { describe, expect, it } from 'vitest'
import { extract } from '../../../../src/main/services/import/extract'
import type { ExtractedArticle } from '../../../../src/shared/model'

const BODY = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the State Department spokesperson said North Korea had completed an arms delivery, including infantry rockets and missiles, to the Wagner group.</p>`,
).join('')

async function articleOf(
  head: string,
  body = `<article>${BODY}</article>`,
  htmlAttributes = '',
): Promise<ExtractedArticle> {
  const html = `<!doctype html><html${htmlAttributes}><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`
  return (await extract('page.html', new TextEncoder().encode(html))).article
}

describe('page metadata', () => {
  it('reads JSON-LD: headline, date, author, publisher, URL', async () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Example Wire' },
        {
          '@type': 'NewsArticle',
          headline: 'Arms deliveries confirmed',
          datePublished: '2023-06-13T09:30:00+05:30',
          author: [{ '@type': 'Person', name: 'Jane Roe' }],
          publisher: { '@type': 'Organization', name: 'Example Wire' },
          mainEntityOfPage: { '@id': 'https://wire.example.org/a/1' },
        },
      ],
    })
    const article = await articleOf(
      `<title>Arms deliveries confirmed | Example Wire</title><script type="application/ld+json">${jsonLd}</script>`,
    )
    expect(article.title).toBe('Arms deliveries confirmed')
    expect(article.published).toBe('2023-06-13T09:30:00+05:30')
    expect(article.byline).toBe('Jane Roe')
    expect(article.siteName).toBe('Example Wire')
    expect(article.sourceUrl).toBe('https://wire.example.org/a/1')
  })

  it('survives broken JSON-LD and falls back to a <time> element for the date', async () => {
    const article = await articleOf(
      '<title>t</title><script type="application/ld+json">{ "@type": "NewsArticle", </script>',
      `<article><time datetime="2022-11-30">30 November</time>${BODY}</article>`,
    )
    expect(article.published).toBe('2022-11-30')
  })

  it('takes only an http(s) canonical URL, resolving a relative one against og:url', async () => {
    expect((await articleOf('<link rel="canonical" href="javascript:alert(1)">')).sourceUrl).toBeUndefined()
    expect(
      (
        await articleOf(
          '<link rel="canonical" href="/world/story"><meta property="og:url" content="https://wire.example.org/x?ref=1">',
        )
      ).sourceUrl,
    ).toBe('https://wire.example.org/world/story')
    expect((await articleOf('<link rel="canonical" href="/world/story">')).sourceUrl).toBeUndefined()
  })

  it('reads language and description', async () => {
    const article = await articleOf(
      '<meta property="og:locale" content="pt_BR"><meta name="description" content="  Resumo   da notícia. ">',
    )
    expect(article.language).toBe('pt-BR')
    expect(article.description).toBe('Resumo da notícia.')
  })

  it('reads right-to-left pages as rtl: from dir, from the language, from the letters', async () => {
    const hebrew = Array.from(
      { length: 6 },
      () =>
        '<p>משרד החוץ האמריקאי אמר כי צפון קוריאה השלימה משלוח נשק לרוסיה, כולל רקטות וטילים, לקבוצת וגנר.</p>',
    ).join('')
    expect((await articleOf('', `<article>${hebrew}</article>`, ' dir="rtl"')).direction).toBe('rtl')
    expect((await articleOf('', `<article>${hebrew}</article>`, ' lang="he"')).direction).toBe('rtl')
    expect((await articleOf('', `<article>${hebrew}</article>`)).direction).toBe('rtl')
    expect((await articleOf('', `<article>${BODY}</article>`, ' lang="en"')).direction).toBe('ltr')
  })
})
