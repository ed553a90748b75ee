// Permission denied, as an analyst without rights on part of a workspace meets it: root never does, so
// where the tests run as root the workspace is opened by a child process running as user "nobody".
import { execFile } from 'node:child_process'
import { chmod, chown, readdir, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers'
import { makeTaggedWorkspace, type TaggedWorkspace } from '../tagged-workspace'
import { isRoot } from './lib/small-disk'

const NOBODY = 65534
const child = new URL('./lib/open-child.ts', import.meta.url).pathname

async function openAsNobody(dir: string) {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, dir], {
    uid: NOBODY,
    gid: NOBODY,
    env: { ...process.env, HOME: '/tmp' },
  })
  return JSON.parse(stdout) as {
    readOnly: boolean
    articles: string[]
    entities: number
    problems: { file: string; message: string }[]
    refused?: string
  }
}

async function giveTo(uid: number, dir: string) {
  for (const name of ['', ...(await readdir(dir, { recursive: true }))])
    await chown(join(dir, name), uid, uid)
}

describe.skipIf(!isRoot || process.platform !== 'linux')('a workspace the analyst may not fully use', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let tagged: TaggedWorkspace
  let ws: string
  beforeEach(async () => {
    dir = await tempDir()
    await chmod(dir.path, 0o755)
    ws = join(dir.path, 'ws')
    tagged = await makeTaggedWorkspace(ws)
  })
  afterEach(() => dir.remove())

  it('an article file it may not read is skipped and named; the rest opens and can be changed', async () => {
    await giveTo(NOBODY, ws)
    const [unreadable, readable] = tagged.articleIds as [string, string]
    await chown(join(ws, 'articles', `${unreadable}.json`), 0, 0)
    await chmod(join(ws, 'articles', `${unreadable}.json`), 0o600)
    // Newer than its index row, as after a change made elsewhere, so that opening reads it.
    const later = new Date(Date.now() + 60_000)
    await utimes(join(ws, 'articles', `${unreadable}.json`), later, later)
    const seen = await openAsNobody(ws)
    expect(seen.readOnly).toBe(false)
    expect(seen.articles).toEqual([readable])
    expect(seen.entities).toBe(tagged.entities.length)
    expect(seen.problems).toEqual([
      {
        file: `articles/${unreadable}.json`,
        message: expect.stringMatching(
          /was skipped because Dossier is not allowed to read it \(permission denied\)\. It was left where it is/,
        ),
      },
    ])
    expect(seen.refused).toBeUndefined()
  })

  it('a workspace it may read but not write opens read-only and refuses changes in words', async () => {
    const seen = await openAsNobody(ws)
    expect(seen.readOnly).toBe(true)
    expect(seen.articles.sort()).toEqual([...tagged.articleIds].sort())
    expect(seen.entities).toBe(tagged.entities.length)
    expect(seen.refused).toMatch(/cannot be written, so it is open read-only/)
  })
})
