// Plain-text articles, including the export format of the seeds: an optional first line
// "date YYYY-MM-DD <title>", one paragraph per line, and trailing "LINK: <url>" and "TAGS: a, b" lines.
import type { ExtractedArticle } from '../../../shared/model'
import { guessTitle, looksLikeCaption } from './guess-title'
import { assembleText, normalizeSpace, type DraftBlock } from './text-blocks'

const DATE_TITLE = /^date\s+(\d{4}-\d{2}-\d{2})\s+(.+)$/i
const LINK = /^LINK:\s*(.*)$/
const TAGS = /^TAGS:\s*(.*)$/

function paragraphsOf(lines: readonly string[]): string[] {
  const groups: string[][] = [[]]
  for (const line of lines) {
    if (line.trim()) groups[groups.length - 1]!.push(line)
    else if (groups[groups.length - 1]!.length > 0) groups.push([])
  }
  const filled = groups.filter((g) => g.length > 0)
  // Hard-wrapped text has blank lines between paragraphs and several lines within one; the export
  // format has one paragraph per line. Decide by whether any blank-line group spans several lines.
  const wrapped = filled.length > 1 && filled.some((g) => g.length > 1)
  return wrapped ? filled.map((g) => g.join(' ')) : filled.flat()
}

export function httpUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim())
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

export function parseText(content: string): ExtractedArticle {
  const lines = content.replace(/\r\n?/g, '\n').split('\n')
  const warnings: string[] = []
  let title: string | undefined
  let published: string | undefined
  let sourceUrl: string | undefined
  let tags: string[] = []

  const firstIndex = lines.findIndex((l) => l.trim())
  const dateTitle = firstIndex >= 0 ? DATE_TITLE.exec(lines[firstIndex]!.trim()) : null
  if (dateTitle) {
    published = dateTitle[1]
    title = normalizeSpace(dateTitle[2]!)
    lines.splice(firstIndex, 1)
  }

  const body: string[] = []
  for (const line of lines) {
    const trimmed = line.trim()
    const link = LINK.exec(trimmed)
    const tagLine = TAGS.exec(trimmed)
    if (link) {
      sourceUrl = httpUrl(link[1]!) ?? sourceUrl
      if (link[1]!.trim() && !httpUrl(link[1]!))
        warnings.push(`The LINK line "${link[1]!.trim()}" is not a web address; it was left out.`)
    } else if (tagLine) {
      tags = tagLine[1]!
        .split(/[,;]/)
        .map((t) => t.trim())
        .filter(Boolean)
    } else {
      body.push(line)
    }
  }

  const drafts: DraftBlock[] = paragraphsOf(body).map((text, i) => ({
    kind: i === 0 && !title && looksLikeCaption(text) ? 'caption' : 'paragraph',
    text,
  }))
  if (!title) {
    title = guessTitle(drafts)
    if (title) warnings.push('The file has no title line, so the title was taken from its first sentence.')
  }
  return { title: title ?? '', published, sourceUrl, tags, warnings, ...assembleText(drafts) }
}
