// The analyst's view of a workspace that was damaged or cannot be written: what was restored is said
// on screen, every tag still shows, and a read-only workspace reads but refuses changes in words.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import {
  dropFiles,
  openArticle,
  seed000,
  seed004,
  selectInReader,
  startServer,
  tagSelection,
  TITLE_000,
} from './fixtures'

test('a damaged dossier.json is rebuilt, the analyst is told so, and every tag is still there', async ({
  page,
}) => {
  const workspace = await mkdtemp(join(tmpdir(), 'dossier-e2e-'))
  try {
    let server = await startServer(workspace)
    await page.goto(server.url)
    await dropFiles(page, [seed000, seed004])
    await openArticle(page, TITLE_000)
    await tagSelection(page, 'Kin Jong Un', 'Person', 'Kim Jong Un')
    await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('Kim Jong Un')
    await server.stop()

    const index = join(workspace, 'dossier.json')
    const text = await readFile(index, 'utf8')
    await writeFile(index, text.slice(0, text.length / 3))

    server = await startServer(workspace)
    await page.goto(server.url)
    const alert = page.getByRole('alert').filter({ hasText: 'Dossier found problems in this workspace' })
    await expect(alert).toContainText('dossier.json could not be read because it is not valid JSON')
    await expect(alert).toContainText('Dossier rebuilt it: 2 articles from their files')
    await expect(alert).toContainText('Every tag points at an entity')
    await openArticle(page, TITLE_000)
    await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('Kim Jong Un')
    await page.screenshot({ path: test.info().outputPath('rebuilt.png') })
    await server.stop()
  } finally {
    await rm(workspace, { recursive: true, force: true })
  }
})

test('a read-only workspace opens with a banner, and a change is refused in words', async ({ page }) => {
  test.skip(process.getuid?.() !== 0 || process.platform !== 'linux', 'needs root to mount a read-only tmpfs')
  const disk = await mkdtemp(join(tmpdir(), 'dossier-ro-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', disk])
  const workspace = join(disk, 'ws')
  try {
    let server = await startServer(workspace)
    await page.goto(server.url)
    await dropFiles(page, [seed000, seed004])
    await expect(page.getByRole('list', { name: 'Library' })).toContainText(TITLE_000)
    await server.stop()
    execFileSync('mount', ['-o', 'remount,ro', disk])

    server = await startServer(workspace)
    await page.goto(server.url)
    await expect(page.getByRole('alert').filter({ hasText: 'This workspace is read-only' })).toBeVisible()
    await openArticle(page, TITLE_000)
    await selectInReader(page, 'closer strategic cooperation')
    await page.keyboard.press('h')
    await expect(
      page.getByText(/open read-only: you can read and export, but not import, highlight or tag/).first(),
    ).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('read-only.png') })
    await server.stop()
  } finally {
    execFileSync('umount', [disk])
    await rm(disk, { recursive: true, force: true })
  }
})
