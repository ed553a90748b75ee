// The article's title: what Readability found, checked against the headline on the page and cleared
// of the site's name. Pages write "Headline - Site", "Site | Headline", "Headline [Site]"; the site is
// recognised by its declared name or by its address (en.wikipedia.org → "Wikipedia").
import { normalizeSpace } from '../text-blocks'
import type { PageMetadata } from './page-metadata'

/** A separator between a title and a site's name, with the white space around it. */
const SEPARATOR = String.raw`\s+(?:[|\-–—:·•»~/]|::)\s+|\s*[|–—»]\s*`

/** Letters and digits only, lowercased: "LWN.net" and "lwn net" compare equal. */
function comparable(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')
}

/** Names the site goes by: the declared one, and the labels of the page's address. */
export function siteNames(siteName: string | undefined, sourceUrl: string | undefined): string[] {
  const names = siteName ? [comparable(siteName)] : []
  if (sourceUrl) {
    try {
      const host = new URL(sourceUrl).hostname.replace(/^(?:www|m|en|mobile|amp)\./, '')
      const labels = host.split('.')
      // "en.wikipedia.org" → "wikipedia org" and "wikipedia"; "lwn.net" → "lwn net" and "lwn".
      names.push(comparable(host))
      if (labels.length >= 2) names.push(comparable(labels.at(-2)!))
    } catch {
      // Not an address: the declared name alone.
    }
  }
  return names.filter((name) => name.length >= 2)
}

/** True when `part` is the site: its name alone, or a short run of words holding it ("痞客邦 PIXNET"). */
function isSite(part: string, names: readonly string[]): boolean {
  const words = comparable(part)
  if (!words) return true
  if (names.includes(words)) return true
  const list = words.split(' ')
  return list.length <= 3 && names.some((name) => !name.includes(' ') && list.includes(name))
}

/** "Title | Example Wire", "Example Wire: Title", "Title [LWN.net]" → "Title" when the rest is the site. */
export function withoutSiteName(title: string, names: readonly string[]): string {
  if (names.length === 0) return title
  const bracket = /^(.*\S)\s*[[(]([^\])]{1,60})[\])]\s*$/u.exec(title)
  if (bracket && isSite(bracket[2]!, names)) return bracket[1]!.trim()
  const parts = title.split(new RegExp(`(${SEPARATOR})`, 'u'))
  // parts alternate text, separator, text…; try the site at the end, then at the start.
  for (let cut = parts.length - 2; cut >= 1; cut -= 2) {
    if (!isSite(parts.slice(cut + 1).join(''), names)) break
    const rest = parts.slice(0, cut).join('').trim()
    if (rest) return withoutSiteName(rest, names)
  }
  if (parts.length >= 3 && isSite(parts[0]!, names)) {
    const rest = parts.slice(2).join('').trim()
    if (rest) return rest
  }
  // "Example Wire: Title"; a colon after the headline's own first words is left alone.
  const prefix = /^([^:]{2,60}):\s+(\S.*)$/u.exec(title)
  if (prefix && isSite(prefix[1]!, names)) return prefix[2]!
  return title
}

/**
 * The headline the page shows (its <h1>) when the title is that headline plus no more words after
 * or before a separator: "Mozilla - Wikipedia" with <h1>Mozilla</h1> gives "Mozilla". A headline
 * with fewer words than the rest is a section name ("Brexit: What happens now"), so is not taken.
 */
function headlineIn(title: string, headlines: readonly string[]): string | undefined {
  const whole = comparable(title)
  for (const headline of headlines) {
    const wanted = comparable(headline)
    if (!wanted || wanted === whole) continue
    const parts = title.split(new RegExp(`(${SEPARATOR})`, 'u'))
    for (let cut = 1; cut < parts.length; cut += 2) {
      const before = parts.slice(0, cut).join('').trim()
      const after = parts
        .slice(cut + 1)
        .join('')
        .trim()
      for (const [kept, rest] of [
        [before, after],
        [after, before],
      ] as const) {
        const restWords = rest.split(/\s+/).length
        if (comparable(kept) === wanted && restWords <= kept.split(/\s+/).length && restWords <= 6)
          return kept
      }
    }
  }
  return undefined
}

/** A <title> without a site name: the longest part between separators, when the rest is short. */
function documentTitleAlone(documentTitle: string): string {
  const parts = documentTitle.split(/\s+(?:[|–—»]|::|-)\s+/u)
  if (parts.length < 2) return documentTitle
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a))
  return longest.split(/\s+/).length >= 3 ? longest : documentTitle
}

export function chooseTitle(
  readability: string | null | undefined,
  page: PageMetadata,
  siteName: string | undefined,
): string | undefined {
  const found =
    normalizeSpace(readability ?? '') ||
    page.title ||
    (page.documentTitle && documentTitleAlone(page.documentTitle))
  if (!found) return undefined
  const headline = headlineIn(found, page.headlines ?? [])
  return withoutSiteName(headline ?? found, siteNames(siteName, page.sourceUrl))
}
