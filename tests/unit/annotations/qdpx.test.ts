import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildQdpx, dossierGuid, exportQdpx } from '../../../src/main/services/annotations/qdpx'
import { corpusDir, tempDir } from '../../helpers'
import { annotatedWorkspace } from './fixture'

const XSD = join(corpusDir, '../refi-qda/Project.xsd')
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0

/** The entries of a zip the zip writer made: name → bytes, read from the local headers. */
function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes)
  const out = new Map<string, Buffer>()
  let at = 0
  while (buf.readUInt32LE(at) === 0x04034b50) {
    const size = buf.readUInt32LE(at + 18)
    const nameLength = buf.readUInt16LE(at + 26)
    const name = buf.subarray(at + 30, at + 30 + nameLength).toString('utf8')
    const start = at + 30 + nameLength + buf.readUInt16LE(at + 28)
    out.set(name, inflateRawSync(buf.subarray(start, start + size)))
    at = start + size
  }
  return out
}

describe('REFI-QDA export', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => (dir = await tempDir()))
  afterEach(() => dir.remove())

  it('derives the same UUID-shaped GUID from the same id', () => {
    expect(dossierGuid('code', 'evidence')).toBe(dossierGuid('code', 'evidence'))
    expect(dossierGuid('code', 'evidence')).not.toBe(dossierGuid('article', 'evidence'))
    expect(dossierGuid('code', 'evidence')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })

  it('zips project.qde and one text source per article, with a selection and coding per highlight', async () => {
    const { workspace, articleIds } = await annotatedWorkspace(dir.path)
    try {
      const files = unzip(await exportQdpx(workspace))
      const qde = files.get('project.qde')!.toString('utf8')
      const guid = dossierGuid('article', articleIds[1]!)
      const article = await workspace.peekArticle(articleIds[1]!)
      expect(files.get(`sources/${guid}.txt`)!.toString('utf8')).toBe(article.text)
      expect(files.size).toBe(3)
      expect(qde.match(/<PlainTextSelection /g)).toHaveLength(3)
      expect(qde.match(/<Coding /g)).toHaveLength(3)
      expect(qde).toContain(`plainTextPath="internal://${guid}.txt"`)
      expect(qde).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;')
      expect(qde).not.toContain('<b>')
      const again = (await buildQdpx(workspace)).qde
      expect(again).toBe(qde)
    } finally {
      await workspace.close()
    }
  })

  it.skipIf(!hasXmllint)(
    'writes a project.qde valid against Project.xsd (needs xmllint: apt package libxml2-utils)',
    async () => {
      const { workspace } = await annotatedWorkspace(dir.path)
      try {
        const { qde } = await buildQdpx(workspace)
        const file = join(dir.path, 'project.qde')
        await writeFile(file, qde)
        expect(await readFile(file, 'utf8')).toBe(qde)
        const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' })
        expect(run.stderr).toContain('validates')
        expect(run.status).toBe(0)
      } finally {
        await workspace.close()
      }
    },
  )
})
