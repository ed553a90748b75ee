// The inspector lists highlights in reading order and entities grouped by type with their mentions.
import { describe, expect, it } from 'vitest'
import type { Entity, Mention } from '../../../src/shared/model'
import {
  groupMentions,
  highlightsInOrder,
  mentionCount,
  quoteInContext,
} from '../../../src/renderer/inspector/annotation-lists'

function target(start: number, exact = 'x') {
  return {
    quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
  }
}

function mention(
  id: string,
  entityId: string,
  start: number,
  status: Mention['status'] = 'confirmed',
): Mention {
  return { id, entityId, status, createdAt: '', target: target(start, 'Kin Jong Un') }
}

const entities: Entity[] = [
  { id: 'kim000', name: 'Kim Jong Un', type: 'Person', aliases: [], notes: '', createdAt: '' },
  { id: 'russia', name: 'Russia', type: 'Location', aliases: [], notes: '', createdAt: '' },
  { id: 'putin0', name: 'Vladimir Putin', type: 'Person', aliases: [], notes: '', createdAt: '' },
]

describe('groupMentions', () => {
  it('groups by type in the model order, busiest entity first, mentions in reading order', () => {
    const groups = groupMentions(
      {
        mentions: [
          mention('m3', 'russia', 50),
          mention('m2', 'kim000', 40),
          mention('m1', 'kim000', 10),
          mention('m4', 'putin0', 30),
          mention('m5', 'putin0', 60, 'rejected'),
        ],
      },
      entities,
    )
    expect(groups.map((g) => g.type)).toEqual(['Person', 'Location'])
    expect(groups[0]!.entities.map((e) => [e.name, e.mentions.map((m) => m.id)])).toEqual([
      ['Kim Jong Un', ['m1', 'm2']],
      ['Vladimir Putin', ['m4']],
    ])
    expect(mentionCount(groups)).toBe(3)
  })

  it('still lists a mention whose entity is unknown, under Other, named by its quote', () => {
    const groups = groupMentions({ mentions: [mention('m1', 'gone00', 0)] }, [])
    expect(groups).toEqual([
      { type: 'Other', entities: [expect.objectContaining({ name: 'Kin Jong Un', entity: undefined })] },
    ])
  })
})

describe('highlightsInOrder', () => {
  it('orders highlights by their position in the text', () => {
    const h = (id: string, start: number) => ({
      id,
      codeId: 'evidence',
      note: '',
      createdAt: '',
      updatedAt: '',
      target: target(start),
    })
    expect(highlightsInOrder({ highlights: [h('b', 20), h('a', 5)] }).map((x) => x.id)).toEqual(['a', 'b'])
  })
})

describe('quoteInContext', () => {
  it('keeps a few whole words either side of the quote', () => {
    const context = quoteInContext({
      exact: 'Kim Jong Un',
      prefix: 'a State Department spokesperson after ',
      suffix: ' vowed to bolster strategic cooperation with Moscow.',
    })
    expect(context).toEqual({
      before: '…spokesperson after ',
      exact: 'Kim Jong Un',
      after: ' vowed to bolster strategic…',
    })
  })

  it('keeps short context whole and folds line breaks', () => {
    expect(quoteInContext({ exact: 'Kim', prefix: 'leader\n', suffix: '.' })).toEqual({
      before: 'leader ',
      exact: 'Kim',
      after: '.',
    })
  })
})
