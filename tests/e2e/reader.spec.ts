// The reader at work: a keyboard-only session that highlights, codes and tags; the place kept across a
// restart; an import that leaves the open article alone; colour highlights from before codes; and
// highlights that follow their words when the text changes, or are listed as Unanchored.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, type Page } from '@playwright/test'
import {
  api,
  dropFiles,
  expect,
  expectPainted,
  openArticle,
  paintedTexts,
  seed000,
  seed004,
  selectInReader,
  startServer,
  test,
  TITLE_000,
  TITLE_004,
} from './fixtures'

const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' })

test('a keyboard-only session highlights, codes and tags a sentence', async ({ app }) => {
  await dropFiles(app, [seed000, seed004])
  const library = app.getByRole('list', { name: 'Library' })
  await expect(library).toContainText(TITLE_004)
  // Search box, down into the list, Enter opens: the reader then has the keyboard.
  await app.keyboard.press('/')
  await app.keyboard.type('concerned')
  // The list answers the search before the arrow key goes into it.
  await expect(library).not.toContainText(TITLE_004)
  await app.keyboard.press('ArrowDown')
  await app.keyboard.press('Enter')
  const reader = app.getByTestId('reader')
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_000)
  await expect(reader).toHaveAttribute('data-rendered', 'complete')

  // J selects the first sentence on screen, J again the next one; Shift+J takes one more along.
  await app.keyboard.press('j')
  await app.keyboard.press('j')
  const first = await app.evaluate(() => document.getSelection()?.toString() ?? '')
  expect(first).toMatch(/^The United States is concerned/)
  await app.keyboard.press('Shift+j')
  const two = await app.evaluate(() => document.getSelection()?.toString() ?? '')
  expect(two.length).toBeGreaterThan(first.length)
  await app.keyboard.press('Shift+k')
  expect(await app.evaluate(() => document.getSelection()?.toString().trim() ?? '')).toBe(first.trim())

  // 2 applies the second code of the codebook, Evidence.
  await app.keyboard.press('2')
  await expectPainted(app, first.trim())
  const card = inspector(app).locator('[data-highlight-card]').first()
  await expect(card.getByLabel('Code').locator('option:checked')).toHaveText('Evidence')
  // The new highlight takes the focus once it is saved: 4 then recodes it as a Question.
  await expect(card).toHaveAttribute('data-focused', 'true')
  await app.keyboard.press('4')
  await expect(card.getByLabel('Code').locator('option:checked')).toHaveText('Question')

  // The previous sentence, tagged from the keyboard.
  await app.keyboard.press('Escape')
  await app.keyboard.press('k')
  await app.keyboard.press('t')
  const dialog = app.getByRole('dialog', { name: 'Tag entity' })
  await expect(dialog).toBeVisible()
  await app.keyboard.press('Alt+o')
  await dialog.getByLabel('Name').fill('Justice statement')
  await app.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(inspector(app)).toContainText('Justice statement')
  expect((await paintedTexts(app, 'entity')).some((t) => t.startsWith('North Korean leader'))).toBe(true)

  // N goes to the highlight; Delete removes it, Ctrl+Z brings it back.
  await app.keyboard.press('n')
  await expectPainted(app, first.trim(), 'focus')
  await app.keyboard.press('Delete')
  await expect.poll(() => paintedTexts(app)).toEqual([])
  await app.keyboard.press('Control+z')
  await expectPainted(app, first.trim())

  // The command palette lists the reader's actions with their keys.
  await app.keyboard.press('Control+k')
  await app.keyboard.type('next sentence')
  await expect(app.getByText('Select the next sentence')).toBeVisible()
  await app.keyboard.press('Escape')
})

test('a highlight shows at once, and goes again with the selection back when it cannot be saved', async ({
  app,
}) => {
  await dropFiles(app, [seed000])
  const reader = app.getByTestId('reader')
  await expect(reader).toHaveAttribute('data-rendered', 'complete')
  const words = 'closer strategic cooperation'
  let release = () => {}
  const held = new Promise<void>((done) => (release = done))
  await app.route('**/api/highlights.create', async (route) => {
    await held
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'The disk is full.' } }),
    })
  })
  await selectInReader(app, words)
  await app.keyboard.press('h')
  // Painted while the save is still on its way.
  await expectPainted(app, words)
  release()
  await expect(app.getByRole('alert').filter({ hasText: 'The disk is full.' })).toBeVisible()
  await expect.poll(() => paintedTexts(app)).not.toContain(words)
  expect(await app.evaluate(() => document.getSelection()?.toString())).toBe(words)
  await expect(inspector(app).locator('[data-highlight-card]')).toHaveCount(0)

  // Once saving works again, the same key keeps it.
  await app.unroute('**/api/highlights.create')
  await app.keyboard.press('h')
  await expect(inspector(app).locator('[data-highlight-card]')).toHaveCount(1)
  await expectPainted(app, words)
})

test('an import leaves the open article alone and offers the new one', async ({ app }) => {
  await dropFiles(app, [seed000])
  const reader = app.getByTestId('reader')
  // Nothing was open: the new article opens.
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_000)
  await dropFiles(app, [seed004])
  const offer = app.getByRole('alert').filter({ hasText: `Imported: ${TITLE_004}` })
  await expect(offer).toContainText(TITLE_004)
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_000)
  // The same file again: still nothing switches, and it says the article is already there.
  await dropFiles(app, [seed004])
  const again = app.getByRole('alert').filter({ hasText: `Already in the library: ${TITLE_004}` })
  await expect(again).toBeVisible()
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_000)
  await again.getByRole('button', { name: 'Open' }).click()
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_004)
})

/** A workspace of its own, for tests that stop and start the server on it. */
const own = base.extend<{ workspace: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  workspace: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-e2e-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },
})

/** The first article of the workspace and its text, through the services (setup only). */
async function firstArticle(page: Page): Promise<{ id: string; text: string }> {
  const [row] = await api<Array<{ id: string }>>(page, 'articles.list')
  const { article } = await api<{ article: { text: string } }>(page, 'articles.get', { id: row!.id })
  return { id: row!.id, text: article.text }
}

async function highlightVia(
  page: Page,
  article: { id: string; text: string },
  words: string,
  codeId?: string,
) {
  const start = article.text.indexOf(words)
  expect(start, `"${words}" is in the article`).toBeGreaterThanOrEqual(0)
  await api(page, 'highlights.create', {
    articleId: article.id,
    start,
    end: start + words.length,
    ...(codeId ? { codeId } : {}),
  })
}

type Ranged = { start: number; end: number }
interface ArticleJson {
  schemaVersion: number
  text: string
  blocks: Ranged[]
  inline?: Ranged[]
  highlights: Array<Record<string, unknown>>
  codeCopies?: unknown
}

async function articleFile(workspace: string): Promise<{ path: string; data: ArticleJson }> {
  const dir = join(workspace, 'articles')
  const logs = (await readdir(dir)).filter((n) => n.endsWith('.log'))
  expect(logs, 'closing folded the annotation logs into the article files').toEqual([])
  const name = (await readdir(dir)).find((n) => n.endsWith('.json'))!
  const path = join(dir, name)
  return { path, data: JSON.parse(await readFile(path, 'utf8')) as ArticleJson }
}

own(
  'the reader comes back after a restart with the same article at the same place',
  async ({ page, workspace }) => {
    let server = await startServer(workspace)
    try {
      await page.goto(server.url)
      await dropFiles(page, [seed000, seed004])
      await openArticle(page, TITLE_000)
      const reader = page.getByTestId('reader')
      await expect(reader).toHaveAttribute('data-rendered', 'complete')
      await page.setViewportSize({ width: 1100, height: 500 })
      await reader.getByText('holding hands firmly', { exact: false }).scrollIntoViewIfNeeded()
      await page.mouse.wheel(0, 120)
      await page.waitForTimeout(1500)
      const before = await page.evaluate(() => window.scrollY)
      expect(before).toBeGreaterThan(100)
      await server.stop()

      server = await startServer(workspace)
      await page.goto(server.url)
      await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_000)
      await expect(reader).toHaveAttribute('data-rendered', 'complete')
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 120)
      expect(await page.evaluate(() => window.scrollY)).toBeLessThan(before + 120)
    } finally {
      await server.stop()
    }
  },
)

own(
  'colour highlights from before codes open as codes named after their colour',
  async ({ page, workspace }) => {
    let server = await startServer(workspace)
    try {
      await page.goto(server.url)
      await dropFiles(page, [seed000])
      const reader = page.getByTestId('reader')
      await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_000)
      const article = await firstArticle(page)
      await highlightVia(page, article, 'closer strategic cooperation')
      await highlightVia(page, article, 'holding hands firmly')
      await server.stop()

      // Written back as the first release wrote it: colours, no codebook.
      const file = await articleFile(workspace)
      file.data.schemaVersion = 1
      file.data.highlights = file.data.highlights.map(({ codeId: _code, ...h }, i) => ({
        ...h,
        color: i === 0 ? 'pink' : 'green',
      }))
      delete file.data.codeCopies
      await writeFile(file.path, JSON.stringify(file.data))
      const indexPath = join(workspace, 'dossier.json')
      const index = JSON.parse(await readFile(indexPath, 'utf8'))
      index.schemaVersion = 1
      delete index.codes
      await writeFile(indexPath, JSON.stringify(index))
      await rm(join(workspace, 'backups'), { recursive: true, force: true })

      server = await startServer(workspace)
      await page.goto(server.url)
      await openArticle(page, TITLE_000)
      await expectPainted(page, 'closer strategic cooperation')
      await expectPainted(page, 'holding hands firmly')
      const cards = inspector(page).locator('[data-highlight-card]')
      await expect(cards.nth(0).getByLabel('Code').locator('option:checked')).toHaveText('Pink')
      await expect(cards.nth(1).getByLabel('Code').locator('option:checked')).toHaveText('Green')
      await expect(inspector(page)).toContainText('Key judgement')
    } finally {
      await server.stop()
    }
  },
)

own(
  'a highlight whose text moved follows it, and one whose text is gone is listed as Unanchored',
  async ({ page, workspace }) => {
    let server = await startServer(workspace)
    try {
      await page.goto(server.url)
      await dropFiles(page, [seed000])
      await expect(page.getByTestId('reader').getByRole('heading', { level: 1 })).toHaveText(TITLE_000)
      const article = await firstArticle(page)
      await highlightVia(page, article, 'closer strategic cooperation', 'evidence')
      const gone = 'holding hands firmly with the Russian'
      await highlightVia(page, article, gone, 'question')
      await server.stop()

      // The text changes under the highlights: a sentence arrives at the top, and one passage is rewritten.
      const file = await articleFile(workspace)
      const added = 'An editor’s note was added at the top of this article. '
      const at = file.data.text.indexOf(gone)
      file.data.text =
        added + file.data.text.slice(0, at) + 'x'.repeat(gone.length) + file.data.text.slice(at + gone.length)
      const shift = (r: Ranged, i: number) => ({
        ...r,
        start: i === 0 ? 0 : r.start + added.length,
        end: r.end + added.length,
      })
      file.data.blocks = file.data.blocks.map(shift)
      file.data.inline = (file.data.inline ?? []).map((r) => ({
        ...r,
        start: r.start + added.length,
        end: r.end + added.length,
      }))
      await writeFile(file.path, JSON.stringify(file.data))

      server = await startServer(workspace)
      await page.goto(server.url)
      await openArticle(page, TITLE_000)
      await expectPainted(page, 'closer strategic cooperation')
      expect(await paintedTexts(page)).not.toContain('x'.repeat(gone.length))
      const lost = inspector(page).getByText('Unanchored', { exact: true })
      await expect(lost).toBeVisible()
      await expect(inspector(page)).toContainText(`“${gone}”`)
      await page.screenshot({ path: own.info().outputPath('unanchored.png') })
    } finally {
      await server.stop()
    }
  },
)
