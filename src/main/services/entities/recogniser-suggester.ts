// The entity recogniser as a suggester: the names it finds in an article, suggested for the entity of
// the workspace that has that name (or alias) and type, or else proposed as a new entity that only
// accepting makes. It ranks after the dictionary of confirmed names, so where both find a name the
// dictionary's suggestion is the one kept (docs/NER.md, "Suggestions").
import { createHash } from 'node:crypto'
import type { Article } from '../../../shared/model'
import { isSiteFurniture } from '../import/boilerplate'
import { recognise, type RecognisedEntity } from '../ner/recognise'
import { recognisedNames } from './recognised-names'
import type { Candidate, Suggester } from './suggest'

export const RECOGNISER = 'recogniser'

/**
 * The least score of a name it suggests. On the development sets names scored 0.9 and over are right
 * 89–93% of the time and those of 0.7–0.9 only 57–71% (docs/NER.md, "Evaluation"); on the two seed
 * articles as imported, 0.85 shows 34 of the 36 forms an analyst would tag, 93% of the suggestions right
 * (docs/NER.md, "Suggestions"; tests/unit/entities/seed-suggestions.test.ts).
 */
export const MIN_SCORE = 0.85

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

  constructor(
    private readonly tag: (text: string) => RecognisedEntity[] = (text) => recognise(text),
    private readonly minScore = MIN_SCORE,
  ) {}

  suggest(article: Readonly<Article>): Candidate[] {
    // The site's own lines name its sections and accounts ("Follow us on Facebook"), not the story's.
    const furniture = article.blocks.filter(
      (b) => b.trimmed && isSiteFurniture(article.text.slice(b.start, b.end)),
    )
    const inFurniture = (e: RecognisedEntity) => furniture.some((b) => b.start <= e.start && e.end <= b.end)
    return recognisedNames(article.text, this.recognised(article))
      .filter((e) => e.score >= this.minScore && !inFurniture(e))
      .map((e) => ({
        start: e.start,
        end: e.end,
        entity: { name: e.text, type: e.type },
        propose: true,
        source: RECOGNISER,
        score: e.score,
      }))
  }

  /** Whether the article's text is tagged already (or the recogniser is off). */
  knows(article: Readonly<Article>): boolean {
    return this.problem !== undefined || this.cache.get(article.id)?.digest === digest(article.text)
  }

  /** Keeps names found elsewhere (an import worker) as this article's, so its text is not tagged again. */
  remember(article: Readonly<Article>, found: readonly RecognisedEntity[]): void {
    this.cache.set(article.id, { digest: digest(article.text), found: [...found] })
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
