// Publication dates as pages write them ("2021-11-01T10:52:50+0100", "2017-11-03 03:01:00.000000",
// "Tue, 13 Jun 2023 09:30:00 GMT", "June 13, 2023") to ISO 8601, keeping the page's own local time.

const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i

function plausible(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function zone(raw: string | undefined): string {
  if (!raw) return ''
  if (/^(z|utc|gmt)$/i.test(raw)) return 'Z'
  const digits = raw.replace(':', '')
  return `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`
}

/**
 * "YYYY-MM-DD" for a bare date, "YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]" when the page gives a time.
 * The page's offset is kept rather than converted to UTC, so the date part is the page's own date.
 */
export function normalizeDate(value: string | null | undefined): string | undefined {
  const text = value?.trim()
  if (!text || text.length > 80) return undefined
  const iso = ISO.exec(text)
  if (iso) {
    const [, y, mo, d, h, mi, s, z] = iso
    if (!plausible(+y!, +mo!, +d!)) return undefined
    const date = `${y}-${mo}-${d}`
    if (h === undefined || +h > 23 || +mi! > 59) return date
    return `${date}T${h}:${mi}${s !== undefined ? `:${s}` : ''}${zone(z)}`
  }
  // Anything else is left to the JavaScript date parser, which reads RFC 2822 and "June 13, 2023".
  if (!/[a-z]/i.test(text) && !/\d{4}[/.]\d{1,2}[/.]\d{1,2}/.test(text)) return undefined
  const time = Date.parse(text)
  if (Number.isNaN(time)) return undefined
  const parsed = new Date(time)
  if (!plausible(parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate())) return undefined
  if (/\d{1,2}:\d{2}/.test(text)) return parsed.toISOString().replace(/\.\d{3}Z$/, 'Z')
  // A bare date is parsed as local midnight, so the local calendar fields are the page's date.
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`
}

/** The first candidate that reads as a date. */
export function firstDate(candidates: Iterable<string | null | undefined>): string | undefined {
  for (const candidate of candidates) {
    const date = normalizeDate(candidate)
    if (date) return date
  }
  return undefined
}
