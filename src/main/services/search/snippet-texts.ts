// What the snippets read of the articles recently shown in results: their text and the fields a snippet
// may come from instead (title, notes, byline, entities, site, tags). Reading an article through the
// store costs a file read and a validation, and a search shows the same top articles again and again as
// the analyst refines it. Bounded by the characters kept, and keyed by the row's savedAt, so an article
// changed since is read afresh.
import type { Article } from '../../../shared/model'
import type { Workspace } from '../store/workspace'
import { foldText } from './search-text'

/**
 * At most this many characters of text, counted twice for the text and its folded copy (a news article
 * has about 5,000: some 3,000 articles).
 */
const KEPT_CHARS = 32_000_000

/** The parts of an article a snippet reads. */
export type SnippetSource = Pick<
  Article,
  'text' | 'blocks' | 'title' | 'byline' | 'siteName' | 'tags' | 'highlights' | 'mentions'
> & {
  /** The text as the search reads it (search-text.ts), folded once when the article is read. */
  folded: string
}

export class SnippetTexts {
  private readonly kept = new Map<string, { savedAt: number; source: SnippetSource }>()
  private chars = 0

  constructor(private readonly source: Pick<Workspace, 'peekArticle' | 'summary'>) {}

  async get(id: string): Promise<SnippetSource> {
    const savedAt = this.source.summary(id)?.savedAt
    const entry = this.kept.get(id)
    if (entry && entry.savedAt === savedAt) {
      // Most recently used last: the first is the one to let go.
      this.kept.delete(id)
      this.kept.set(id, entry)
      return entry.source
    }
    const { text, blocks, title, byline, siteName, tags, highlights, mentions } =
      await this.source.peekArticle(id)
    const folded = foldText(text)
    const source: SnippetSource = {
      text,
      folded,
      blocks,
      title,
      byline,
      siteName,
      tags,
      highlights,
      mentions,
    }
    this.forget(id)
    if (savedAt !== undefined) {
      this.kept.set(id, { savedAt, source })
      this.chars += 2 * text.length
    }
    while (this.chars > KEPT_CHARS && this.kept.size > 1) this.forget(this.kept.keys().next().value!)
    return source
  }

  private forget(id: string): void {
    const entry = this.kept.get(id)
    if (!entry) return
    this.kept.delete(id)
    this.chars -= 2 * entry.source.text.length
  }
}
