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
