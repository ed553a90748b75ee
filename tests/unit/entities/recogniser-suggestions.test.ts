import { describe, expect, it } from 'vitest'
import { DictionarySuggester } from '../../../src/main/services/entities/dictionary-suggester'
import { RecogniserSuggester } from '../../../src/main/services/entities/recogniser-suggester'
import { SuggesterRegistry } from '../../../src/main/services/entities/suggest'
import type { RecognisedEntity } from '../../../src/main/services/ner/recognise'
import type { Article, Entity, EntityType } from '../../../src/shared/model'

const TEXT = 'Kim Jong Un met Vladimir Putin in Vladivostok. Kim Yo Jong stayed in Pyongyang.'

function entity(id: string, name: string, type: EntityType, aliases: string[] = []): Entity {
  return { id, name, type, aliases, notes: '', createdAt: '2026-01-01T00:00:00.000Z' }
}

const article = { id: 'article01', text: TEXT, mentions: [] } as unknown as Article

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

function registry(tag = recognised) {
  return new SuggesterRegistry().register(new RecogniserSuggester(tag)).register(new DictionarySuggester())
}

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
    // dictionary suggests, and the recogniser does not.
    const vladivostok = chosen.filter((c) => TEXT.slice(c.start, c.end) === 'Vladivostok')
    expect(vladivostok.map((c) => c.source)).toEqual(['dictionary'])
  })

  it('fill in where the dictionary finds nothing, and lose where it does', () => {
    // The dictionary knows no alias "Pyongyang" for this entity; the recogniser's name matches its name.
    const entities = [entity('pyong1', 'Pyongyang', 'Location'), entity('kimjun', 'Kim Jong Un', 'Person')]
    const onlyRecogniser = new SuggesterRegistry().register(new RecogniserSuggester(recognised))
    const alone = onlyRecogniser.settle(article, { entities, neverSuggest: [] })
    expect(alone.map((c) => [TEXT.slice(c.start, c.end), c.entityId, c.source, c.score])).toEqual([
      ['Kim Jong Un', 'kimjun', 'recogniser', 0.9],
      ['Pyongyang', 'pyong1', 'recogniser', 0.95],
    ])
    const both = registry().settle(article, { entities, neverSuggest: [] })
    expect(both.map((c) => c.source)).toEqual(['dictionary', 'dictionary'])
  })

  it('are never made for a form never to suggest', () => {
    const entities = [entity('pyong1', 'Pyongyang', 'Location')]
    const onlyRecogniser = new SuggesterRegistry().register(new RecogniserSuggester(recognised))
    const chosen = onlyRecogniser.settle(article, { entities, neverSuggest: [{ form: 'pyongyang' }] })
    expect(chosen).toEqual([])
  })

  it('are left out, not failed, when the model cannot be read', () => {
    const broken = new RecogniserSuggester(() => {
      throw new Error('/x/model.bin.gz is missing')
    })
    const context = { entities: [entity('pyong1', 'Pyongyang', 'Location')], neverSuggest: [] }
    expect(broken.suggest(article, context)).toEqual([])
    expect(broken.problem).toMatch(/model\.bin\.gz is missing/)
  })

  it('tag an article once while its text stays the same, and not at all in a workspace without entities', () => {
    let calls = 0
    const suggester = new RecogniserSuggester((text) => (calls++, recognised(text)))
    suggester.suggest(article, { entities: [], neverSuggest: [] })
    expect(calls).toBe(0)
    const context = { entities: [entity('pyong1', 'Pyongyang', 'Location')], neverSuggest: [] }
    suggester.suggest(article, context)
    suggester.suggest(article, context)
    expect(calls).toBe(1)
    suggester.suggest({ ...article, text: `${TEXT} More.` } as Article, context)
    expect(calls).toBe(2)
  })
})
