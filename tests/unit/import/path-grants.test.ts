// Desktop imports by path read only what the analyst chose or dropped: not /etc/passwd, not a `..` out of
// a dropped folder, not a symlink inside it that points elsewhere.
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/services/dossier'
import { PathGrants } from '../../../src/main/services/import/path-grants'
import { Workspace } from '../../../src/main/services/store/workspace'
import { SEED_000, SEED_004, tempDir } from '../../helpers'

describe('path grants', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let folder: string
  let outside: string

  beforeAll(async () => {
    dir = await tempDir()
    folder = join(dir.path, 'dropped')
    outside = join(dir.path, 'secret.txt')
    await mkdir(join(folder, 'nested'), { recursive: true })
    await writeFile(join(folder, 'nested', 'a.txt'), 'granted')
    await writeFile(outside, 'not granted')
    await mkdir(join(dir.path, 'dropped-sibling'))
    await writeFile(join(dir.path, 'dropped-sibling', 'b.txt'), 'not granted')
    await symlink(outside, join(folder, 'link-out.txt'))
    await symlink(join(folder, 'nested', 'a.txt'), join(folder, 'link-in.txt'))
    await symlink(dir.path, join(folder, 'parent-dir'))
  })

  afterAll(() => dir.remove())

  const refused = async (grants: PathGrants, path: string) => {
    await expect(grants.check(path)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/reads only files you chose or dropped/),
    })
  }

  it('allows a granted file and everything under a granted folder, as their real paths', async () => {
    const grants = new PathGrants()
    grants.grant(folder)
    grants.grant(SEED_000)
    await expect(grants.check(join(folder, 'nested', 'a.txt'))).resolves.toMatch(/nested[\\/]a\.txt$/)
    await expect(grants.check(folder)).resolves.toBeTruthy()
    await expect(grants.check(SEED_000)).resolves.toBeTruthy()
    await refused(grants, SEED_004)
  })

  it('refuses anything never granted, a path that does not exist, and a relative path', async () => {
    const grants = new PathGrants()
    await refused(grants, '/etc/passwd')
    grants.grant(folder)
    await refused(grants, '/etc/passwd')
    await refused(grants, join(folder, 'missing.txt'))
    await refused(grants, 'nested/a.txt')
  })

  it('refuses a `..` out of a granted folder and a sibling whose name starts the same', async () => {
    const grants = new PathGrants()
    grants.grant(folder)
    await refused(grants, join(folder, '..', 'secret.txt'))
    await refused(grants, `${folder}/../secret.txt`)
    await refused(grants, join(dir.path, 'dropped-sibling', 'b.txt'))
  })

  it('follows symlinks: one inside the folder pointing out of it is refused, one staying inside is not', async () => {
    const grants = new PathGrants()
    grants.grant(folder)
    await refused(grants, join(folder, 'link-out.txt'))
    await refused(grants, join(folder, 'parent-dir', 'secret.txt'))
    await expect(grants.check(join(folder, 'link-in.txt'))).resolves.toMatch(/nested[\\/]a\.txt$/)
  })

  it('sees a grant at once, before it has finished resolving', async () => {
    const grants = new PathGrants()
    grants.grant(SEED_000)
    await expect(grants.check(SEED_000)).resolves.toBeTruthy()
  })

  it('ignores a relative grant', async () => {
    const grants = new PathGrants()
    grants.grant('.')
    await refused(grants, join(process.cwd(), 'package.json'))
  })
})

describe('desktop imports by path', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let workspace: Workspace
  const printer = { print: async () => new Uint8Array(), close: async () => {} }

  beforeAll(async () => {
    dir = await tempDir()
    workspace = await Workspace.open(join(dir.path, 'ws'))
    await mkdir(join(dir.path, 'folder'))
    await copyFile(SEED_000, join(dir.path, 'folder', 'seed.txt'))
    await writeFile(join(dir.path, 'secret.txt'), 'root:x:0:0:root:/root:/bin/bash\n')
    await symlink(join(dir.path, 'secret.txt'), join(dir.path, 'folder', 'escape.txt'))
  })

  afterAll(async () => {
    await workspace.close()
    await dir.remove()
  })

  it('reads a path only after the analyst granted it, and never /etc/passwd', async () => {
    const grants = new PathGrants()
    const handlers = createHandlers({ workspace, printer, host: 'electron', samplesDir: dir.path, grants })
    const [refused] = await handlers['import.paths']({ paths: ['/etc/passwd'] })
    expect(refused).toMatchObject({ status: 'failed', error: { code: 'forbidden' } })
    const [before] = await handlers['import.paths']({ paths: [SEED_004] })
    expect(before).toMatchObject({ status: 'failed', error: { code: 'forbidden' } })
    grants.grant(SEED_004)
    const [after] = await handlers['import.paths']({ paths: [SEED_004] })
    expect(after!.status).toBe('imported')
    expect(workspace.articles).toHaveLength(1)
  })

  it('expands a granted folder but passes over a symlink in it that leads out', async () => {
    const grants = new PathGrants()
    const handlers = createHandlers({ workspace, printer, host: 'electron', samplesDir: dir.path, grants })
    grants.grant(join(dir.path, 'folder'))
    const expanded = await handlers['import.expand']({ paths: [join(dir.path, 'folder')] })
    expect(expanded.files.map((f) => f.split(/[\\/]/).pop())).toEqual(['seed.txt'])
    expect(expanded.skipped).toEqual([
      expect.objectContaining({
        file: 'escape.txt',
        status: 'failed',
        error: expect.objectContaining({ code: 'forbidden' }),
      }),
    ])
  })

  it('honours no path at all without grants, and the dialog only where there is one', async () => {
    const handlers = createHandlers({ workspace, printer, host: 'electron', samplesDir: dir.path })
    const [result] = await handlers['import.paths']({ paths: [SEED_000] })
    expect(result).toMatchObject({ status: 'failed', error: { code: 'forbidden' } })
    await expect(handlers['import.choose']({})).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('grants what the analyst chose in the open dialog', async () => {
    const grants = new PathGrants()
    const handlers = createHandlers({
      workspace,
      printer,
      host: 'electron',
      samplesDir: dir.path,
      grants,
      chooseFiles: async () => [join(dir.path, 'folder')],
    })
    const chosen = await handlers['import.choose']({})
    expect(chosen.paths).toEqual([join(dir.path, 'folder')])
    await expect(grants.check(join(dir.path, 'folder', 'seed.txt'))).resolves.toBeTruthy()
  })
})
