// What the page says about itself, read from <head> (meta, link, JSON-LD) and a few body elements
// before Readability rewrites the document: dates, canonical URL, language, direction, description.
import { normalizeSpace } from '../text-blocks'
import { httpUrl } from '../parse-text'
import { chooseDescription, strayAttributes } from './description'
import { readJsonLd, type JsonLdArticle } from './json-ld'
import { firstDate } from './published-date'

export interface PageMetadata {
  /** og:title, twitter:title or JSON-LD headline: the title without the site's suffix. */
  title?: string
  /** The <title> element, which often ends in " | Site". */
  documentTitle?: string
  author?: string
  published?: string
  siteName?: string
  sourceUrl?: string
  language?: string
  /** From a dir attribute on <html> or <body>. */
  direction?: 'ltr' | 'rtl'
  description?: string
  /** The page's first <h1> headlines, to check the title against. */
  headlines?: string[]
}

/** meta names and properties that carry the publication date, most specific first. */
const DATE_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'article.published',
  'published_time',
  'datepublished',
  'og:published_time',
  'parsely-pub-date',
  'sailthru.date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'citation_publication_date',
  'date',
  'originalpublicationdate',
  'displaydate',
]

interface MetaTags {
  /** First content of each key (name, property, itemprop or http-equiv), lowercased. */
  map: Map<string, string>
  /** Keys whose first element has stray attributes: its content was cut short by a quote. */
  stray: Set<string>
}

/** The elements metadata is read from, gathered in one walk of the page: pages are large. */
interface Sources {
  meta: Element[]
  link: Element[]
  script: Element[]
  h1: Element[]
}

const SHOW_ELEMENT = 1

function sourcesOf(doc: Document): Sources {
  const found: Sources = { meta: [], link: [], script: [], h1: [] }
  const walker = doc.createTreeWalker(doc, SHOW_ELEMENT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const name = (node as Element).localName
    if (name === 'meta' || name === 'link' || name === 'script' || name === 'h1')
      found[name].push(node as Element)
  }
  return found
}

function metaTags(metas: readonly Element[]): MetaTags {
  const map = new Map<string, string>()
  const stray = new Set<string>()
  for (const meta of metas) {
    const content = meta.getAttribute('content')?.trim()
    if (!content) continue
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      // A property may list several keys separated by spaces (RDFa), e.g. "og:title twitter:title".
      for (const key of (meta.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/)) {
        if (!key || map.has(key)) continue
        map.set(key, content)
        if (key.endsWith('description') && strayAttributes(meta)) stray.add(key)
      }
    }
  }
  return { map, stray }
}

const MAX_HEADLINES = 3

function headlines(h1s: readonly Element[]): string[] {
  const found: string[] = []
  for (const h1 of h1s) {
    const text = clean(h1.textContent, 500)
    if (text) found.push(text)
    if (found.length === MAX_HEADLINES) break
  }
  return found
}

function clean(value: string | null | undefined, max = 1000): string | undefined {
  const text = value ? normalizeSpace(value) : ''
  return text && text.length <= max ? text : undefined
}

/** An absolute http(s) address; a relative one only resolves against another address the page gave. */
function absoluteUrl(value: string | null | undefined, base: string | undefined): string | undefined {
  if (!value?.trim()) return undefined
  const direct = httpUrl(value)
  if (direct) return direct
  if (!base) return undefined
  try {
    return httpUrl(new URL(value.trim(), base).href)
  } catch {
    return undefined
  }
}

/** BCP 47 as pages write it ("en_US", "pt-BR"), checked so a stray value never becomes a language. */
export function languageTag(value: string | null | undefined): string | undefined {
  const tag = value
    ?.trim()
    .replace(/_/g, '-')
    .split(/[,;\s]/)[0]
  return tag && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(tag) ? tag : undefined
}

function directionOf(value: string | null | undefined): 'ltr' | 'rtl' | undefined {
  const dir = value?.trim().toLowerCase()
  return dir === 'rtl' || dir === 'ltr' ? dir : undefined
}

/** Dates in the body, looked for only when the head names none: the walk costs more than the lookups. */
function* bodyDates(doc: Document): Generator<string | null | undefined> {
  const valueOf = (el: Element | null | undefined) =>
    el?.getAttribute('datetime') ?? el?.getAttribute('content') ?? el?.textContent
  yield valueOf(doc.querySelector('[itemprop~="datePublished"]'))
  const times = [...doc.getElementsByTagName('time')].filter(
    (t) => t.hasAttribute('datetime') || t.hasAttribute('pubdate'),
  )
  yield valueOf(times.find((t) => t.hasAttribute('pubdate')))
  yield valueOf(times.find((t) => t.closest('article')))
  yield valueOf(times[0])
}

function publishedIn(
  doc: Document,
  meta: Map<string, string>,
  jsonLd: JsonLdArticle | undefined,
): string | undefined {
  return (
    firstDate([jsonLd?.datePublished, ...DATE_KEYS.map((key) => meta.get(key))]) ?? firstDate(bodyDates(doc))
  )
}

function canonicalHref(links: readonly Element[]): string | null | undefined {
  for (const link of links) {
    if (/(?:^|\s)canonical(?:\s|$)/i.test(link.getAttribute('rel') ?? '') && link.hasAttribute('href'))
      return link.getAttribute('href')
  }
  return undefined
}

function jsonLdScripts(elements: readonly Element[]): string[] {
  const scripts: string[] = []
  for (const script of elements) {
    if (/^\s*application\/ld\+json\s*$/i.test(script.getAttribute('type') ?? ''))
      scripts.push(script.textContent ?? '')
  }
  return scripts
}

export function readPageMetadata(doc: Document, location?: string): PageMetadata {
  const sources = sourcesOf(doc)
  const { map: meta, stray } = metaTags(sources.meta)
  const scripts = jsonLdScripts(sources.script)
  const jsonLd = scripts.length ? readJsonLd(scripts) : undefined
  const ogUrl = absoluteUrl(meta.get('og:url'), location)
  const canonical = absoluteUrl(canonicalHref(sources.link), ogUrl ?? location)
  const html = doc.documentElement
  return {
    title: clean(
      meta.get('og:title') ?? meta.get('twitter:title') ?? jsonLd?.headline ?? meta.get('dc.title'),
      500,
    ),
    documentTitle: clean(doc.title, 500),
    author: clean(
      jsonLd?.author ??
        meta.get('author') ??
        meta.get('article:author') ??
        meta.get('dc.creator') ??
        meta.get('parsely-author'),
      200,
    ),
    published: publishedIn(doc, meta, jsonLd),
    siteName: clean(meta.get('og:site_name') ?? jsonLd?.publisher ?? meta.get('application-name'), 200),
    sourceUrl: canonical ?? ogUrl ?? absoluteUrl(jsonLd?.url, location) ?? absoluteUrl(location, undefined),
    language:
      languageTag(html?.getAttribute('lang')) ??
      languageTag(html?.getAttribute('xml:lang')) ??
      languageTag(meta.get('content-language')) ??
      languageTag(meta.get('og:locale')) ??
      languageTag(jsonLd?.language),
    direction: directionOf(html?.getAttribute('dir')) ?? directionOf(doc.body?.getAttribute('dir')),
    description:
      chooseDescription(
        ['description', 'og:description', 'twitter:description'].map((key) => ({
          text: clean(meta.get(key)) ?? '',
          stray: stray.has(key),
        })),
      ) ?? clean(jsonLd?.description),
    headlines: headlines(sources.h1),
  }
}
