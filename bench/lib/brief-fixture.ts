// A workspace with a composed brief in it, built through the real store and brief handlers: articles of
// news copy with highlights a sentence or two long, then a brief of sections, excerpts of those
// highlights, commentary, judgements and a BLUF, saved as the composer saves it.
import { addHighlight } from '../../src/main/services/annotate/highlights'
import { briefHandlers } from '../../src/main/services/brief/brief-handlers'
import { DEFAULT_CODES } from '../../src/main/services/codes/codebook'
import type { PdfPrinter } from '../../src/main/services/export/pdf-printer'
import { newId } from '../../src/main/services/store/ids'
import { Workspace } from '../../src/main/services/store/workspace'
import { BriefContent, type Brief, type Judgement } from '../../src/shared/brief'
import type { Article } from '../../src/shared/model'
import { generateWorkspace } from './generate-workspace'
import { newsBlocks } from './news-text'
import type { Random } from './random'

export interface BriefShape {
  /** Excerpts taken from each article, its first highlights in reading order. */
  perArticle: number
  /** About how many characters of commentary the analyst writes under each excerpt. */
  commentaryChars: number
}

const SECTIONS = ['Deliveries', 'Diplomatic signals', 'Sanctions evasion', 'Outlook']
const NOTES = ['Check against KCNA', 'Second source needed', '', '', '']

/** Analyst prose: sentences of the news copy, about `chars` long. */
export function prose(r: Random, chars: number): string {
  const sentences = newsBlocks(r, chars)
    .filter((b) => b.kind === 'paragraph')
    .flatMap((b) => b.text.split(/(?<=\.) /))
  let text = ''
  for (const sentence of sentences) {
    if (text.length >= chars) break
    text += text ? ` ${sentence}` : sentence
  }
  return text
}

/** One to three whole sentences of a paragraph or quote, as an analyst selects them. */
function passage(r: Random, article: Article): { start: number; end: number } {
  const blocks = article.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'quote')
  const block = r.pick(blocks)
  const text = article.text.slice(block.start, block.end)
  const ends = [...text.matchAll(/[.!?]”?(?=\s|$)/g)].map((m) => m.index + m[0].length)
  const startAt = r.int(0, Math.max(0, ends.length - 1))
  const from = startAt === 0 ? 0 : ends[startAt - 1]! + 1
  const to = ends[Math.min(ends.length - 1, startAt + r.int(0, 2))] ?? text.length
  return { start: block.start + from, end: block.start + Math.max(to, from + 1) }
}

export interface BriefWorkspace {
  workspace: Workspace
  handlers: ReturnType<typeof briefHandlers>
  articleIds: string[]
  /** Each article's highlight ids in reading order. */
  highlights: Map<string, string[]>
  remove(): Promise<void>
}

/** `articles` generated articles, each given `highlights` highlights through the store. */
export async function briefWorkspace(
  r: Random,
  printer: PdfPrinter,
  articles: number,
  highlights: number,
): Promise<BriefWorkspace> {
  const generated = await generateWorkspace(articles, 23)
  let workspace: Workspace | undefined
  try {
    workspace = await Workspace.open(generated.dir)
    const byArticle = new Map<string, string[]>()
    for (const id of generated.ids) {
      const ids = await workspace.updateArticle(id, (article) => {
        // Distinct passages, so no two excerpts of the brief quote the same words.
        const taken = new Set<string>()
        for (let tries = 0; taken.size < highlights && tries < highlights * 20; tries++) {
          const range = passage(r, article)
          if (taken.has(`${range.start}-${range.end}`)) continue
          taken.add(`${range.start}-${range.end}`)
          addHighlight(article, { ...range, codeId: r.pick(DEFAULT_CODES).id, note: r.pick(NOTES) })
        }
        return article.highlights.map((h) => h.id)
      })
      byArticle.set(id, ids)
    }
    const open = workspace
    return {
      workspace: open,
      handlers: briefHandlers(open, printer),
      articleIds: generated.ids,
      highlights: byArticle,
      async remove() {
        await open.close()
        await generated.remove()
      },
    }
  } catch (error) {
    await workspace?.close()
    await generated.remove()
    throw error
  }
}

function judgements(r: Random): Judgement[] {
  return [
    { id: newId(), text: prose(r, 220), confidence: 'moderate', likelihood: 'likely' },
    { id: newId(), text: prose(r, 180), confidence: 'high', likelihood: 'almost-certain' },
    { id: newId(), text: prose(r, 260), confidence: 'low', likelihood: 'roughly-even' },
  ]
}

/**
 * A brief over every article of the workspace: its articles shared out over four sections, `perArticle`
 * excerpts from each, added with briefs.addExcerpts, then written up with briefs.save.
 */
export async function composeBrief(
  r: Random,
  { handlers, articleIds, highlights }: BriefWorkspace,
  shape: BriefShape,
): Promise<Brief> {
  const created = await handlers['briefs.create']({
    title: 'Arms transfers to Russia: what the reporting shows',
  })
  const sections = SECTIONS.map((title) => ({ id: newId(), title, items: [] }))
  const { id, schemaVersion: _v, createdAt: _c, updatedAt: _u, ...start } = created
  await handlers['briefs.save']({ id, content: { ...start, sections } })
  const perSection = Math.ceil(articleIds.length / sections.length)
  for (const [s, section] of sections.entries()) {
    const excerpts = articleIds.slice(s * perSection, (s + 1) * perSection).flatMap((articleId) =>
      highlights
        .get(articleId)!
        .slice(0, shape.perArticle)
        .map((highlightId) => ({ articleId, highlightId })),
    )
    if (excerpts.length) await handlers['briefs.addExcerpts']({ id, sectionId: section.id, excerpts })
  }
  const filled = await handlers['briefs.get']({ id })
  // What the composer sends: the content alone, parsed as the API parses it.
  const content = BriefContent.parse(filled)
  content.handling = 'UNCLASSIFIED // FOR OFFICIAL USE ONLY'
  content.author = 'Regional desk'
  content.bluf = `${prose(r, 450)}\n\n${prose(r, 300)}`
  content.judgements = judgements(r)
  for (const section of content.sections) {
    for (const item of section.items)
      if (item.kind === 'excerpt') item.commentary = prose(r, shape.commentaryChars)
    // An opening paragraph and a closing one in every section.
    section.items.unshift({ kind: 'paragraph', id: newId(), text: prose(r, 500) })
    section.items.push({ kind: 'paragraph', id: newId(), text: `${prose(r, 350)}\n\n${prose(r, 250)}` })
  }
  return handlers['briefs.save']({ id, content })
}
