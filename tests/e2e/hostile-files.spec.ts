// Bad files in a batch: each is named with its cause, the good ones still arrive.
import { join } from 'node:path'
import { corpus, dropFiles, expect, seed004, test, TITLE_004 } from './fixtures'

const hostile = (name: string) => join(corpus, 'hostile', name)

test('each bad file gets a message naming it and the cause, and the rest of the batch imports', async ({
  app,
}) => {
  await dropFiles(app, [
    hostile('empty.txt'),
    hostile('whitespace-only.txt'),
    hostile('binary-garbage.txt'),
    seed004,
    hostile('markdown-injection.txt'),
  ])
  const library = app.getByRole('list', { name: 'Library' })
  await expect(library).toContainText(TITLE_004)
  await expect(library).toContainText('Export escaping test')
  await expect(app.getByText('empty.txt is empty: there is nothing to import.')).toBeVisible()
  await expect(app.getByText('whitespace-only.txt is empty: it holds only white space.')).toBeVisible()
  await expect(app.getByText(/binary-garbage\.txt is not a text document/)).toBeVisible()
})

test('a hostile article is shown as text: its markup never becomes live', async ({ app }) => {
  await dropFiles(app, [hostile('markdown-injection.txt')])
  const library = app.getByRole('list', { name: 'Library' })
  await library.getByRole('button', { name: /Export escaping test/ }).click()
  const reader = app.getByTestId('reader')
  await expect(reader).toContainText('<img src=x onerror=alert(1)>')
  await expect(reader.locator('img, script, a[href], iframe')).toHaveCount(0)
  expect(await app.title()).toBe('Dossier')
})
