// The entity recogniser as a suggester: the names it finds in an article, proposed for the entity of
// the workspace that has that name (or alias) and type. It ranks after the dictionary of confirmed
// names, so where both find a name the dictionary's suggestion is the one kept. A recognised name no
// entity has is not stored: a mention must point at an entity, and one is never made behind the
// analyst's back (docs/NER.md says what proposing new entities needs).
import { createHash } from 'node:crypto'
import type { Article } from '../../../shared/model'
import { isNerType, recognise, type RecognisedEntity } from '../ner/recognise'
import { isLive } from './resolve'
import type { Candidate, SuggestContext, Suggester } from './suggest'

export const RECOGNISER = 'recogniser'

/** The text's digest: the cache keeps what was recognised, not a second copy of every article. */
const digest = (text: string) => createHash('sha1').update(text).digest('base64')

export class RecogniserSuggester implements Suggester {
  readonly source = RECOGNISER
  readonly rank = 1
  /** Why the recogniser is off (its model could not be read), once known. */
  problem: string | undefined
  /**
   * Every article's names, tagged once per text for as long as the workspace is open: a pass after a
   * change to the dictionary then costs look-ups, not tagging (about 20 ms per 1,000 words).
   */
  private readonly cache = new Map<string, { digest: string; found: RecognisedEntity[] }>()

  constructor(private readonly tag: (text: string) => RecognisedEntity[] = (text) => recognise(text)) {}

  suggest(article: Readonly<Article>, context: SuggestContext): Candidate[] {
    // Its names can only be suggested for an entity of the workspace: with none of its types, no tagging.
    if (!context.entities.some((e) => isLive(e) && isNerType(e.type))) return []
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
    const key = digest(article.text)
    if (cached && cached.digest === key) return cached.found
    let found: RecognisedEntity[]
    try {
      found = this.tag(article.text)
    } catch (error) {
      // Suggestions of confirmed names go on without it.
      this.problem = (error as Error).message
      return []
    }
    this.cache.set(article.id, { digest: key, found })
    return found
  }
}
