import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { creditsIn, visibleText } from '../../../src/main/services/import/boilerplate'
import { extract } from '../../../src/main/services/import/extract'
import { hammingDistance, SAME_STORY_BITS, simhash } from '../../../src/main/services/import/simhash'
import { SEED_000, SEED_004, seedsDir } from '../../helpers'

async function visible(path: string) {
  const { article } = await extract(path.split('/').pop()!, await readFile(path))
  return { article, text: visibleText(article.text, article.blocks) }
}

describe('site boilerplate in text exports', () => {
  it('trims "Related Articles", the news-site footer and the "also read" teasers of seed 000, keeping them', async () => {
    const { article, text } = await visible(SEED_000)
    for (const furniture of [
      'Related Articles',
      'Read all the Latest News',
      'Follow us on Facebook',
      'also read',
      'The hermit state announced',
    ]) {
      expect(text).not.toContain(furniture)
      expect(article.text).toContain(furniture)
    }
    expect(text).toContain('“Justice is sure to win')
    expect(text.trimEnd().endsWith('military equipment lost in its war with Ukraine.')).toBe(true)
  })

  it('turns "With inputs from Reuters" into a credit instead of body text', async () => {
    const { article, text } = await visible(SEED_000)
    expect(article.credits).toEqual(['Reuters'])
    expect(text).not.toContain('With inputs from Reuters')
    expect(creditsIn('(With inputs from PTI, AFP and Reuters)')).toEqual(['PTI', 'AFP', 'Reuters'])
    expect(creditsIn('Reuters reported that the talks failed.')).toBeUndefined()
  })

  it('leaves an article without furniture whole', async () => {
    const { article, text } = await visible(SEED_004)
    expect(article.blocks.some((b) => b.trimmed)).toBe(false)
    expect(text).toBe(article.text)
  })
})

describe('same story in another file', () => {
  it('gives the .txt, .md and Windows-1252 copies of seed 000 near-identical fingerprints, and seed 004 a distant one', async () => {
    const copies = await Promise.all(
      ['000_8b2ef8656cbf5d92.txt', '000_us-concerned-north-korea.md', '000_windows-1252.txt'].map((n) =>
        visible(join(seedsDir, n)),
      ),
    )
    const other = await visible(SEED_004)
    const [a, b, c] = copies.map((v) => simhash(v.text)!)
    expect(hammingDistance(a!, b!)).toBeLessThanOrEqual(SAME_STORY_BITS)
    expect(hammingDistance(a!, c!)).toBeLessThanOrEqual(SAME_STORY_BITS)
    expect(hammingDistance(a!, simhash(other.text)!)).toBeGreaterThan(SAME_STORY_BITS * 2)
  })
})

describe('furniture rules that hold across sites', () => {
  const sentence = (i: number) =>
    `<p>Paragraph ${i}: the ministry said the convoy of ${i * 12} trucks crossed the border near Sinuiju before dawn, officials reported.</p>`
  async function page(extra: { top?: string; bottom?: string; middle?: string }) {
    const body = [
      extra.top ?? '',
      sentence(1),
      sentence(2),
      extra.middle ?? '',
      sentence(3),
      sentence(4),
      sentence(5),
      extra.bottom ?? '',
    ].join('')
    const html = `<!doctype html><html><head><title>Convoy</title></head><body><article>${body}</article></body></html>`
    const { article } = await extract('page.html', new TextEncoder().encode(html))
    return { article, text: visibleText(article.text, article.blocks) }
  }

  it('trims newsletter prompts, share bars, comment counts, photo credits and "Read more:" lines, keeping them', async () => {
    const furniture = [
      'Sign up for our morning newsletter and get the news in your inbox.',
      'Share | Tweet | Email',
      '24 Comments',
      'View 12 comments',
      'Photo: Jung Yeon-je/AFP',
      'JIM WATSON/AFP/Getty Images',
      'Read more: Kim visits the Vostochny space centre',
      'Comments (5 posted)',
      'Foto: LA NACION',
      '(Bild: Hersteller)',
      'Powered by SmartAsset.com',
      'This article originally appeared on The Atlantic.',
      'By Nathan Willis March 25, 2015',
      '1:39 PM ET',
      'CNNMoney (New York) First published February 1, 2016: 1:28 AM ET',
      '[Read: Why Tunisia suffers from Islamist violence]',
      'Map: Flow of foreign fighters to Syria',
      'Ben Silverman is on Twitter at ben_silverman.',
      'Facebook',
    ]
    const { article, text } = await page({ middle: furniture.map((f) => `<p>${f}</p>`).join('') })
    for (const f of furniture) {
      expect(text, f).not.toContain(f)
      expect(article.text, f).toContain(f)
    }
    expect(text).toContain('Paragraph 3:')
  })

  it('trims "read also" lines in the languages of the news, newsletter invitations and page links', async () => {
    const furniture = [
      'Lire aussi : Les critiques de la CNIL contre le projet de loi',
      'Leia também: Bolsonaro convida Palmeiras para a posse',
      'Lesen Sie auch: Sanktionen gegen Nordkorea verschärft',
      'Lee también | El Gobierno anuncia nuevas medidas',
      'Cities are changing fast. Keep up with the CityLab Daily newsletter.',
      'Get the Morning Briefing newsletter',
      'Abonnez-vous à notre newsletter quotidienne',
      'Suscríbete a nuestro boletín de noticias',
      'Jetzt den Newsletter abonnieren',
      'Síguenos en Twitter y Facebook',
      'Partager cet article',
      'Teilen | Drucken | E-Mail',
      'Next page: Security>>',
      'Page 2 of 3',
      'Media playback is unsupported on your device',
      'We use cookies to give you the best experience on our site.',
      'Copyright 2018 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
      'Reporting by Hyonhee Shin; Editing by Michael Perry',
      'Got a tip? Email us at tips@example.com',
      'Follow Jane Roe on Twitter',
      'By Jane Roe | Reuters',
      'AFP via Getty Images',
      'Kim Hong-Ji for Reuters',
      'Written by Jane Roe and John Doe',
      'Image source, Getty Images',
      'Topics: North Korea, Russia, Sanctions',
      '4 min read',
    ]
    const kept = [
      'Reporting by state media suggested the talks had failed.',
      'By Monday the convoy had reached the border.',
      'Written by hand, the letter reached Seoul a week later.',
      'He worked for Reuters',
      'Topics discussed included the rail link and the shipment of shells.',
      'Jetzt müssen sich die Parteien für die Wahl anmelden, sagte die Kommission.',
      'Compartir el poder con la oposición no está en los planes del gobierno.',
      'More than 200 trucks crossed the border, officials said.',
      'He tried to get the ministry’s newsletter banned, without success.',
      'Next, the page of the report that the ministry withheld was leaked.',
    ]
    const { article, text } = await page({
      middle: [...furniture, ...kept].map((f) => `<p>${f}</p>`).join(''),
    })
    for (const f of furniture) {
      expect(text, f).not.toContain(f)
      expect(article.text, f).toContain(f)
    }
    for (const k of kept) expect(text, k).toContain(k)
  })

  it('trims what follows "Most Read" near the end, and keeps the article before it', async () => {
    const { article, text } = await page({
      bottom: '<h3>Most Read</h3><p>Kim visits the space centre</p><p>Seoul protests the shipment</p>',
    })
    expect(text).not.toContain('Most Read')
    expect(text).not.toContain('Seoul protests the shipment')
    expect(article.text).toContain('Seoul protests the shipment')
    expect(text).toContain('Paragraph 5:')
  })

  it('trims a paragraph that is nothing but a link to another story, and keeps a sentence with a link in it', async () => {
    const teaser = '<p><a href="/story/7">Five things we learned from the interview</a></p>'
    const sentence =
      '<p>The ministry published <a href="/doc/1">the full list of sanctioned vessels</a> on Monday.</p>'
    const leadIn = '<p><a href="/doc/2">The statement reads in full:</a></p>'
    const { article, text } = await page({ middle: teaser + sentence + leadIn })
    expect(text).not.toContain('Five things we learned')
    expect(article.text).toContain('Five things we learned')
    expect(text).toContain('the full list of sanctioned vessels')
    expect(text).toContain('The statement reads in full:')
  })

  it('trims an author bio at the end in the other languages of the news, not a closing quote', async () => {
    const bio =
      'Andrés Malamud es politólogo en la Universidad de Lisboa. Martín Schapiro es abogado y analista internacional.'
    const { text } = await page({ bottom: `<p>${bio}</p>` })
    expect(text).not.toContain('Andrés Malamud')
    const closing = 'Juan Pérez es el autor del informe, según la fiscalía, y declarará el lunes.'
    const kept = await page({ bottom: `<p>${closing}</p>` })
    expect(kept.text).toContain(closing)
  })

  it('trims an author bio set in capitals', async () => {
    const { text } = await page({ bottom: '<p>LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR</p>' })
    expect(text).not.toContain('LAURIE OAKES')
    expect(text).toContain('Paragraph 5:')
  })

  it('trims the author bio at the end, and not a sentence about a person inside the article', async () => {
    const bio = 'Jane Roe is a reporter for Example Wire covering North Korea. Follow her on X.'
    const inside = 'Kim Yo Jong is the sister of the leader and writes statements for state media.'
    const { text } = await page({ middle: `<p>${inside}</p>`, bottom: `<p>${bio}</p>` })
    expect(text).not.toContain(bio)
    expect(text).toContain(inside)
  })

  it('trims a caption that only credits the picture, and keeps sentences that mention a date or a byline', async () => {
    const sentences = [
      'The report, first published on March 2, 2015, found that the sanctions had not worked.',
      'By Monday the convoy had reached the border, officials said.',
      'Powered by diesel engines, the trucks crossed the bridge at night.',
    ]
    const { article, text } = await page({
      middle:
        `<figure><img src="a.jpg"><figcaption>Devindra Hardawar/AOL</figcaption></figure>` +
        sentences.map((s) => `<p>${s}</p>`).join(''),
    })
    expect(text).not.toContain('Devindra Hardawar/AOL')
    expect(article.text).toContain('Devindra Hardawar/AOL')
    for (const sentence of sentences) expect(text, sentence).toContain(sentence)
  })

  it('trims a subscription offer: each plan’s name, price and line, and the cards accepted', async () => {
    const offer = [
      '<h3>Monthly</h3><p>$7/month</p><p>A flexible plan you can cancel anytime.</p>',
      '<h3>Annual</h3><p>$70/year</p><p>A discounted plan to keep you up to date all year.</p>',
      '<p>We accept credit card, Apple Pay and Google Pay.</p>',
    ].join('')
    const { text } = await page({ bottom: offer })
    for (const gone of [
      'Monthly',
      '$7/month',
      'cancel anytime',
      'Annual',
      'up to date all year',
      'Apple Pay',
    ])
      expect(text, gone).not.toContain(gone)
    expect(text).toContain('Paragraph 5:')
  })

  it('makes "… contributed to this report" a credit, and trims the teasers after "More … news:"', async () => {
    const { article, text } = await page({
      bottom:
        '<p>Heba Habib contributed to this report.</p><p>More games news:</p><ul><li>Review: a racing game</li></ul>',
    })
    expect(text).not.toContain('contributed')
    expect(text).not.toContain('More games news')
    expect(article.credits).toContain('Heba Habib')
  })

  it('trims the box about the author after its heading', async () => {
    const { text } = await page({
      bottom:
        '<h3>About the Author</h3><p>Sarah Archer</p><p>Sarah Archer is the author of a book on kitchens.</p>',
    })
    expect(text).not.toContain('About the Author')
    expect(text).not.toContain('Sarah Archer')
  })

  it('keeps a caption that describes the picture besides crediting it', async () => {
    const caption = 'The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters'
    const { text } = await page({
      middle: `<figure><img src="a.jpg"><figcaption>${caption}</figcaption></figure>`,
    })
    expect(text).toContain(caption)
  })

  it('trims a run of teaser links, but not the article’s own list of links under its heading', async () => {
    const teasers = ['Kim meets Putin', 'Rail link reopens', 'Seoul protests shipment']
      .map((t, i) => `<li><a href="/story/${i}">${t}</a></li>`)
      .join('')
    const sources = ['UN panel report', 'Treasury sanctions notice', 'KCNA statement']
      .map((t, i) => `<li><a href="/doc/${i}">${t}</a></li>`)
      .join('')
    const { article, text } = await page({
      middle: `<ul>${teasers}</ul>`,
      bottom: `<h2>Sources</h2><ul>${sources}</ul>`,
    })
    expect(text).not.toContain('Rail link reopens')
    expect(article.text).toContain('Rail link reopens')
    expect(text).toContain('Treasury sanctions notice')
  })
})
