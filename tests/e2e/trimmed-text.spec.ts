// Site furniture (related links, "also read" teasers, share lines) is kept in the text but hidden from the
// reading; the analyst can show it, restore a passage for good, and undo that.
import { dropFiles, expect, seed000, selectInReader, test, TITLE_000, expectPainted } from './fixtures'

test('trimmed boilerplate is hidden, shown on request, and a restored passage stays after a reload', async ({
  app,
}) => {
  const library = app.getByRole('list', { name: 'Library' })
  const reader = app.getByTestId('reader')
  await dropFiles(app, [seed000])
  await library.getByRole('button', { name: new RegExp(TITLE_000) }).click()
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_000)

  await expect(reader).toContainText('closer strategic cooperation')
  await expect(reader).not.toContainText('Related Articles')
  await expect(reader).not.toContainText('also read')
  await expect(reader.getByTestId('article-meta')).toContainText('With inputs from Reuters')

  await reader.getByRole('button', { name: /^Show trimmed text \(\d+\)$/ }).click()
  await expect(reader.getByText('Related Articles', { exact: true }).first()).toBeVisible()
  await expect(reader.getByText('also read', { exact: true }).first()).toBeVisible()

  await reader.getByRole('button', { name: /^Restore “Related Articles”/ }).click()
  await expect(reader.getByRole('button', { name: /^Trim “Related Articles”/ })).toBeVisible()

  await app.reload()
  await library.getByRole('button', { name: new RegExp(TITLE_000) }).click()
  await expect(reader.getByText('Related Articles', { exact: true }).first()).toBeVisible()
  await expect(reader).not.toContainText('also read')
  await expect(reader.getByRole('button', { name: /^Show trimmed text/ })).toBeVisible()
})

test('restoring a passage is undone with Ctrl+Z and redone with Ctrl+Shift+Z', async ({ app }) => {
  const library = app.getByRole('list', { name: 'Library' })
  const reader = app.getByTestId('reader')
  await dropFiles(app, [seed000])
  await library.getByRole('button', { name: new RegExp(TITLE_000) }).click()
  await reader.getByRole('button', { name: /^Show trimmed text/ }).click()
  await reader.getByRole('button', { name: /^Restore “also read”/ }).click()
  await expect(reader.getByRole('button', { name: /^Trim “also read”/ })).toBeVisible()

  await app.keyboard.press('Control+z')
  await expect(reader.getByRole('button', { name: /^Restore “also read”/ })).toBeVisible()
  await app.keyboard.press('Control+Shift+z')
  await expect(reader.getByRole('button', { name: /^Trim “also read”/ })).toBeVisible()

  await reader.getByRole('button', { name: /^Hide trimmed text/ }).click()
  await expect(reader.getByText('also read', { exact: true }).first()).toBeVisible()
  await expect(reader).not.toContainText('Related Articles')
})

test('a highlight in trimmed text is kept, and showing it from the inspector reveals the passage', async ({
  app,
}) => {
  const library = app.getByRole('list', { name: 'Library' })
  const reader = app.getByTestId('reader')
  await dropFiles(app, [seed000])
  await library.getByRole('button', { name: new RegExp(TITLE_000) }).click()
  await reader.getByRole('button', { name: /^Show trimmed text/ }).click()
  await selectInReader(app, 'North Korea confirms June launch')
  await app.keyboard.press('h')
  await expectPainted(app, 'North Korea confirms June launch')

  await reader.getByRole('button', { name: /^Hide trimmed text/ }).click()
  await expect(reader).not.toContainText('North Korea confirms June launch')
  const inspector = app.getByRole('region', { name: 'Inspector' })
  await inspector.getByTitle('Show in the article').click()
  await expectPainted(app, 'North Korea confirms June launch')
})
