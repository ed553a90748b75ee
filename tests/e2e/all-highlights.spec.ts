// All highlights: highlights made in two articles gather in one list, filter by code and by note,
// open their passage in the reader, and copy as a quotation with its citation.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import {
  api,
  dropFiles,
  expect,
  expectPainted,
  seed000,
  seed004,
  test,
  TITLE_000,
  TITLE_004,
} from './fixtures'

test.use({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] })

interface Listed {
  id: string
  title: string
}

async function highlight(page: Page, articleId: string, words: string, codeId: string, note: string) {
  const { article } = await api<{ article: { text: string } }>(page, 'articles.get', { id: articleId })
  const start = article.text.indexOf(words)
  expect(start, `"${words}" is in the article`).toBeGreaterThanOrEqual(0)
  await api(page, 'highlights.create', { articleId, start, end: start + words.length, codeId, note })
}

async function readClipboard(page: Page): Promise<{ text: string; html: string }> {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read()
    const read = async (type: string) =>
      item!.types.includes(type) ? (await item!.getType(type)).text() : ''
    return { text: await read('text/plain'), html: await read('text/html') }
  })
}

test('highlights of two articles filter by code and note, open their passage and copy as quotations', async ({
  app,
}) => {
  const library = app.getByRole('list', { name: 'Library' })
  await dropFiles(app, [seed000, seed004])
  await expect(library).toContainText(TITLE_000)
  await expect(library).toContainText(TITLE_004)

  const listed = await api<Listed[]>(app, 'articles.list')
  const first = listed.find((a) => a.title === TITLE_000)!.id
  const second = listed.find((a) => a.title === TITLE_004)!.id
  await api(app, 'articles.update', {
    id: first,
    siteName: 'WION',
    sourceUrl: 'https://www.wionews.com/world/kim',
  })
  await highlight(app, first, 'closer strategic cooperation', 'keyjudgement', 'The pledge to Moscow')
  await highlight(app, first, 'Kin Jong Un', 'question', 'Typo in the source')
  await highlight(app, second, 'more than 1,000 containers', 'evidence', 'Scale of the shipment')
  await highlight(app, second, 'military equipment', 'evidence', '')

  const views = app.getByRole('radiogroup', { name: 'View' })
  await views.getByText('All highlights').click()
  const list = app.getByRole('list', { name: 'Highlights' })
  const rows = list.getByRole('listitem')
  await expect(app.getByTestId('highlight-count')).toHaveText('4 highlights')
  await expect(rows).toHaveCount(4)

  // Only the evidence.
  await app.getByRole('combobox', { name: 'Codes' }).click()
  await app.getByRole('option', { name: /Evidence/ }).click()
  await app.keyboard.press('Escape')
  await expect(app.getByTestId('highlight-count')).toHaveText('2 highlights match')
  await expect(rows).toHaveCount(2)
  for (const row of await rows.all()) await expect(row).toContainText('Evidence')
  await expect(list).not.toContainText('closer strategic cooperation')

  // And by the words of a note, whatever their case.
  await app.getByRole('textbox', { name: 'Search notes and quotes' }).fill('SHIPMENT')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('more than 1,000 containers')

  await rows.first().getByRole('button', { name: 'Copy as quotation' }).click()
  await expect(app.getByText('Quotation copied')).toBeVisible()
  const copied = await readClipboard(app)
  expect(copied.text).toBe(
    `“more than 1,000 containers” — ${TITLE_004}, ansarpress.com, https://www.ansarpress.com/english/27741`,
  )
  expect(copied.html).toContain('<a href="https://www.ansarpress.com/english/27741">')

  // The keyboard: the list takes focus, ↓ moves, Ctrl+C copies the focused row.
  await app.getByRole('textbox', { name: 'Search notes and quotes' }).fill('')
  await app.getByRole('button', { name: 'Clear filters' }).click()
  await expect(rows).toHaveCount(4)
  await rows.first().focus()
  await app.keyboard.press('ArrowDown')
  await expect(rows.nth(1)).toBeFocused()
  await app.keyboard.press('ControlOrMeta+c')
  // A row is labelled "<code>: <quote>".
  const label = (await rows.nth(1).getAttribute('aria-label'))!
  const quote = label.slice(label.indexOf(': ') + 2)
  expect((await readClipboard(app)).text.startsWith(`“${quote}” — `)).toBe(true)

  const shots = process.env.DOSSIER_SHOTS
  if (shots) {
    await mkdir(shots, { recursive: true })
    await app.mouse.move(0, 0)
    for (const close of await app.locator('.mantine-Notification-closeButton').all()) await close.click()
    await expect(app.locator('.mantine-Notification-root')).toHaveCount(0)
    await app.screenshot({ path: join(shots, 'all-highlights-light.png') })
    await app.emulateMedia({ colorScheme: 'dark' })
    await app.waitForTimeout(300)
    await app.screenshot({ path: join(shots, 'all-highlights-dark.png') })
    await app.emulateMedia({ colorScheme: 'light' })
  }

  // Opening a passage returns to the reader on its article, with the mark in view.
  const row = rows.filter({ hasText: 'Typo in the source' })
  await row.getByRole('button', { name: 'Open passage' }).click()
  const reader = app.getByTestId('reader')
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_000)
  await expectPainted(app, 'Kin Jong Un', 'focus', { inView: true })
  await expect(list).toBeHidden()

  // Ctrl/Cmd+Shift+H comes back, and Enter on a row opens it too.
  await app.keyboard.press('ControlOrMeta+Shift+H')
  await expect(rows).toHaveCount(4)
  await rows.filter({ hasText: 'Scale of the shipment' }).focus()
  await app.keyboard.press('Enter')
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_004)
})
