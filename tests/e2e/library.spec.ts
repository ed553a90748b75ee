// The library as an analyst uses it with many articles: search the full text, a byline, a note and an
// alias of a tagged name; filter by site and date; move to the trash and back; keep one copy of each
// story dropped in every format; find inside the open article.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import {
  corpus,
  dropFiles,
  expect,
  expectPainted,
  openArticle,
  seed000,
  seed004,
  selectInReader,
  tagSelection,
  test,
  TITLE_000,
  TITLE_004,
} from './fixtures'

const seeds = join(corpus, 'seeds')

test('search the full text, a byline, a note and an alias; open a hit; filter; trash and restore', async ({
  app,
}) => {
  test.setTimeout(120_000)
  await dropFiles(app, [seed000, seed004, join(seeds, '000_us-concerned-north-korea.html')])
  const library = app.getByRole('list', { name: 'Library' })
  await expect(library.getByRole('listitem')).toHaveCount(3)
  const search = app.getByRole('textbox', { name: 'Search articles' })

  // A word of the text: both stories, with a snippet and the number of hits.
  await search.fill('Pyongyang')
  await expect(app.getByTestId('library-count')).toHaveText('3 of 3')
  await expect(library.getByTestId('search-snippet').first()).toContainText('Pyongyang')
  await search.fill('Pyongyang NOT Vladivostok')
  await expect(library.getByRole('listitem')).toHaveCount(2)
  await search.fill('"military equipment and munitions"')
  await expect(library.getByRole('listitem')).toHaveCount(1)
  await expect(library).toContainText(TITLE_004)

  // A byline, and a word with a typo.
  await search.fill('by:"Wire Staff"')
  await expect(library.getByRole('listitem')).toHaveCount(1)
  await search.fill('Vladivostock')
  await expect(library).toContainText(TITLE_004)

  // A note written a moment ago, and an alias given to a tagged name.
  await search.fill('')
  await openArticle(app, TITLE_004)
  await selectInReader(app, 'fighter aircraft')
  await app.keyboard.press('h')
  await expectPainted(app, 'fighter aircraft')
  const inspector = app.getByRole('region', { name: 'Inspector' })
  await inspector.getByRole('button', { name: 'Add a note' }).first().click()
  await inspector.getByRole('textbox', { name: 'Note' }).fill('quid pro quo for the shells')
  await app.keyboard.press('Escape')
  await search.fill('quid pro quo')
  await expect(library.getByRole('listitem')).toHaveCount(1)
  await expect(library.getByTestId('search-snippet')).toContainText('quid pro quo')
  await search.fill('')
  await app.getByTestId('reader').focus()
  await tagSelection(app, 'Kim Jong-un', 'Person', 'Kim Jong Un')
  await search.fill('entity:"Kim Jong-un"')
  await expect(library.getByRole('listitem')).toHaveCount(1)
  await expect(library).toContainText(TITLE_004)

  // Opening a hit marks every hit in the article and steps through them.
  await search.fill('Russia')
  await library
    .getByRole('button', { name: new RegExp(TITLE_000.slice(0, 30)) })
    .first()
    .click()
  const find = app.getByRole('search', { name: 'Find' })
  await expect(find.getByTestId('find-status')).toHaveText(/^1 of \d+$/)
  const total = Number((await find.getByTestId('find-status').textContent())!.split(' of ')[1])
  expect(total).toBeGreaterThan(2)
  await find.getByRole('button', { name: /Next/ }).click()
  await expect(find.getByTestId('find-status')).toHaveText(`2 of ${total}`)
  await app.screenshot({ path: test.info().outputPath('search-hit.png') })

  // Ctrl+F finds inside the open article.
  await app.getByTestId('reader').focus()
  await app.keyboard.press('Control+f')
  // Typed once the box has the focus, as the analyst sees it take it.
  await expect(find.getByRole('textbox', { name: 'Find in the article' })).toBeFocused()
  await app.keyboard.type('Putin')
  await expect(find.getByTestId('find-status')).toHaveText(/^1 of \d+$/)
  await app.keyboard.press('Escape')
  await expect(find).toBeHidden()

  // Filters: by site, and by a published date range that leaves out the undated story.
  await search.fill('')
  await app.getByRole('button', { name: 'Filters' }).click()
  const filters = app.getByTestId('library-filters')
  await filters.getByRole('textbox', { name: 'Published from' }).fill('2023-06-01')
  await filters.getByRole('textbox', { name: 'Published to' }).fill('2023-06-30')
  await expect(library.getByRole('listitem')).toHaveCount(2)
  await filters.getByRole('button', { name: 'Clear all filters' }).click()
  await expect(library.getByRole('listitem')).toHaveCount(3)
  await app.screenshot({ path: test.info().outputPath('filters.png') })
  await app.getByRole('button', { name: 'Filters' }).click()

  // Two articles chosen with the keyboard go to the trash together, and come back with Undo.
  await library.getByRole('listitem').first().getByRole('button').focus()
  await app.keyboard.press('Shift+ArrowDown')
  await expect(app.getByTestId('library-chosen')).toContainText('2 chosen')
  await app.keyboard.press('Delete')
  await expect(library.getByRole('listitem')).toHaveCount(1)
  await app.getByRole('button', { name: 'Undo' }).last().click()
  await expect(library.getByRole('listitem')).toHaveCount(3)
  // One to the trash, back from the Trash window.
  await library.getByRole('listitem').first().getByRole('button').focus()
  await app.keyboard.press('Delete')
  await expect(library.getByRole('listitem')).toHaveCount(2)
  await app.getByRole('button', { name: 'Trash', exact: true }).click()
  const trash = app.getByRole('dialog', { name: 'Trash' })
  await trash.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(trash).toContainText('The trash is empty')
  await trash.getByRole('button', { name: 'Close' }).click()
  await expect(library.getByRole('listitem')).toHaveCount(3)

  // Two articles go into a new case; the case shows them alone, and a brief starts from its highlights.
  await library.getByRole('listitem').first().getByRole('button').focus()
  await app.keyboard.press('Shift+ArrowDown')
  const chosen = app.getByTestId('library-chosen')
  await chosen.getByRole('button', { name: 'Case' }).click()
  await app.getByRole('menuitem', { name: 'New case…' }).click()
  await app.getByRole('textbox', { name: 'Name of the new case' }).fill('Arms transfers')
  await app.getByRole('button', { name: 'Create and add' }).click()
  await app.getByRole('combobox', { name: 'Case' }).selectOption({ label: 'Case: Arms transfers' })
  await expect(library.getByRole('listitem')).toHaveCount(2)
  await app.getByRole('button', { name: 'Brief', exact: true }).click()
  await expect(app.getByTestId('brief-editor')).toBeVisible()
  await expect(
    app.getByTestId('brief-editor').getByRole('textbox', { name: 'Title', exact: true }),
  ).toHaveValue('Arms transfers')
})

test('keep one copy of each story dropped in every format, in one action', async ({ app }) => {
  test.setTimeout(120_000)
  const files = (await readdir(seeds)).filter((n) => !n.endsWith('.json')).map((n) => join(seeds, n))
  await dropFiles(app, files)
  const library = app.getByRole('list', { name: 'Library' })
  await expect(app.getByText(/\d+ articles imported/).first()).toBeVisible({ timeout: 60_000 })
  await expect(library).toContainText(TITLE_000)
  await expect(library).toContainText(TITLE_004)
  const rows = await library.getByRole('listitem').count()
  expect(rows).toBeGreaterThan(4)
  // Each copy says what format it came in.
  await expect(library.getByTestId('row-format').filter({ hasText: 'PDF' })).toHaveCount(1)
  await expect(library.getByTestId('row-format').filter({ hasText: 'Word' })).toHaveCount(1)

  await app.getByRole('button', { name: 'Duplicates' }).click()
  const dialog = app.getByRole('dialog', { name: 'Copies of the same story' })
  await expect(dialog.getByTestId('duplicate-group')).toHaveCount(2)
  await app.screenshot({ path: test.info().outputPath('duplicates.png') })
  await dialog.getByRole('button', { name: /^Keep one of each/ }).click()
  await expect(dialog).toBeHidden()
  await expect(library.getByRole('listitem')).toHaveCount(2)
  await app.getByRole('button', { name: 'Undo' }).last().click()
  await expect(library.getByRole('listitem')).toHaveCount(rows)
})
