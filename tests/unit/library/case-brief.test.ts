import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEED_000, SEED_004, seedsDir } from '../../helpers'
import { useLibrary } from './library-fixture'

const lib = useLibrary()

describe('a brief from a case', () => {
  it('has one section per code its highlights use, in codebook order, with excerpts by date then position', async () => {
    const a = await lib.importFile(SEED_000)
    const b = await lib.importFile(SEED_004)
    const outside = await lib.importFile(join(seedsDir, '000_us-concerned-north-korea.md'))
    const codes = await lib.handlers['codes.list']({})
    const [judgement, evidence, , question] = codes
    // Evidence used first, Key judgement after: the codebook decides the order, not the highlighting.
    const later = await lib.highlight(a, 'Kim Jong Un', { codeId: evidence!.id })
    const earlier = await lib.highlight(a, 'North Korean', { codeId: evidence!.id })
    const inB = await lib.highlight(b, 'White House', { codeId: evidence!.id })
    const key = await lib.highlight(b, 'North Korea', { codeId: judgement!.id })
    await lib.highlight(outside, 'Russia', { codeId: question!.id })
    const korea = await lib.handlers['cases.create']({ name: 'Korea arms' })
    await lib.handlers['articles.label']({ ids: [a, b], addCases: [korea.id] })

    const brief = await lib.handlers['briefs.create']({ caseId: korea.id })
    expect(brief.title).toBe('Korea arms')
    expect(brief.sections.map((s) => s.title)).toEqual([judgement!.name, evidence!.name])
    expect(brief.sections[0]!.items.map((i) => i.kind === 'excerpt' && i.highlightId)).toEqual([key])

    // The first seed is dated, the second is not: undated articles come last.
    expect(lib.workspace.summary(a)!.published).toBeDefined()
    expect(lib.workspace.summary(b)!.published).toBeUndefined()
    const evidenceItems = brief.sections[1]!.items
    const order = (items: typeof evidenceItems) => items.map((i) => i.kind === 'excerpt' && i.highlightId)
    expect(order(evidenceItems)).toEqual([earlier, later, inB])
    // Dated before the first, the second comes first.
    await lib.handlers['articles.update']({ id: b, published: '2000-01-01' })
    const again = await lib.handlers['briefs.create']({ caseId: korea.id })
    expect(order(again.sections[1]!.items)).toEqual([inB, earlier, later])
    expect(evidenceItems[0]).toMatchObject({
      kind: 'excerpt',
      commentary: '',
      copy: { codeName: evidence!.name },
    })
    // The excerpts resolve like any other: the brief exports with its citations.
    const excerpts = await lib.handlers['briefs.excerpts']({ id: brief.id })
    expect(excerpts).toHaveLength(4)
    expect(excerpts.every((e) => !e.removed)).toBe(true)
  })

  it('takes the title given, and starts with an empty section when the case has no highlights', async () => {
    const a = await lib.importFile(SEED_000)
    const korea = await lib.handlers['cases.create']({ name: 'Korea arms' })
    await lib.handlers['articles.label']({ ids: [a], addCases: [korea.id] })
    const brief = await lib.handlers['briefs.create']({ caseId: korea.id, title: 'Weekly' })
    expect(brief.title).toBe('Weekly')
    expect(brief.sections).toHaveLength(1)
    expect(brief.sections[0]!.items).toEqual([])
    await expect(lib.handlers['briefs.create']({ caseId: 'nosuchcase' })).rejects.toMatchObject({
      code: 'not-found',
    })
  })
})
