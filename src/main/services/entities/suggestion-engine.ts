// When suggestions are made: for a new article as it is imported (in the same write), and across the
// workspace in the background whenever the dictionary changes (an entity confirmed, renamed, given an
// alias, merged, removed): a second after the last change, a few articles at a time, yielding between
// them, with one append per article that changes. A change that arrives during a pass starts it over.
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Article, Mention } from '../../../shared/model'
import type { RecognisedEntity } from '../ner/recognise'
import { insertByPosition } from '../../../shared/reading-order'
import type { Workspace } from '../store/workspace'
import { DictionarySuggester, dictionaryPrint } from './dictionary-suggester'
import { RecogniserSuggester } from './recogniser-suggester'
import { suggestedMention, SuggesterRegistry, type SuggestContext } from './suggest'

/**
 * Articles a pass brings up to date at once, before it yields: enough for their appends to share the
 * folder's fsync (article-log.ts), few enough that a tag or a search never waits long behind the pass.
 */
const PASS_BATCH = 4
/** How long the workspace stays quiet before a pass starts. */
const QUIET_MS = 1_000

/** The engine of each open workspace, for tests to wait for its background pass. */
const engines = new WeakMap<Workspace, SuggestionEngine>()

export class SuggestionEngine {
  private readonly recogniser = new RecogniserSuggester()
  /** The dictionary of confirmed names first, then the recogniser, which also proposes new entities. */
  readonly registry = new SuggesterRegistry().register(new DictionarySuggester()).register(this.recogniser)
  private pass: Promise<void> | undefined
  private timer: NodeJS.Timeout | undefined
  /** Raised by every request for a whole pass: a pass that sees it change starts over. */
  private generation = 0
  private passWanted = false
  /** Articles to bring up to date before anything else (a re-extracted one). */
  private readonly pending = new Set<string>()
  private lastPrint: string | undefined
  private stopped = false
  /** Articles the last whole pass visited and how long it took, for the bench. */
  lastPass = { articles: 0, ms: 0 }

  /**
   * `recognise` finds the recogniser's names of a stored article elsewhere (the import worker pool), so
   * a pass over articles this session has not tagged yet tags them off the main thread; without it,
   * or when it fails, the recogniser tags them here.
   */
  constructor(
    private readonly workspace: Workspace,
    private readonly recognise?: (text: string) => Promise<RecognisedEntity[]>,
  ) {
    engines.set(workspace, this)
    workspace.beforeClose(async () => {
      this.stopped = true
      clearTimeout(this.timer)
      await this.pass
    })
  }

  context(): SuggestContext {
    // Only entities already on disk: a suggestion must never outlive, after a crash, the entity it names.
    return { entities: this.workspace.writtenEntities, neverSuggest: this.workspace.neverSuggest }
  }

  /**
   * Adds the suggestions to an article about to be saved for the first time. Cheap: no read, no write;
   * with the recogniser's `names` (found by the import worker) no tagging either, only look-ups.
   */
  atImport(article: Article, names?: readonly RecognisedEntity[]): void {
    if (names) this.recogniser.remember(article, names)
    for (const candidate of this.registry.settle(article, this.context()))
      insertByPosition(article.mentions, suggestedMention(article.text, candidate))
  }

  /** Brings one article's suggestions up to date now. */
  async refresh(articleId: string, context = this.context()): Promise<void> {
    await this.workspace.annotate(articleId, (article) => ({
      change: this.registry.reconcile(article, context),
      result: undefined,
    }))
  }

  /**
   * Takes away the suggestions under a confirmed tag, or that lost their place (after a re-extraction):
   * at once, in the call that made the tag, so the reader never shows both. Writes nothing otherwise.
   */
  async clearUnder(articleId: string): Promise<void> {
    const sources = this.registry.sources
    await this.workspace.annotate(articleId, (article) => {
      const confirmed = article.mentions.filter((m) => m.status === 'confirmed' && !m.unanchored)
      const under = (m: Mention) =>
        confirmed.some(
          (c) =>
            c.target.position.start < m.target.position.end &&
            m.target.position.start < c.target.position.end,
        )
      const gone = article.mentions.filter(
        (m) => m.status === 'suggested' && sources.has(m.source ?? '') && (m.unanchored || under(m)),
      )
      return { change: gone.map((m) => ({ op: 'remove-mention' as const, id: m.id })), result: undefined }
    })
  }

  /** After anything that may change the dictionary: a pass over the workspace, unless it did not change. */
  dictionaryChanged(): void {
    const print = `${dictionaryPrint(this.workspace.writtenEntities)}\n${JSON.stringify(this.workspace.neverSuggest)}`
    if (print === this.lastPrint) return
    this.lastPrint = print
    this.requestPass()
  }

  /** A pass over every article, soon; one under way starts over. */
  requestPass(): void {
    this.generation++
    this.passWanted = true
    this.schedule()
  }

  /** One article brought up to date soon, in the background. */
  refreshSoon(articleId: string): void {
    this.pending.add(articleId)
    this.schedule()
  }

  /** Settles when no pass is under way or asked for (one that is waiting starts now). */
  async settled(): Promise<void> {
    if (this.timer) this.start()
    while (this.pass) await this.pass
  }

  /**
   * Work starts after a short quiet spell, so tagging five names in a row makes one pass, not five,
   * and the call that asked for it returns first.
   */
  private schedule(): void {
    if (this.stopped || this.workspace.readOnly || this.pass || this.timer) return
    this.timer = setTimeout(() => this.start(), QUIET_MS)
    this.timer.unref()
  }

  private start(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.pass ??= this.run().finally(() => {
      this.pass = undefined
      if (this.passWanted || this.pending.size > 0) this.schedule()
    })
  }

  /** Brings these articles up to date, a few at a time; false when the workspace closed under it. */
  private async visit(
    ids: readonly string[],
    context: SuggestContext,
    stop: () => boolean,
  ): Promise<boolean> {
    const batchAt = (at: number) => ids.slice(at, at + PASS_BATCH).filter((id) => this.workspace.summary(id))
    // The next batch's names are found in the pool while this one is brought up to date here, so the
    // workers and the main thread work at once.
    let names = this.namesOf(batchAt(0))
    for (let at = 0; at < ids.length; at += PASS_BATCH) {
      if (this.stopped) return false
      if (stop()) return true
      const batch = batchAt(at)
      await names
      names = at + PASS_BATCH < ids.length ? this.namesOf(batchAt(at + PASS_BATCH)) : Promise.resolve()
      const done = await Promise.allSettled(batch.map((id) => this.refresh(id, context)))
      // A closed or read-only workspace ends the work; one unreadable article does not.
      const ended = done.some(
        (d) => d.status === 'rejected' && (d.reason as { code?: string } | undefined)?.code === 'internal',
      )
      if (ended || this.workspace.readOnly) return false
      await nextTurn()
    }
    return true
  }

  /** The recogniser's names of these articles found in the pool, for those not yet tagged. */
  private async namesOf(ids: readonly string[]): Promise<void> {
    const recognise = this.recognise
    if (!recognise) return
    await Promise.all(
      ids.map(async (id) => {
        try {
          const article = await this.workspace.peekArticle(id)
          if (this.recogniser.knows(article)) return
          this.recogniser.remember(article, await recognise(article.text))
        } catch {
          // The article's refresh reads it again, and tags it here if it must.
        }
      }),
    )
  }

  private async run(): Promise<void> {
    while (!this.stopped && (this.pending.size > 0 || this.passWanted)) {
      const pending = [...this.pending]
      this.pending.clear()
      if (!(await this.visit(pending, this.context(), () => false))) return
      if (!this.passWanted) continue
      this.passWanted = false
      const generation = this.generation
      const started = performance.now()
      const ids = this.workspace.articles.map((row) => row.id)
      const restarted = () => generation !== this.generation
      if (!(await this.visit(ids, this.context(), restarted))) return
      if (!restarted()) this.lastPass = { articles: ids.length, ms: performance.now() - started }
    }
  }
}

/** The engine of an open workspace (tests wait for its pass with `settled()`). */
export function suggestionEngineOf(workspace: Workspace): SuggestionEngine | undefined {
  return engines.get(workspace)
}
