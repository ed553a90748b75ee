// Web pages read as the page meant: right-to-left pages right to left, emphasis kept, and the page's
// metadata (site, date and time, byline, agency credit) in the header.
import { join } from 'node:path'
import { corpus, dropFiles, expect, test, TITLE_000 } from './fixtures'

test('a right-to-left page is read right to left, with the header still usable', async ({ app }) => {
  await dropFiles(app, [join(corpus, 'readability/rtl-1/source.html')])
  const reader = app.getByTestId('reader')
  await app
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: /RTL Test/ })
    .click()
  await expect(reader).toHaveAttribute('dir', 'rtl')
  await expect(reader).toContainText('Lorem ipsum dolor sit amet')
  const direction = await reader
    .locator('p')
    .first()
    .evaluate((p) => getComputedStyle(p).direction)
  expect(direction).toBe('rtl')

  await reader.getByRole('button', { name: 'Edit details' }).click()
  await expect(app.getByRole('dialog', { name: 'Edit article details' })).toBeVisible()
})

test('a news page shows its site, time, byline and credit, and keeps its emphasis', async ({ app }) => {
  await dropFiles(app, [join(corpus, 'seeds/000_us-concerned-north-korea.html')])
  const reader = app.getByTestId('reader')
  await app
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: new RegExp(TITLE_000) })
    .click()
  await expect(reader).toHaveAttribute('lang', 'en')
  const meta = reader.getByTestId('article-meta')
  await expect(meta).toContainText('Example Wire')
  await expect(meta).toContainText('2023')
  await expect(meta).toContainText(/\d{1,2}:30/)
  await expect(meta).toContainText('With inputs from Reuters')
  await expect(reader).not.toContainText('Related')

  await reader.getByRole('button', { name: /^Show trimmed text/ }).click()
  await expect(reader.locator('em', { hasText: 'With inputs from Reuters' })).toBeVisible()
})
