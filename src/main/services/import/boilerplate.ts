// Site furniture in article exports: share bars and counts, "Related Articles", "Read more: …" lines,
// teaser lists, newsletter and subscription prompts, photo credits, the author's bio at the end. Such
// blocks are marked trimmed (kept in the text, hidden from the reading, restorable); a wire
// attribution like "With inputs from Reuters" becomes a credit. The rules are about what a block
// says and where it stands, never about one site's markup.
import type { Block } from '../../../shared/model'

/** "Read also" and its kin in the languages of the news, as a label before another story's headline. */
const READ_ALSO = [
  'read (?:more|also)',
  '(?:à )?lire (?:aussi|également)',
  'le[ea] (?:también|además)',
  'leer más',
  'te puede interesar',
  'leia (?:também|mais)',
  'veja (?:também|mais)',
  'saiba mais',
  'lesen sie (?:auch|mehr)',
  'mehr zum thema',
  'auch interessant',
  'leggi (?:anche|di più)',
  'lees (?:ook|meer)',
  'czytaj (?:też|także|więcej)',
  'zobacz (?:też|także)',
  'čtěte (?:také|též)',
  'přečtěte si (?:také|též)',
].join('|')

/** A block that is furniture wherever it stands. */
const FURNITURE = [
  /^related (articles|stories|news|content|coverage)$/i,
  /^(advertisement|sponsored( content)?|story continues below( advertisement)?)$/i,
  /^read (all )?(the )?latest news\b/i,
  /\bfollow us on (facebook|twitter|x|instagram|telegram|whatsapp|google news)\b/i,
  // "Síguenos en Twitter", "Suivez-nous sur Facebook", "Folgen Sie uns auf Instagram", and the share
  // buttons' label: "Partager cet article", "Compartir en WhatsApp", "Teilen".
  /^(?:síguenos|suivez-nous|folgen sie uns|siga-nos|segue-nos|seguici|volg ons|sledujte nás|obserwuj nas)\b.{0,80}$/iu,
  /^(?:partager|compartir|compartilhar|partilhar|teilen|condividi|delen|sdílet|udostępnij)(?:\s+(?:cet article|este artículo|esta nota|este artigo|diesen artikel|artikel|l['’]articolo|en|sur|auf|no|su|na|op|via)\b.{0,40})?$/iu,
  /^(share|share this( article| story)?|share on (facebook|twitter|x|whatsapp|linkedin|email))\b.{0,120}$/i,
  /^(click here to|subscribe (to|now)|sign up for our|download the .{0,30} app)\b/i,
  /^(also watch|watch video|listen to this article)\b/i,
  // Newsletter and subscription prompts.
  /\b(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletters?|briefings?|alerts|updates|inbox)\b/i,
  /\bnewsletters?\b.{0,60}\b(?:sign up|subscribe|inbox|every (?:morning|day|week|weekday))\b/i,
  // The same prompts in the other languages of the news: "Abonnez-vous à notre newsletter",
  // "Suscríbete a nuestro boletín", "Jetzt den Newsletter abonnieren", "Assine a newsletter".
  /^(?:abonnez-vous|inscrivez-vous|suscr[ií]bete|suscr[ií]base|reg[ií]strate|assine|inscreva-se|cadastre-se|iscriviti|abbonati)\b.{0,80}\b(?:newsletters?|lettre d['’]information|bolet[ií]n|boletim|notiziario)\b.{0,60}$/iu,
  /^(?:(?:jetzt )?(?:den |unseren )?newsletter (?:abonnieren|bestellen)|recevez (?:notre|la) newsletter|recibe (?:nuestro|el) bolet[ií]n|receba (?:a nossa|nossa) newsletter)\b.{0,80}$/iu,
  // "Cities are changing fast. Keep up with the CityLab Daily newsletter."
  /^(?:[^.!?]{0,80}[.!?]\s+)?(?:keep up|stay (?:up to date|informed|in the know)|get|receive|join|try|don['’]t miss)\b.{0,80}\bnewsletters?\b[^.!?]{0,40}[.!?]?$/i,
  /^(?:already a (?:subscriber|member)|subscribe (?:for|from) \S+|support (?:our|independent|quality) journalism|become a (?:member|subscriber|supporter))\b/i,
  /^(?:this (?:article|story|content) is (?:for|available to) (?:subscribers|members)|to continue reading,? (?:subscribe|log in|sign in))\b/i,
  // Share bars and comment counts: "24 Comments", "Comments (5)", "Comments (5 posted)".
  /^(?:\d[\d,.]*k?\s*)?(?:comments?|shares?|responses|replies)(?:\s*\(\d+(?:\s+\p{L}+)?\))?$/iu,
  /^(?:view|show|read|see|load|join the|add a|leave a|post a) (?:\d+ )?(?:comments?|conversation|discussion|responses?)\b.{0,40}$/i,
  /^(?:comments? (?:are|is) (?:closed|disabled)|be the first to comment)\b/i,
  /^(?:(?:share|tweet|email|e-mail|print|whatsapp|facebook|twitter|linkedin|pinterest|reddit|copy link|save|partager|imprimer|compartir|imprimir|teilen|drucken|condividi|stampa)\s*[|·•,/]?\s*){2,}$/i,
  // "Read more: …", "Related: …", "Watch: …" before another story's headline, in the languages of the news.
  new RegExp(
    `^(?:${READ_ALSO}|lire|see also|voir aussi|ver también|related|more|watch|listen|recommended|trending)\\s*[:»|–—-]\\s*\\S.{0,160}$`,
    'iu',
  ),
  // Photo and image credits on their own, in the languages of the news: "Photo: …", "Foto: …", "(Bild: …)".
  /^\(?\s*(?:photo|photograph|image|picture|illustration|graphic|video|footage|foto|fotografía|bild|imagen|immagine|imagem|afbeelding)s?\s*(?:credit|courtesy|copyright|©)?\s*[:©]?\s*(?:by\s+)?[\p{Lu}][^.!?]{0,80}\)?$/iu,
  /^\(?\s*(?:credits?|crédits?|crédito|courtesy|source|quelle|fuente|fonte|©|copyright)\s*[:©]?\s*[\p{Lu}][^.!?]{0,80}\)?$/iu,
  // "Image source, Getty Images", "Media caption," alone: a picture's or a player's label.
  /^(?:image|media|video|picture) (?:source|copyright|credit),\s*\S.{0,60}$/i,
  // The story's tags and reading time: "Topics: North Korea, Russia", "4 min read", "Reading time: 4 minutes".
  /^(?:tags|topics|filed under|categories|related topics|more about)\s*:\s*\S.{0,200}$/i,
  /^(?:\d+\s*(?:min(?:ute)?s?|m)\.?\s+read|reading time\s*:?\s*\d+\s*(?:min(?:ute)?s?)?\.?)$/i,
  // "JIM WATSON/AFP/Getty Images": a name of up to four words, then agencies after slashes.
  /^\(?\s*(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4}(?:\/\s*[\p{L}][\p{L} ]{0,20}){0,2}\/\s*(?:getty images|reuters|afp|ap|epa|shutterstock|alamy|ap photo|bloomberg(?: via getty images)?|anadolu(?: agency)?|xinhua|tass|yonhap|kcna(?: via kns)?|efe|dpa|nurphoto|sipa|zuma(?: press)?|pool)\s*\)?$/iu,
  // An agency alone under a picture: "AFP via Getty Images", "Reuters", "Kim Hong-Ji for Reuters".
  /^\(?\s*(?:(?:[\p{Lu}][\p{L}.'’-]*\s+){1,4}(?:for|via)\s+)?(?:Getty Images|Reuters|REUTERS|AFP|AP Photo|EPA(?:-EFE)?|Shutterstock|Alamy|Anadolu(?: Agency)?|Xinhua|Yonhap|NurPhoto|SIPA(?: USA)?|ZUMA(?: Press)?)(?:\s+via\s+Getty Images)?\s*\)?$/u,
  // A sponsor's or a widget's line: "Powered by SmartAsset.com", "Sponsored by …", "In partnership with …".
  // A name after it, not a clause: "Powered by diesel engines, the trucks…" is article text.
  /^(?:powered|sponsored|presented|brought to you|supported|underwritten) by\s+[^\s,;:!?][^,;:!?]{0,50}$/i,
  /^in (?:partnership|association|collaboration) with\s+[^\s,;:!?][^,;:!?]{0,50}$/i,
  // Where the story ran first: "This article originally appeared on The Atlantic."
  /^this (?:article|story|post|piece) (?:was )?(?:originally|first) (?:appeared|ran|published|posted) (?:on|in|at)\s+\S.{0,80}$/i,
  // A byline on a line of its own, perhaps with the agency and a date: "By Nathan Willis March 25, 2015",
  // "By Jane Roe | Reuters", "Written by Jane Roe and John Doe".
  /^(?:(?:[Ww]ritten|[Ww]ords|[Ss]tory|[Tt]ext) by|[Bb]y)\s+(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4}(?:(?:,|and|&|\||·|•|–|—)\s*(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4}){0,3}(?:[,|·•–—-]?\s*[\p{L}]+\.?\s+\d{1,2},?\s+\d{4}|[,|·•–—-]?\s*\d{1,2}\s+[\p{L}]+\.?\s+\d{4})?$/u,
  // A time or a "published / updated" stamp on a line of its own: "1:39 PM ET",
  // "First published February 1, 2016: 1:28 AM ET", "Updated 12.03.2024, 14:05".
  /^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5})?$/i,
  /^(?:.{0,40}\s)?(?:first published|published|updated|last updated|last modified|posted)(?: on| at)?\s*:?\s*(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2})[^.!?]{0,30}$/iu,
  // Moving between the pages of a story or a site: "Next page: Security>>", "Page 2 of 3", "Previous article".
  /^(?:next|previous|prev\.?|older|newer)\s+(?:page|article|story|post|chapter)\b[^.!?]{0,80}$/i,
  /^page \d+ of \d+$/i,
  // Another story's headline in brackets: "[Read: Why Tunisia suffers from Islamist violence]".
  /^\[[^\][]{3,200}\]$/,
  // A label then the title of a map, video or gallery shown elsewhere: "Map: Flow of foreign fighters".
  /^(?:map|graphic|chart|video|gallery|photos|interactive|infographic|timeline|quiz|podcast)s?\s*[:|]\s*[^.!?]{1,100}$/i,
  // "Ben Silverman is on Twitter at ben_silverman."
  /^(?:[\p{Lu}][\p{L}.'’-]+\s+){1,3}(?:is|are) on (?:twitter|x|instagram|facebook|bluesky|threads|mastodon|linkedin)\b.{0,60}$/iu,
  // The label of an embedded post: "Facebook", "Twitter" on a line of their own.
  /^(?:facebook|twitter|instagram|youtube|tiktok|linkedin|reddit|telegram|threads|bluesky)$/i,
  // A subscription offer: "A flexible plan you can cancel anytime.", "We accept credit card, Apple Pay…".
  /\bcancel (?:any ?time|at any time)\b.{0,40}$/i,
  /^we accept (?:all )?(?:major )?(?:credit cards?|debit cards?|paypal|apple pay|google pay)\b.{0,80}$/i,
  // A video or audio player's stand-in where it does not play: "Media playback is unsupported on your device".
  /^(?:media playback is (?:unsupported|not supported)|your browser does not support|this (?:video|audio|content|embed|media) (?:is (?:not|no longer) available|is unavailable|cannot be (?:played|displayed))|(?:to )?(?:watch|view|play) this (?:video|content),? (?:please )?(?:enable|turn on) javascript|listen to (?:this|the) (?:story|article|episode)|audio version of this)\b.{0,100}$/i,
  // The cookie banner that Readability took for a paragraph.
  /^(?:this (?:web)?site uses cookies|we use cookies|by (?:using|continuing to (?:use|browse)) (?:this|our) (?:web)?site,? you (?:agree|consent))\b.{0,200}$/i,
  // An agency's rights line: "Copyright 2018 The Associated Press. All rights reserved. This material may not be…".
  /^(?:copyright|©|\(c\))\s*(?:\d{4}\b)?.{0,80}\ball rights reserved\b.{0,160}$/i,
  /^this material may not be (?:published|reproduced|broadcast|rewritten|redistributed)\b.{0,120}$/i,
  // A wire story's staff line: "Reporting by Hyonhee Shin; Editing by Michael Perry".
  /^\(?(?:(?:additional )?reporting|writing|editing|compiled|graphics?) by\s+[^;.]{2,80}(?:;\s*(?:(?:additional )?reporting|writing|editing|compiled|graphics?) by\s+[^;.]{2,80}){1,4}\)?\.?$/i,
  // Asking for tips or corrections: "Got a tip? Email…", "Spotted an error? Let us know".
  /^(?:got|have) a (?:news )?tip\b.{0,120}$/i,
  /^(?:spotted|found|see|noticed?) an? (?:error|typo|mistake)\b.{0,120}$/i,
  // Reaching the author: "Follow her on Twitter @…", "Contact the writer at …".
  /^(?:follow (?:him|her|them|me|the author) (?:on|at)\b|contact (?:the )?(?:author|writer|reporter)\b|(?:e-?mail|write to) (?:him|her|them|the author) at\b)/i,
  /^follow\s+(?:@\S+|(?:[\p{Lu}][\p{L}.'’-]*\s+){1,3})\s*on (?:twitter|x|instagram|facebook|bluesky|threads|mastodon|linkedin)\b.{0,40}$/iu,
]

/** An author's bio: a name, then what they do, in one or two sentences (checked near the end only). */
const AUTHOR_BIO =
  /^(?:[\p{Lu}][\p{L}.'’-]+\s+){1,3}(?:is|was|has been|covers|writes|reports)\b.{0,160}\b(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|author|producer|analyst|freelance|staff writer|bureau chief|covers|writes about|reports on)\b.{0,200}$/su

/**
 * The same in the other languages of the news: "Andrés Malamud es politólogo e investigador…",
 * "Marie Dupont est journaliste…", "Anna Schmidt ist Redakteurin…", "Paolo Rossi è giornalista…".
 */
const AUTHOR_BIO_ELSEWHERE = new RegExp(
  String.raw`^(?:[\p{Lu}][\p{L}.'’-]+\s+){1,3}(?:es|fue|é|foi|est|était|ist|war|è|jest)\s` +
    String.raw`(?:[\p{L}]+\s){0,3}(?:periodista|politólog[oa]|corresponsal|redactor[a]?|columnista|jornalista|repórter|correspondente|colunista|journaliste|rédact(?:eur|rice)|correspondant[e]?|chroniqueu(?:r|se)|politologue|journalist(?:in)?|redakteur(?:in)?|korrespondent(?:in)?|politologe|politologin|giornalista|corrispondente|redattore|redattrice|editorialista|dziennikar(?:z|ka)|korespondent(?:ka)?)\b.{0,300}$`,
  'su',
)

/** A line set in capitals ("LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR") as if written in sentence case. */
function asWritten(line: string): string {
  if (line !== line.toUpperCase() || line === line.toLowerCase()) return line
  const lower = line.toLowerCase()
  const verb = /\s(?:is|was|has been|covers|writes|reports)\b/u.exec(lower)
  if (!verb) return line
  const name = lower
    .slice(0, verb.index)
    .replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())
  return name + lower.slice(verb.index)
}

/** How many blocks from the end an author bio may stand. */
const BIO_PLACES = 3

/** A heading after which everything is teasers for other stories, or the author's box. */
const TEASER_SECTION = new RegExp(
  `^(?:also read|${READ_ALSO}|more from .{1,40}|you may also like|you might also like|recommended(?: for you| reading| stories)?|more stories|trending(?: now| stories)?|top stories|latest (?:news|stories)|more on this story|related(?: articles| stories| news| content| coverage| links| reading| posts| topics)?|most (?:read|popular|viewed|shared|commented)|editors['’]? picks|up next|what to read next|don['’]t miss|in case you missed it|popular (?:now|stories)|more .{1,30}\\b(?:news|stories|coverage|reading|articles)|about the (?:author|authors|writer|reporter|contributors?))[:.]?$`,
  'iu',
)

/** A plan's price: "$7/month", "€70 / year", "$60/person/year". */
const PLAN_PRICE = /^[$€£¥]\s?\d[\d.,]*\s*(?:\/\s*(?:month|mo|year|yr|week|wk|person|user|seat)\s*){1,2}$/i

/** A credit under a picture: "Devindra Hardawar/AOL", a name then the agency or site after a slash. */
const CAPTION_CREDIT = /^\(?\s*(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4}(?:\/\s*[\p{Lu}][\p{L}&.' -]{0,30}){1,3}\)?$/u

/** "With inputs from Reuters", "(With inputs from PTI, AFP)", "Additional reporting by AP". */
const CREDIT =
  /^\(?\s*(?:with (?:agency )?inputs? from|additional reporting by|inputs from|with reporting from|source:\s*agencies?\s*,?)\s+(.{2,80}?)\s*\.?\s*\)?$/i

/** "Heba Habib contributed to this report.", "Jane Roe and John Doe contributed reporting." */
const CONTRIBUTED =
  /^((?:[\p{Lu}][\p{L}.'’-]+\s+){1,3}(?:(?:,|and|&)\s*(?:[\p{Lu}][\p{L}.'’-]+\s+){1,3}){0,4})contributed (?:reporting|research)?\s*(?:to this (?:report|story|article))?(?:\s+from\s+[^.]{1,40})?\.?$/u

export function creditsIn(line: string): string[] | undefined {
  const match = CREDIT.exec(line.trim()) ?? CONTRIBUTED.exec(line.trim())
  if (!match) return undefined
  return match[1]!
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Only short blocks can be furniture: a long paragraph that mentions sharing is article text. */
const MAX_FURNITURE_LENGTH = 240

/**
 * Whether a block is the site speaking rather than the story or another story's teaser: a prompt, a
 * share bar, a credit line ("Follow us on Facebook", "Read all the Latest News, Cricket News…").
 */
export function isSiteFurniture(content: string): boolean {
  const line = content.trim()
  return (
    line.length <= MAX_FURNITURE_LENGTH && (PLAN_PRICE.test(line) || FURNITURE.some((re) => re.test(line)))
  )
}

export function trimBoilerplate(
  text: string,
  blocks: readonly Block[],
): { blocks: Block[]; credits: string[] } {
  const credits: string[] = []
  let teasers = false
  // Where a block stands among the blocks of text: figures and furniture found at import do not count.
  const counted = (block: Block) => block.end > block.start && block.trimmed !== true
  const total = blocks.filter(counted).length
  let place = 0
  const trimmedBlocks = blocks.map((block) => {
    const index = counted(block) ? place++ : place
    const content = text.slice(block.start, block.end).trim()
    const short = content.length <= MAX_FURNITURE_LENGTH
    // A teaser section only counts in the second half, so an article that opens with "Read more" keeps its body.
    if (short && TEASER_SECTION.test(content) && index >= total / 2) teasers = true
    const credit = short ? creditsIn(content) : undefined
    if (credit) credits.push(...credit.filter((c) => !credits.includes(c)))
    const bio =
      index >= total - BIO_PLACES &&
      content.length <= 400 &&
      (AUTHOR_BIO.test(asWritten(content)) || AUTHOR_BIO_ELSEWHERE.test(content))
    const captionCredit = block.kind === 'caption' && CAPTION_CREDIT.test(content)
    const furniture = teasers || credit !== undefined || bio || captionCredit || isSiteFurniture(content)
    return furniture ? { ...block, trimmed: true } : block
  })
  // A plan's box: its name, the short heading right above its price ("Monthly", "$7/month"), and the
  // line that sells it right below ("A discounted plan to keep you up to date all year.").
  const contentOf = (block: Block) => text.slice(block.start, block.end).trim()
  for (let i = 0; i < trimmedBlocks.length; i++) {
    if (!PLAN_PRICE.test(contentOf(trimmedBlocks[i]!))) continue
    const above = trimmedBlocks[i - 1]
    if (above?.kind === 'heading' && contentOf(above).split(/\s+/).length <= 3)
      trimmedBlocks[i - 1] = { ...above, trimmed: true }
    const below = trimmedBlocks[i + 1]
    if (below?.kind === 'paragraph' && contentOf(below).length <= 100)
      trimmedBlocks[i + 1] = { ...below, trimmed: true }
  }
  // Never trim an article down to nothing.
  if (trimmedBlocks.every((b) => b.trimmed)) return { blocks: [...blocks], credits }
  return { blocks: trimmedBlocks, credits }
}

/** The text a reader sees: every block that is not trimmed, joined like the canonical text. */
export function visibleText(text: string, blocks: readonly Block[]): string {
  return blocks
    .filter((b) => !b.trimmed && b.end > b.start)
    .map((b) => text.slice(b.start, b.end))
    .join('\n\n')
}
