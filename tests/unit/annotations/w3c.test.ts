import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportW3c, importW3c } from '../../../src/main/services/annotations/w3c'
import { codeResolver, resolveCode } from '../../../src/main/services/codes/codebook'
import type { Workspace } from '../../../src/main/services/store/workspace'
import { tempDir } from '../../helpers'
import { annotatedWorkspace, seededWorkspace } from './fixture'

/** What an analyst would check survived: per article sha, each highlight and mention's visible facts. */
async function facts(workspace: Workspace) {
  const resolve = codeResolver(workspace.codes)
  const out: Record<string, { highlights: unknown[]; mentions: unknown[] }> = {}
  for (const row of workspace.articles) {
    const a = await workspace.readArticle(row.id)
    out[row.sha256] = {
      highlights: a.highlights.map((h) => ({
        id: h.id,
        quote: h.target.quote,
        position: h.target.position,
        code: resolveCode(workspace.codes, resolve(h.codeId))?.name,
        note: h.note,
      })),
      mentions: a.mentions
        // The recogniser's proposals are made again at each import; they are not the analyst's.
        .filter((m) => m.status !== 'rejected' && m.entityId !== undefined)
        .map((m) => {
          const e = workspace.entities.find((x) => x.id === m.entityId)
          return {
            id: m.id,
            quote: m.target.quote,
            position: m.target.position,
            status: m.status,
            entity: e?.name,
            type: e?.type,
          }
        }),
    }
  }
  return out
}

describe('W3C Web Annotation export and import', () => {
  let from: Awaited<ReturnType<typeof tempDir>>
  let to: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => {
    from = await tempDir()
    to = await tempDir()
  })
  afterEach(async () => {
    await from.remove()
    await to.remove()
  })

  it('writes a JSON-LD AnnotationCollection with selectors, bodies and the dossier extension', async () => {
    const { workspace, articleIds } = await annotatedWorkspace(from.path)
    try {
      const doc = JSON.parse(JSON.stringify(await exportW3c(workspace)))
      expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld')
      expect(doc.type).toBe('AnnotationCollection')
      const items = doc.first.items
      expect(items).toHaveLength(doc.total)
      const commented = items.find(
        (i: { motivation: string; body: { value: string }[] }) =>
          i.motivation === 'commenting' && i.body.some((b) => b.value === 'Evidence'),
      )
      expect(commented.body).toContainEqual(
        expect.objectContaining({ purpose: 'tagging', value: 'Evidence' }),
      )
      expect(commented.target.source).toBe(`urn:dossier:article:${articleIds[1]}`)
      expect(commented.target['dossier:sha256']).toMatch(/^[0-9a-f]{64}$/)
      expect(commented.target.selector.map((s: { type: string }) => s.type)).toEqual([
        'TextQuoteSelector',
        'TextPositionSelector',
      ])
      expect(items.filter((i: { motivation: string }) => i.motivation === 'identifying').length).toBe(7)
      expect(doc['dossier:codes'].map((c: { name: string }) => c.name)).toContain('Question')
      expect(doc['dossier:entities'].map((e: { name: string }) => e.name)).toContain('Kim Jong Un')
    } finally {
      await workspace.close()
    }
  })

  it('restores every highlight and mention in a fresh workspace, and a second import changes nothing', async () => {
    const { workspace, articleIds } = await annotatedWorkspace(from.path)
    const doc = JSON.parse(JSON.stringify(await exportW3c(workspace)))
    const expected = await facts(workspace)
    await workspace.close()
    expect(articleIds).toHaveLength(2)

    const fresh = await seededWorkspace(to.path)
    try {
      const result = await importW3c(fresh, doc)
      expect(result.skipped).toEqual([])
      expect(result.highlights).toBe(3)
      expect(result.mentions).toBe(7)
      expect(await facts(fresh)).toEqual(expected)
      const again = await importW3c(fresh, doc)
      expect(again.highlights + again.mentions).toBe(0)
      expect(again.skipped.every((s) => s.reason === 'already-present')).toBe(true)
      expect(await facts(fresh)).toEqual(expected)
      expect(fresh.entities.filter((e) => e.name === 'Kim Jong Un')).toHaveLength(1)
    } finally {
      await fresh.close()
    }
  })

  it('skips annotations of articles the workspace does not have, and rejects what is not an export', async () => {
    const { workspace } = await annotatedWorkspace(from.path)
    const doc = JSON.parse(JSON.stringify(await exportW3c(workspace)))
    await workspace.close()
    const empty = await seededWorkspace(to.path)
    try {
      for (const item of doc.first.items) {
        item.target['dossier:sha256'] = '0'.repeat(64)
        item.target.source = 'urn:dossier:article:nosucharticle'
      }
      const result = await importW3c(empty, doc)
      expect(result.highlights + result.mentions).toBe(0)
      expect(result.skipped).toHaveLength(doc.first.items.length)
      expect(result.skipped[0]!.reason).toBe('article-not-found')
      await expect(importW3c(empty, { type: 'Nope' })).rejects.toThrow()
    } finally {
      await empty.close()
    }
  })
})
