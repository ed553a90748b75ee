// The summary after an import: a likely duplicate is named with what it duplicates and can be removed
// (and brought back), and a long non-ASCII file name is shown whole.
import { join } from 'node:path'
import { corpus, dropFiles, expect, seed000, test, TITLE_000 } from './fixtures'

const markdown000 = join(corpus, 'seeds/000_us-concerned-north-korea.md')
const LONG_NAME = `Rapport été 2023 — 北朝鮮 ${'x'.repeat(180)}.txt`

test('the same story in another file is flagged; "Remove new copy" removes it, undoably', async ({ app }) => {
  const library = app.getByRole('list', { name: 'Library' })
  await dropFiles(app, [seed000])
  await expect(library.getByRole('listitem')).toHaveCount(1)

  await dropFiles(app, [markdown000])
  const summary = app.getByRole('alert').filter({ hasText: 'likely duplicate' })
  await expect(summary).toContainText('000_us-concerned-north-korea.md')
  await expect(summary).toContainText(`looks like the same story as “${TITLE_000}”`)
  await expect(summary).toContainText(/\(\d+\s%\ssimilar\)/)
  await expect(library.getByRole('listitem')).toHaveCount(2)

  await summary.getByRole('button', { name: /^Remove new copy/ }).click()
  await expect(library.getByRole('listitem')).toHaveCount(1)
  await expect(summary).toContainText('Removed the new copy')
  await expect(app.getByTestId('reader').getByRole('heading', { level: 1 })).toHaveText(TITLE_000)

  await app.keyboard.press('Control+z')
  await expect(library.getByRole('listitem')).toHaveCount(2)
})

test('"Keep both" dismisses the line and keeps both articles', async ({ app }) => {
  const library = app.getByRole('list', { name: 'Library' })
  await dropFiles(app, [seed000])
  await expect(library.getByRole('listitem')).toHaveCount(1)
  await dropFiles(app, [markdown000])
  const summary = app.getByRole('alert').filter({ hasText: 'likely duplicate' })
  await summary.getByRole('button', { name: /^Keep both/ }).click()
  await expect(summary).not.toContainText('looks like the same story')
  await expect(library.getByRole('listitem')).toHaveCount(2)
})

test('a long non-ASCII file name is kept whole in the summary and wraps', async ({ app }) => {
  await dropFiles(app, [join(corpus, 'hostile', LONG_NAME), join(corpus, 'hostile', 'empty.txt')])
  const summary = app.getByRole('alert').filter({ hasText: 'could not be imported' })
  await expect(summary).toContainText(LONG_NAME)
  const item = summary.getByRole('listitem').filter({ hasText: LONG_NAME })
  expect(await item.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true)
})
