// The analyst corrects what the importer guessed about an article: the Library and the reader follow,
// mistakes are explained on the form, and the change can be undone.
import { dropFiles, expect, seed004, test, TITLE_004 } from './fixtures'

const NEW_TITLE = 'Washington says Pyongyang shipped arms to Moscow'

test('editing the title and date shows in the library, also after a reload', async ({ app }) => {
  const library = app.getByRole('list', { name: 'Library' })
  const reader = app.getByTestId('reader')
  await dropFiles(app, [seed004])
  await library.getByRole('button', { name: new RegExp(TITLE_004) }).click()

  await reader.getByRole('button', { name: 'Edit details' }).click()
  const dialog = app.getByRole('dialog', { name: 'Edit article details' })
  await expect(dialog.getByLabel('Title')).toHaveValue(TITLE_004)

  await dialog.getByLabel('Published').fill('13/10/2023')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByText('Write the date as YYYY-MM-DD, for example 2023-06-13.')).toBeVisible()

  await dialog.getByLabel('Published').fill('2023-10-13')
  await dialog.getByLabel('Source URL').fill('ftp://example.org/a')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert')).toContainText('is not a web address')

  await dialog.getByLabel('Source URL').fill('https://example.org/north-korea-arms')
  await dialog.getByLabel('Title').fill(NEW_TITLE)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(NEW_TITLE)
  await expect(library).toContainText(NEW_TITLE)
  await expect(library).toContainText('13 Oct 2023')

  await app.reload()
  await expect(library).toContainText(NEW_TITLE)
  await expect(library).not.toContainText(TITLE_004)
  await library.getByRole('button', { name: new RegExp(NEW_TITLE) }).click()
  await expect(reader).toContainText('https://example.org/north-korea-arms')
})

test('Ctrl+Shift+D opens the dialog, and Ctrl+Z puts the old title back', async ({ app }) => {
  const library = app.getByRole('list', { name: 'Library' })
  const reader = app.getByTestId('reader')
  await dropFiles(app, [seed004])
  await library.getByRole('button', { name: new RegExp(TITLE_004) }).click()
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_004)

  await app.keyboard.press('Control+Shift+D')
  const dialog = app.getByRole('dialog', { name: 'Edit article details' })
  await dialog.getByLabel('Title').fill(NEW_TITLE)
  await dialog.getByLabel('Title').press('Enter')
  await expect(dialog).toBeHidden()
  await expect(library).toContainText(NEW_TITLE)

  await app.keyboard.press('Control+z')
  await expect(library).toContainText(TITLE_004)
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_004)
})
