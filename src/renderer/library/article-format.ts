// How articles are labelled in lists and headers: their source and their dates.
import type { ArticleSummary } from '../../shared/model'

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})
const localDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })

export function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const host = new URL(url).hostname
    return host ? host.replace(/^www\./, '') : undefined
  } catch {
    return undefined
  }
}

/** Site name, else the host of the source URL, else the name of the original file. */
export function sourceLabel(
  article: Pick<ArticleSummary, 'siteName' | 'sourceUrl' | 'originalName'>,
): string {
  return article.siteName?.trim() || hostnameOf(article.sourceUrl) || article.originalName
}

/**
 * A publication date as "13 Jun 2023". The calendar day is taken as written (2023-06-13T09:30+05:30 is the
 * 13th wherever the analyst is); anything unparseable is shown as it came.
 */
export function formatPublished(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim())
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])))
    if (!Number.isNaN(date.getTime())) return dayFormat.format(date)
  }
  const parsed = new Date(value)
  return Number.isNaN(parsed.getTime()) ? value.trim() : localDayFormat.format(parsed)
}

/** An instant (such as importedAt) as a local day. */
export function formatDay(value: string | undefined): string | undefined {
  if (!value) return undefined
  const parsed = new Date(value)
  return Number.isNaN(parsed.getTime()) ? undefined : localDayFormat.format(parsed)
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i

function offsetLabel(zone: string | undefined): string {
  if (!zone) return ''
  if (zone.toUpperCase() === 'Z') return ' UTC'
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? []
  if (!sign) return ''
  return ` UTC${sign}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`
}

/**
 * A publication date for the reader, in the analyst's locale: the day, and the time when the source gave
 * one. Both are shown as the source wrote them (its local time, with its offset), not converted to the
 * analyst's zone, so the day never shifts; anything unparseable is shown as it came.
 */
const formats = new Map<string, Intl.DateTimeFormat>()

/** Made once per locale and style: building a DateTimeFormat costs far more than using one. */
function dateFormat(locale: string | undefined, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${withTime}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'UTC',
    })
    formats.set(key, format)
  }
  return format
}

export function formatPublishedDetail(value: string | undefined, locale?: string): string | undefined {
  const trimmed = value?.trim()
  if (!trimmed) return undefined
  const timed = TIME.exec(trimmed)
  if (timed) {
    const [, y, mo, d, h, mi, s, zone] = timed
    const at = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, s ? +s : 0))
    if (!Number.isNaN(at.getTime())) {
      return `${dateFormat(locale, true).format(at)}${offsetLabel(zone)}`
    }
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed)
  if (day) {
    const at = new Date(Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!))
    if (!Number.isNaN(at.getTime())) {
      return dateFormat(locale, false).format(at)
    }
  }
  return formatPublished(trimmed)
}
