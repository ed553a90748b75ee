// Chooses an article's byline and text direction from what Readability found and what the page
// declared, and cleans each the way an analyst would want to read it in the Library (the title is
// page-title.ts).
import { normalizeSpace } from '../text-blocks'
import type { PageMetadata } from './page-metadata'

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
const WEEKDAY = String.raw`(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?`

/** Words a dateline is made of: months, weekdays, clock words, "updated", "by"; plus every number. */
export const DATELINE_WORDS = new RegExp(
  String.raw`\b(?:${MONTH}|${WEEKDAY}|am|pm|a\.m\.|p\.m\.|gmt|utc|ist|est|edt|pst|pdt|bst|cet|cest|updated|published|posted|last|on|at|by)(?![\p{L}])|\d+`,
  'giu',
)

/** A date written out inside a byline: "March 25, 2015", "22 Dec 2016", "2015-03-25". */
const DATE_IN_BYLINE = new RegExp(
  String.raw`\s*(?:\bon\s+)?(?:${MONTH}\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+${MONTH}\s+\d{4}|\d{4}-\d{2}-\d{2}).*$`,
  'iu',
)

const BY_PREFIX = /^(?:by|par|por|von|door|di|av|af)\s*[:\-–—]?\s+/iu

/** True when nothing but date words, numbers and punctuation remain. */
export function onlyDateWords(text: string): boolean {
  return !text.replace(DATELINE_WORDS, ' ').replace(/[\p{P}\p{S}\s]+/gu, '')
}

/** "By Nathan Willis\n March 25, 2015" → "Nathan Willis"; a URL, an e-mail address or a bare date → undefined. */
export function cleanByline(raw: string | null | undefined): string | undefined {
  let byline = normalizeSpace(raw ?? '').replace(BY_PREFIX, '')
  if (!byline || byline.length > 150 || /^(?:https?:|www\.)|^[\w.+-]+@[\w-]+\./i.test(byline))
    return undefined
  const withoutDate = byline.replace(DATE_IN_BYLINE, '').trim()
  if (withoutDate && !onlyDateWords(withoutDate)) byline = withoutDate
  return onlyDateWords(byline) ? undefined : byline.replace(/[\s,;·|–—-]+$/u, '')
}

/** Languages written right to left (primary subtags), for a page that gives a language and no dir. */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ku-arab',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
])

/** The direction of the majority of strong letters (Unicode bidi classes R and AL against L). */
export function textDirection(text: string): 'ltr' | 'rtl' | undefined {
  const sample = text.slice(0, 5000)
  // Counted by what is left when the rest is removed: no array of one-letter matches is built.
  const rtl = sample.replace(/[^\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+/gu, '').length
  const letters = sample.replace(/\P{L}+/gu, '').length
  if (letters === 0) return undefined
  return rtl > letters - rtl ? 'rtl' : 'ltr'
}

function asDirection(value: string | null | undefined): 'ltr' | 'rtl' | undefined {
  const dir = value?.trim().toLowerCase()
  return dir === 'rtl' || dir === 'ltr' ? dir : undefined
}

/** An explicit dir attribute first (the article's, then the page's), then the language, then the letters. */
export function chooseDirection(
  readabilityDir: string | null | undefined,
  page: PageMetadata,
  text: string,
): 'ltr' | 'rtl' | undefined {
  const explicit = asDirection(readabilityDir) ?? page.direction
  if (explicit) return explicit
  const language = page.language?.toLowerCase()
  if (language && (RTL_LANGUAGES.has(language.split('-')[0]!) || RTL_LANGUAGES.has(language))) return 'rtl'
  return textDirection(text)
}
