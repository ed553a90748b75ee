// The entity recogniser as a suggester: the names it finds in an article, proposed for the entity of
// the workspace that has that name (or alias) and type. It ranks after the dictionary of confirmed
// names, so where both find a name the dictionary's suggestion is the one kept. A recognised name no
// entity has is not stored: a mention must point at an entity, and one is never made behind the
// analyst's back (docs/NER.md says what proposing new entities needs).
import type { Article } from '../../../shared/model'
import { recognise, type RecognisedEntity } from '../ner/recognise'
import type { Candidate, SuggestContext, Suggester } from './suggest'

export const RECOGNISER = 'recogniser'

/** Articles whose recognised names are kept: tagging costs far more than looking names up again. */
const CACHED_ARTICLES = 2_000

export class RecogniserSuggester implements Suggester {
  readonly source = RECOGNISER
  readonly rank = 1
  /** Why the recogniser is off (its model could not be read), once known. */
  problem: string | undefined
  private readonly cache = new Map<string, { text: string; found: RecognisedEntity[] }>()

  constructor(private readonly tag: (text: string) => RecognisedEntity[] = (text) => recognise(text)) {}

  suggest(article: Readonly<Article>, _context: SuggestContext): Candidate[] {
    return this.recognised(article).map((e) => ({
      start: e.start,
      end: e.end,
      entity: { name: e.text, type: e.type },
      source: RECOGNISER,
      score: e.score,
    }))
  }

  /** The names in the article's text, tagged once per text; none when the model cannot be read. */
  private recognised(article: Readonly<Article>): RecognisedEntity[] {
    if (this.problem) return []
    const cached = this.cache.get(article.id)
    if (cached && cached.text === article.text) return cached.found
    let found: RecognisedEntity[]
    try {
      found = this.tag(article.text)
    } catch (error) {
      // Suggestions of confirmed names go on without it.
      this.problem = (error as Error).message
      return []
    }
    this.cache.delete(article.id)
    this.cache.set(article.id, { text: article.text, found })
    if (this.cache.size > CACHED_ARTICLES) this.cache.delete(this.cache.keys().next().value!)
    return found
  }
}
