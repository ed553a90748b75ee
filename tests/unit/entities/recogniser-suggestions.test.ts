import { describe, expect, it } from 'vitest'
import { DictionarySuggester } from '../../../src/main/services/entities/dictionary-suggester'
import { MIN_SCORE, RecogniserSuggester } from '../../../src/main/services/entities/recogniser-suggester'
import { suggestedMention, SuggesterRegistry } from '../../../src/main/services/entities/suggest'
import type { RecognisedEntity } from '../../../src/main/services/ner/recognise'
import { Mention, type Article, type Entity, type EntityType } from '../../../src/shared/model'

const TEXT = 'Kim Jong Un met Vladimir Putin in Vladivostok. Kim Yo Jong stayed in Pyongyang.'

function entity(id: string, name: string, type: EntityType, aliases: string[] = []): Entity {
  return { id, name, type, aliases, notes: '', createdAt: '2026-01-01T00:00:00.000Z' }
}

const article = { id: 'article01', text: TEXT, mentions: [], blocks: [] } as unknown as Article

/** What the recogniser would say about TEXT, without its model: the merge is what is tested. */
function recognised(text: string): RecognisedEntity[] {
  const at = (words: string, type: EntityType, score: number): RecognisedEntity => {
    const start = text.indexOf(words)
    return { start, end: start + words.length, type: type as RecognisedEntity['type'], text: words, score }
  }
  return [
    at('Kim Jong Un', 'Person', 0.9),
    at('Vladimir Putin', 'Person', 0.8),
    at('Vladivostok', 'Location', 0.7),
    at('Kim Yo Jong', 'Person', 0.9),
    at('Pyongyang', 'Location', 0.95),
  ]
}

/** The recogniser over the stand-in model, every score shown (the threshold is tested apart). */
const recogniser = (tag = recognised) => new RecogniserSuggester(tag, 0)

function registry(tag = recognised) {
  return new SuggesterRegistry().register(recogniser(tag)).register(new DictionarySuggester())
}

const words = (c: { start: number; end: number }) => TEXT.slice(c.start, c.end)

describe('suggestions from the recogniser', () => {
  it('point at the entity of that name or alias and type, with the recogniser as source and its score', () => {
    const entities = [
      entity('putin1', 'Putin', 'Person', ['Vladimir Putin']),
      entity('vlad01', 'Vladivostok', 'Organization'),
    ]
    const chosen = registry().settle(article, { entities, neverSuggest: [] })
    // The dictionary finds the name inside the recognised "Vladimir Putin", and wins where both apply.
    const there = chosen.filter((c) => c.start < TEXT.indexOf(' in ') && c.end > TEXT.indexOf('Vladimir'))
    expect(there).toHaveLength(1)
    expect(there[0]).toMatchObject({ entityId: 'putin1', source: 'dictionary' })
    // Vladivostok is recognised as a place; the only entity of that name is an organisation, which the
    // dictionary suggests, and the recogniser's proposal of a place overlaps it and loses.
    const vladivostok = chosen.filter((c) => words(c) === 'Vladivostok')
    expect(vladivostok.map((c) => c.source)).toEqual(['dictionary'])
  })

  it('propose a new entity for a name no entity has, with its type, score and source', () => {
    const entities = [entity('pyong1', 'Pyongyang', 'Location')]
    const chosen = new SuggesterRegistry()
      .register(recogniser())
      .settle(article, { entities, neverSuggest: [] })
    expect(chosen.map((c) => [words(c), c.entityId, c.entity?.type, c.source, c.score])).toEqual([
      ['Kim Jong Un', undefined, 'Person', 'recogniser', 0.9],
      ['Vladimir Putin', undefined, 'Person', 'recogniser', 0.8],
      ['Vladivostok', undefined, 'Location', 'recogniser', 0.7],
      ['Kim Yo Jong', undefined, 'Person', 'recogniser', 0.9],
      ['Pyongyang', 'pyong1', 'Location', 'recogniser', 0.95],
    ])
    const mention = suggestedMention(TEXT, chosen[0]!)
    expect(mention).toMatchObject({ proposed: { name: 'Kim Jong Un', type: 'Person' }, status: 'suggested' })
    expect(mention.entityId).toBeUndefined()
    expect(Mention.safeParse(mention).success).toBe(true)
    // A confirmed mention must name its entity.
    expect(Mention.safeParse({ ...mention, status: 'confirmed' }).success).toBe(false)
  })

  it('show only names scored at the threshold or over', () => {
    const chosen = new SuggesterRegistry()
      .register(new RecogniserSuggester(recognised))
      .settle(article, { entities: [], neverSuggest: [] })
    expect(chosen.every((c) => c.score >= MIN_SCORE)).toBe(true)
    expect(chosen.map(words)).not.toContain('Vladivostok')
  })

  it('fill in where the dictionary finds nothing, and lose where it does', () => {
    // The dictionary knows no alias "Pyongyang" for this entity; the recogniser's name matches its name.
    const entities = [entity('pyong1', 'Pyongyang', 'Location'), entity('kimjun', 'Kim Jong Un', 'Person')]
    const alone = new SuggesterRegistry()
      .register(recogniser())
      .settle(article, { entities, neverSuggest: [] })
    expect(alone.filter((c) => c.entityId).map((c) => [words(c), c.entityId, c.source, c.score])).toEqual([
      ['Kim Jong Un', 'kimjun', 'recogniser', 0.9],
      ['Pyongyang', 'pyong1', 'recogniser', 0.95],
    ])
    const both = registry().settle(article, { entities, neverSuggest: [] })
    expect(both.filter((c) => c.entityId).map((c) => c.source)).toEqual(['dictionary', 'dictionary'])
  })

  it('are never made for a form never to suggest, nor where a suggestion was rejected', () => {
    const only = new SuggesterRegistry().register(recogniser())
    const chosen = only.settle(article, { entities: [], neverSuggest: [{ form: 'pyongyang' }] })
    expect(chosen.map(words)).not.toContain('Pyongyang')
    const kim = chosen.find((c) => words(c) === 'Kim Jong Un')!
    const rejected = { ...suggestedMention(TEXT, kim), status: 'rejected' as const }
    const again = only.settle({ ...article, mentions: [rejected] } as Article, {
      entities: [],
      neverSuggest: [],
    })
    expect(again.map(words)).not.toContain('Kim Jong Un')
  })

  it('are left out, not failed, when the model cannot be read', () => {
    const broken = new RecogniserSuggester(() => {
      throw new Error('/x/model.bin.gz is missing')
    })
    expect(broken.suggest(article)).toEqual([])
    expect(broken.problem).toMatch(/model\.bin\.gz is missing/)
  })

  it('tag an article once while its text stays the same', () => {
    let calls = 0
    const suggester = new RecogniserSuggester((text) => (calls++, recognised(text)))
    suggester.suggest(article)
    suggester.suggest(article)
    expect(calls).toBe(1)
    suggester.suggest({ ...article, text: `${TEXT} More.` } as Article)
    expect(calls).toBe(2)
  })
})
