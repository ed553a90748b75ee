// The dictionary suggester: what the analyst already confirmed, found again in any article. Every live
// entity's name and aliases (and those of the entities merged into it), their close variants
// (variants.ts), a country's other names and acronyms, and, in an article where the entity is already
// there (tagged, or found by name), the shorter forms news writes for it later on: a person's family or
// given name alone ("Kim said"), a country's capital ("Moscow said").
import type { Article, Entity, EntityType } from '../../../shared/model'
import { countryForms } from './country-forms'
import {
  indexByFirstKey,
  matchAt,
  nameForm,
  wordsOf,
  type NameForm,
  type NameMatch,
  type Word,
} from './occurrences'
import { entityResolver, isLive, mergedForms } from './resolve'
import type { Candidate, SuggestContext, Suggester } from './suggest'
import { OTHER_TYPOS, PERSON_TYPOS, variantAt } from './variants'

export const DICTIONARY = 'dictionary'

/** How sure each kind of form is. */
export const SCORES = {
  name: 0.95,
  alias: 0.9,
  country: 0.8,
  spelling: 0.75,
  typo: 0.7,
  capital: 0.6,
  surname: 0.6,
  given: 0.55,
} as const

interface Entry {
  entityId: string
  type: EntityType
  form: NameForm
  score: number
  /** Looked for only where the entity is already in the article. */
  conditional: boolean
  /** A single word that must not stand next to another capitalised word ("Kim Yo Jong", "Latin America"). */
  guard?: 'next' | 'both'
  /** Variants are looked for too. */
  variants: boolean
}

interface Dictionary {
  first: Map<string, Entry[]>
  /** Names of several words with variants, by the key of each word and its place: where a slip may be. */
  anyWord: Map<string, { entry: Entry; at: number }[]>
  /** Names of one word with variants, by first letter and length. */
  single: Map<string, Entry[]>
  conditional: Entry[]
}

function entriesOf(entity: Entity, merged: readonly string[]): Entry[] {
  const entries: Entry[] = []
  const seen = new Set<string>()
  const add = (text: string, score: number, extra: Partial<Entry> = {}) => {
    const form = nameForm(text)
    if (!form || seen.has(form.text)) return
    seen.add(form.text)
    entries.push({
      entityId: entity.id,
      type: entity.type,
      form,
      score,
      conditional: false,
      variants: false,
      ...extra,
    })
  }
  add(entity.name, SCORES.name, { variants: true })
  for (const alias of [...entity.aliases, ...merged]) add(alias, SCORES.alias, { variants: true })
  if (entity.type === 'Location') {
    for (const name of [entity.name, ...entity.aliases]) {
      const country = countryForms(name)
      if (!country) continue
      for (const other of country.names) add(other, SCORES.country)
      for (const capital of country.capitals)
        add(capital, SCORES.capital, { conditional: true, guard: 'both' })
    }
  }
  const words = nameForm(entity.name)?.words ?? []
  if (entity.type === 'Person' && words.length >= 2) {
    const part = (word: string, score: number) => {
      if (word.length >= 3 && /^\p{Lu}\p{Ll}/u.test(word))
        add(word, score, { conditional: true, guard: 'next' })
    }
    part(words.at(-1)!, SCORES.surname)
    part(words[0]!, SCORES.given)
  }
  return entries
}

function build(entities: readonly Entity[]): Dictionary {
  const merged = mergedForms(entities)
  const entries = entities.filter(isLive).flatMap((e) => entriesOf(e, merged.get(e.id) ?? []))
  const plain = entries.filter((e) => !e.conditional)
  const anyWord = new Map<string, { entry: Entry; at: number }[]>()
  const single = new Map<string, Entry[]>()
  for (const entry of plain) {
    if (!entry.variants || entry.form.exact) continue
    const { keys } = entry.form
    if (keys.length === 1) {
      const bucket = `${keys[0]![0]}${keys[0]!.length}`
      single.set(bucket, [...(single.get(bucket) ?? []), entry])
      continue
    }
    keys.forEach((key, at) => anyWord.set(key, [...(anyWord.get(key) ?? []), { entry, at }]))
  }
  return { first: indexByFirstKey(plain), anyWord, single, conditional: entries.filter((e) => e.conditional) }
}

/** Everything about the entities the dictionary depends on: when it is the same, so are the suggestions. */
export function dictionaryPrint(entities: readonly Entity[]): string {
  return entities
    .map(
      (e) => `${e.id}|${e.name}|${e.type}|${e.aliases.join('|')}|${e.mergedInto ?? ''}|${e.removedAt ?? ''}`,
    )
    .join('\n')
}

const CAPITALISED = /^\p{Lu}/u

/** Whether a single word stands next to another capitalised word, as part of a longer name. */
function besideName(text: string, words: readonly Word[], match: NameMatch, guard: 'next' | 'both'): boolean {
  const next = words[match.first + match.count]
  if (next && /^[ \t]+$/.test(text.slice(match.end, next.start)) && CAPITALISED.test(text.slice(next.start)))
    return true
  if (guard === 'next') return false
  const previous = words[match.first - 1]
  if (!previous || !/^[ \t]+$/.test(text.slice(previous.end, match.start))) return false
  if (!CAPITALISED.test(text.slice(previous.start))) return false
  // The first word of a sentence is capitalised for another reason ("In Moscow").
  const before = text.slice(0, previous.start).trimEnd()
  return !(before === '' || /[.!?:;"“”‘’'(\n]$/u.test(before) || text[previous.start - 1] === '\n')
}

export class DictionarySuggester implements Suggester {
  readonly source = DICTIONARY
  readonly rank = 0
  private cache:
    | { context: SuggestContext; entities: readonly Entity[]; print: string; dictionary: Dictionary }
    | undefined

  /**
   * The dictionary of these entities, built again only when a name, alias or type changed; a pass hands
   * every article the same context, which is not checked again.
   */
  private dictionary(context: SuggestContext): Dictionary {
    if (this.cache?.context === context) return this.cache.dictionary
    const { entities } = context
    const print = dictionaryPrint(entities)
    if (this.cache?.print !== print) this.cache = { context, entities, print, dictionary: build(entities) }
    this.cache.context = context
    return this.cache.dictionary
  }

  suggest(article: Readonly<Article>, context: SuggestContext): Candidate[] {
    const dictionary = this.dictionary(context)
    const { text } = article
    const words = wordsOf(text)
    const found: Candidate[] = []
    const add = (entry: Entry, match: NameMatch, score: number) =>
      found.push({ start: match.start, end: match.end, entityId: entry.entityId, source: DICTIONARY, score })
    const tried = new Set<string>()
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!
      for (const entry of dictionary.first.get(word.key) ?? []) {
        const exact = matchAt(text, words, i, entry.form)
        if (exact) add(entry, exact, entry.score)
      }
      // A variant has at least one word right, or is one word with a slip: look where that word is.
      for (const { entry, at } of dictionary.anyWord.get(word.key) ?? []) {
        const first = i - at
        if (first < 0 || tried.has(`${first} ${entry.form.text} ${entry.entityId}`)) continue
        tried.add(`${first} ${entry.form.text} ${entry.entityId}`)
        this.addVariant(text, words, first, entry, add)
      }
      for (const entry of dictionary.single.get(`${word.key[0]}${word.key.length}`) ?? [])
        this.addVariant(text, words, i, entry, add)
    }
    this.addConditional(article, words, dictionary, found, add)
    return found
  }

  /**
   * The entity a name the analyst types is known as: by a name, alias, variant or other name of a
   * country (`sure`), else by a short form (a family name, a capital) that may stand for it.
   */
  lookup(name: string, context: SuggestContext): { entityId: string; sure: boolean } | undefined {
    const text = name
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/['\u2019]s$/u, '')
    const whole = { text, mentions: [] } as unknown as Article
    const words = wordsOf(text)
    const covers = (c: { start: number; end: number }) => c.start === 0 && c.end === text.length
    const best = this.suggest(whole, context)
      .filter(covers)
      .sort((a, b) => b.score - a.score)[0]
    if (best) return { entityId: best.entityId!, sure: true }
    const dictionary = this.dictionary(context)
    for (const entry of dictionary.conditional) {
      const match = words.length > 0 ? matchAt(text, words, 0, entry.form) : undefined
      if (match && covers(match)) return { entityId: entry.entityId, sure: false }
    }
    return undefined
  }

  private addVariant(
    text: string,
    words: readonly Word[],
    first: number,
    entry: Entry,
    add: (entry: Entry, match: NameMatch, score: number) => void,
  ): void {
    const variant = variantAt(
      text,
      words,
      first,
      entry.form,
      entry.type === 'Person' ? PERSON_TYPOS : OTHER_TYPOS,
    )
    if (variant) add(entry, variant.match, variant.kind === 'typo' ? SCORES.typo : SCORES.spelling)
  }

  /** The short forms, for the entities already in this article, unless two of them share one. */
  private addConditional(
    article: Readonly<Article>,
    words: readonly Word[],
    dictionary: Dictionary,
    found: readonly Candidate[],
    add: (entry: Entry, match: NameMatch, score: number) => void,
  ): void {
    if (dictionary.conditional.length === 0) return
    const resolve = entityResolver(this.cache!.entities)
    const present = new Set(found.map((c) => c.entityId))
    for (const m of article.mentions)
      if (m.status === 'confirmed' && m.entityId) present.add(resolve(m.entityId))
    const entries = dictionary.conditional.filter((e) => present.has(e.entityId))
    const owners = new Map<string, Set<string>>()
    for (const e of entries) owners.set(e.form.text, (owners.get(e.form.text) ?? new Set()).add(e.entityId))
    const usable = entries.filter((e) => owners.get(e.form.text)!.size === 1)
    const index = indexByFirstKey(usable)
    const { text } = article
    for (let i = 0; i < words.length; i++) {
      for (const entry of index.get(words[i]!.key) ?? []) {
        const match = matchAt(text, words, i, entry.form)
        if (match && !(entry.guard && besideName(text, words, match, entry.guard)))
          add(entry, match, entry.score)
      }
    }
  }
}
