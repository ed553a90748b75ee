// The library's full-text index: built from the articles (or loaded from index/search.jsonl and brought
// up to date with the rows' savedAt), patched after every change the workspace reports, written when idle
// and on close. Never a second source of truth: a missing or damaged file only means building it again.
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writeFileAtomic } from '../store/atomic-write'
import { quarantine } from '../store/quarantine'
import type { Workspace } from '../store/workspace'
import { FacetTable } from './facet-table'
import {
  readIndexFile,
  searchIndexPath,
  serializeIndex,
  UnusableIndexError,
  type IndexSnapshot,
} from './index-file'
import {
  indexedArticle,
  prepareBook,
  type ArticleFacts,
  type NameBook,
  type PreparedBook,
} from './indexed-article'
import { matchQuery, variantsOf, type Scores } from './match-query'
import { PairPostings } from './pair-postings'
import type { QueryNode, TermNode } from './query-syntax'
import { createEngine, exportEngine, type Engine } from './search-engine'
import { Vocabulary } from './vocabulary'

/** What the index needs of the workspace. */
export type SearchSource = Pick<
  Workspace,
  | 'dir'
  | 'readOnly'
  | 'problems'
  | 'articles'
  | 'summary'
  | 'peekArticle'
  | 'codes'
  | 'entities'
  | 'cases'
  | 'onArticleChanged'
  | 'onNamesChanged'
  | 'beforeClose'
>

/** Changes are written this long after the last one, and on close. */
const SAVE_DELAY_MS = 5_000
/** Articles read at once while building, and between two yields to the event loop. */
const READ_LANES = 8
const BATCH = 64

/** The phrase lists are read again once this share of the articles (or at least MIN) changed their words. */
const POSTINGS_STALE_SHARE = 0.05
const POSTINGS_STALE_MIN = 200

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve))

export interface LibraryIndexOptions {
  saveDelayMs?: number
}

export class LibraryIndex {
  private engine: Engine = createEngine()
  private vocabulary = new Vocabulary()
  /** By article number, the engine's id for the article. */
  private facts: (ArticleFacts | undefined)[] = []
  private readonly numbers = new Map<string, number>()
  /** The articles of each pair of neighbouring words, for phrases (built once the index is open). */
  private postings: PairPostings | undefined
  /** Articles added or whose words changed since the postings were built. */
  private changedSincePostings = 0
  private buildingPostings = false
  private postingsBuilt: Promise<void> = Promise.resolve()
  /** What the filters and facets read, by article number (slots past the numbers: rows not indexed). */
  readonly table = new FacetTable()
  private readonly ready: Promise<void>
  /** Articles changed and not yet indexed again: a burst of changes to one article is indexed once. */
  private readonly pending = new Set<string>()
  private draining: Promise<void> | undefined
  /** The names articles are found by, prepared once until the entities, codes or cases change. */
  private prepared: PreparedBook | undefined
  /** What each entity, code and case stood for when last looked at, to tell which articles to redo. */
  private names: Map<string, string> | undefined
  private timer: NodeJS.Timeout | undefined
  private dirty = false
  private closed = false
  private saving: Promise<void> = Promise.resolve()
  /** How many articles the last opening read and indexed (all of them when it built from scratch). */
  lastOpening = { loaded: false, indexed: 0, dropped: 0 }

  constructor(
    private readonly source: SearchSource,
    private readonly options: LibraryIndexOptions = {},
  ) {
    source.onArticleChanged((id) => this.articleChanged(id))
    source.onNamesChanged(() => this.namesChanged())
    source.beforeClose(() => this.close())
    this.ready = this.open()
  }

  /** Settles once the index holds every article as it is now. */
  async settled(): Promise<void> {
    await this.ready
    while (this.pending.size > 0 || this.draining) await (this.draining ?? this.drain())
    // An article that left by a way the index did not hear of (its file deleted outside Dossier). Only
    // looked for when the counts differ: a lookup per article would cost each search a millisecond.
    if (this.source.articles.length !== this.numbers.size)
      for (const id of this.numbers.keys()) if (!this.source.summary(id)) this.drop(id)
  }

  get size(): number {
    return this.numbers.size
  }

  /** Scores by article number for a parsed query (call after `settled`). */
  match(root: QueryNode, includeTrimmed: boolean): Scores {
    return matchQuery(
      {
        engine: this.engine,
        vocabulary: this.vocabulary,
        facts: this.facts,
        count: this.size,
        includeTrimmed,
        postings: this.postings,
      },
      root,
    )
  }

  /** One more than the highest article number: the length of the index's tables. */
  get slots(): number {
    return this.facts.length
  }

  numberOf(id: string): number | undefined {
    return this.numbers.get(id)
  }

  factsAt(n: number): ArticleFacts | undefined {
    return this.facts[n]
  }

  factsOf(id: string): ArticleFacts | undefined {
    const n = this.numbers.get(id)
    return n === undefined ? undefined : this.facts[n]
  }

  /** Every article number with its facts. */
  *all(): Iterable<[number, ArticleFacts]> {
    for (let n = 0; n < this.facts.length; n++) {
      const facts = this.facts[n]
      if (facts) yield [n, facts]
    }
  }

  /** The words a typed word stands for in this index (itself, completions, near spellings). */
  variants(term: TermNode, word: string): [string, number][] {
    return variantsOf(term, word, this.vocabulary)
  }

  private articleChanged(id: string): void {
    if (this.closed) return
    this.pending.add(id)
    this.scheduleSave()
    void this.ready.then(() => this.drain())
  }

  /** Indexes the changed articles again, a few reads at a time, yielding between batches. */
  private drain(): Promise<void> {
    this.draining ??= (async () => {
      try {
        while (this.pending.size > 0 && !this.closed) {
          const batch = [...this.pending].slice(0, BATCH)
          for (const id of batch) this.pending.delete(id)
          for (let lane = 0; lane < batch.length; lane += READ_LANES)
            await Promise.all(batch.slice(lane, lane + READ_LANES).map((id) => this.reindex(id)))
          await yieldNow()
        }
        if (this.postingsStale()) void this.buildPostings()
      } finally {
        this.draining = undefined
      }
    })()
    return this.draining
  }

  /**
   * An entity, code or case was renamed, merged, deleted or restored: the articles that hold one of
   * those whose names changed are indexed again (their own words are not, see search-engine.ts).
   */
  private namesChanged(): void {
    this.prepared = undefined
    const before = this.names
    const after = (this.names = this.namePrints())
    if (!before || this.closed) return
    // Indexed codes are stored resolved, so the code a changed one resolves to, before or after, is
    // changed too: each print's first line is the id it resolves to.
    const changed = new Set<string>()
    const target = (print: string | undefined) => print?.slice(0, print.indexOf('\n'))
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      const [was, is] = [before.get(id), after.get(id)]
      if (was === is) continue
      for (const changedId of [id, target(was), target(is)]) if (changedId) changed.add(changedId)
    }
    if (changed.size === 0) return
    const touches = (ids: readonly string[]) => ids.some((id) => changed.has(id))
    for (const [, facts] of this.all())
      if (touches(facts.entities) || touches(facts.codes) || touches(facts.cases)) this.pending.add(facts.id)
    if (this.pending.size > 0) {
      this.scheduleSave()
      void this.ready.then(() => this.drain())
    }
  }

  /** Each id, mapped to the id it resolves to and the names it is found by, one per line. */
  private namePrints(): Map<string, string> {
    const book = this.book()
    const prints = new Map<string, string>()
    for (const entity of this.source.entities) {
      const names = book.entityNames(entity.id)
      prints.set(entity.id, [entity.id, ...names].join('\n'))
    }
    for (const code of this.source.codes) {
      const into = book.resolveCode(code.id)
      prints.set(code.id, [into, book.codeName.get(into) ?? ''].join('\n'))
    }
    for (const c of this.source.cases) prints.set(c.id, [c.id, c.name].join('\n'))
    return prints
  }

  private book(): PreparedBook {
    this.prepared ??= prepareBook({
      codes: this.source.codes,
      entities: this.source.entities,
      cases: this.source.cases,
    } satisfies NameBook)
    return this.prepared
  }

  private async reindex(id: string): Promise<void> {
    const row = this.source.summary(id)
    if (!row) return this.drop(id)
    let article
    try {
      article = await this.source.peekArticle(id)
    } catch {
      // The store names an article it cannot read; the index only leaves it out.
      return this.drop(id)
    }
    // The row may have gone while the file was read.
    if (!this.source.summary(id)) return this.drop(id)
    let n = this.numbers.get(id)
    const previous = n === undefined ? undefined : this.facts[n]
    const { texts, facts, vocabulary, contentChanged } = indexedArticle(
      article,
      row.savedAt,
      this.book(),
      previous,
    )
    if (n === undefined || contentChanged) this.changedSincePostings++
    if (n === undefined) {
      n = this.facts.length
      this.numbers.set(id, n)
      this.engine.add({ id: n, ...texts })
    } else if (contentChanged) {
      this.engine.remove(n)
      this.engine.add({ id: n, ...texts })
    } else this.engine.replaceNotes({ id: n, ...texts })
    this.vocabulary.add(vocabulary)
    this.facts[n] = facts
  }

  private drop(id: string): void {
    const n = this.numbers.get(id)
    if (n === undefined) return
    this.engine.remove(n)
    this.facts[n] = undefined
    this.numbers.delete(id)
    this.scheduleSave()
  }

  private async open(): Promise<void> {
    let snapshot: IndexSnapshot | undefined
    try {
      snapshot = await readIndexFile(this.source.dir)
      if (snapshot) await this.restore(snapshot)
    } catch (error) {
      snapshot = undefined
      this.engine = createEngine()
      this.vocabulary = new Vocabulary()
      this.facts = []
      this.numbers.clear()
      const unusable =
        error instanceof UnusableIndexError
          ? error
          : new UnusableIndexError('its engine data could not be loaded')
      if (unusable.damaged) await this.quarantine(unusable.reason)
    }
    this.lastOpening.loaded = snapshot !== undefined
    // Bring it up to date: articles new or saved since, and those no longer in the workspace.
    const rows = this.source.articles
    const present = new Set(rows.map((r) => r.id))
    for (const id of [...this.numbers.keys()])
      if (!present.has(id)) {
        this.drop(id)
        this.lastOpening.dropped++
      }
    const stale = rows.filter((row) => this.factsOf(row.id)?.savedAt !== row.savedAt).map((row) => row.id)
    this.lastOpening.indexed = stale.length
    this.names = this.namePrints()
    for (let first = 0; first < stale.length; first += BATCH) {
      const batch = stale.slice(first, first + BATCH)
      // Reads overlap; indexing is synchronous, one article at a time, between yields.
      for (let lane = 0; lane < batch.length; lane += READ_LANES)
        await Promise.all(batch.slice(lane, lane + READ_LANES).map((id) => this.reindex(id)))
      await yieldNow()
    }
    if (stale.length > 0 || this.lastOpening.dropped > 0 || !snapshot) this.scheduleSave()
    // After the opening: the first search does not wait for them, phrases are checked article by article.
    this.postingsBuilt = yieldNow().then(() => this.buildPostings())
  }

  private postingsStale(): boolean {
    const limit = Math.max(POSTINGS_STALE_MIN, POSTINGS_STALE_SHARE * this.numbers.size)
    return !this.closed && this.changedSincePostings > limit
  }

  private async buildPostings(): Promise<void> {
    if (this.buildingPostings || this.closed) return
    this.buildingPostings = true
    try {
      this.changedSincePostings = 0
      this.postings = await PairPostings.build(
        this.facts.map((facts) => facts?.pairs),
        yieldNow,
      )
    } finally {
      this.buildingPostings = false
    }
  }

  /** Settles once the phrase lists of the opening are built (searches never wait for them). */
  async phrasesReady(): Promise<void> {
    await this.ready
    await this.postingsBuilt
  }

  private async restore(snapshot: IndexSnapshot): Promise<void> {
    for (const [key, data] of snapshot.engine) {
      this.engine.import(key, data)
      await yieldNow()
    }
    for (const [n, facts] of snapshot.docs) {
      this.facts[n] = facts
      this.numbers.set(facts.id, n)
    }
    this.vocabulary.load(snapshot.vocabulary)
  }

  private async quarantine(reason: string): Promise<void> {
    try {
      const problem = await quarantine(this.source.dir, searchIndexPath(this.source.dir), reason, {
        readOnly: this.source.readOnly,
        restored: 'the search index was built again from the articles',
      })
      this.source.problems.push(problem)
    } catch {
      // It could not be moved: it is overwritten by the next save, which is derived data only.
    }
  }

  private scheduleSave(): void {
    this.dirty = true
    if (this.timer || this.closed || this.source.readOnly) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.save().catch(() => {})
    }, this.options.saveDelayMs ?? SAVE_DELAY_MS)
    this.timer.unref()
  }

  /** Writes index/search.jsonl now (after the build and the patches under way). */
  save(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.saving = this.saving
      .catch(() => {})
      .then(async () => {
        await this.settled()
        if (!this.dirty || this.source.readOnly) return
        this.dirty = false
        const docs = [...this.all()]
        const text = await serializeIndex({
          docs,
          vocabulary: this.vocabulary.entries(),
          engine: await exportEngine(this.engine),
        })
        const path = searchIndexPath(this.source.dir)
        try {
          await mkdir(dirname(path), { recursive: true })
          await writeFileAtomic(path, text)
        } catch (error) {
          this.dirty = true
          throw error
        }
      })
    return this.saving
  }

  /** Writes what changed; called by the workspace as it closes. A failed write only costs a rebuild. */
  async close(): Promise<void> {
    if (this.closed) return
    await this.save().catch(() => {})
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
  }
}
