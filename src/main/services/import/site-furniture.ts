// What a site's other articles in the workspace say about a new one's blocks. A short block that
// stands word for word in two or more other articles of the same site (a newsletter box, a standing
// disclaimer, a "More from" line the rules missed) is furniture, and is trimmed; a block the analyst
// restored in an article of that site (its `trimmed: false`) stays restored in the next one, so
// restoring is remembered per site. Only the site's most recent articles are read.
import type { Article, ArticleSummary, Block } from '../../../shared/model'
import { collapseSpace } from '../anchor/collapse-space'

/** Blocks longer than this are article text even when repeated (a wire story sent to two sites). */
const MAX_REPEATED_LENGTH = 300
/** In how many other articles of the site a block must stand to count as its furniture. */
const REPEATS = 2
/** How many of the site's most recent articles are read. */
const RECENT = 12

/** The site an article belongs to: its declared name, else its address's host. */
export function siteKey(article: { siteName?: string; sourceUrl?: string }): string | undefined {
  if (article.siteName?.trim()) return article.siteName.trim().toLowerCase()
  if (!article.sourceUrl) return undefined
  try {
    return new URL(article.sourceUrl).hostname.replace(/^www\./, '').toLowerCase()
  } catch {
    return undefined
  }
}

function contentOf(text: string, block: Block): string {
  return collapseSpace(text.slice(block.start, block.end)).trim()
}

export interface SiteMemory {
  /** How many other articles of the site hold each short block, by its text. */
  repeated: Map<string, number>
  /** Texts of blocks the analyst restored in the site's articles. */
  restored: Set<string>
}

export function emptyMemory(): SiteMemory {
  return { repeated: new Map(), restored: new Set() }
}

/** Adds one article of the site to what is known of the site. */
export function remember(memory: SiteMemory, article: Pick<Article, 'text' | 'blocks'>): void {
  const seen = new Set<string>()
  for (const block of article.blocks) {
    if (block.end <= block.start) continue
    const content = contentOf(article.text, block)
    if (block.trimmed === false) memory.restored.add(content)
    if (content.length > MAX_REPEATED_LENGTH || seen.has(content)) continue
    seen.add(content)
    memory.repeated.set(content, (memory.repeated.get(content) ?? 0) + 1)
  }
}

/** The new article's blocks with the site's furniture trimmed and the analyst's restorations kept. */
export function applySiteMemory(article: Pick<Article, 'text' | 'blocks'>, memory: SiteMemory): Block[] {
  const blocks = article.blocks.map((block) => {
    if (block.end <= block.start) return block
    const content = contentOf(article.text, block)
    if (memory.restored.has(content)) return block.trimmed ? { ...block, trimmed: false } : block
    if (block.trimmed || (block.kind === 'heading' && block === article.blocks[0])) return block
    const repeats = content.length <= MAX_REPEATED_LENGTH ? (memory.repeated.get(content) ?? 0) : 0
    return repeats >= REPEATS ? { ...block, trimmed: true } : block
  })
  // Never trim an article down to nothing.
  return blocks.every((b) => b.trimmed || b.end <= b.start) ? [...article.blocks] : blocks
}

/** The site's most recent other articles, newest first. */
export function recentOfSite(rows: readonly ArticleSummary[], key: string): ArticleSummary[] {
  return rows
    .filter((row) => siteKey(row) === key)
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt))
    .slice(0, RECENT)
}

/**
 * What the files of one batch teach each other when there is no workspace (`dossier extract`): each
 * article's blocks after the site's articles given before it, as an import of the same files in that
 * order would store them.
 */
export class BatchSites {
  private readonly seen = new Map<string, Array<Pick<Article, 'text' | 'blocks'>>>()

  blocksOf(article: Pick<Article, 'text' | 'blocks' | 'siteName' | 'sourceUrl'>): Block[] {
    const key = siteKey(article)
    if (!key) return article.blocks
    const earlier = this.seen.get(key) ?? []
    const memory = emptyMemory()
    for (const other of earlier) remember(memory, other)
    const blocks = applySiteMemory(article, memory)
    // Only the site's most recent articles are read, as in a workspace.
    earlier.push({ text: article.text, blocks })
    if (earlier.length > RECENT) earlier.shift()
    this.seen.set(key, earlier)
    return blocks
  }
}
