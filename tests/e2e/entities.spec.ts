// Entities across the corpus: one name tagged once is suggested wherever else it appears, the
// suggestions are reviewed in the inspector, and the entity's page lists every mention in context and
// the highlights that hold it, ready to go into a brief.
import {
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

test('tag a name once, review its suggestions, and open its page', async ({ app }) => {
  test.setTimeout(120_000)
  await dropFiles(app, [seed000, seed004])
  await expect(app.getByRole('list', { name: 'Library' })).toContainText(TITLE_004)

  // Tagged once, as the typo it is written with in the first article.
  await openArticle(app, TITLE_000)
  await tagSelection(app, 'Kin Jong Un', 'Person', 'Kim Jong Un')
  await selectInReader(app, 'Kim Jong Un made the pledge')
  await app.keyboard.press('h')
  await expectPainted(app, 'Kim Jong Un made the pledge')

  // Its other mentions come back as suggestions, shown apart, and are accepted in the inspector.
  const inspector = app.getByRole('region', { name: 'Inspector' })
  // The dictionary's suggestions of the name tagged (the recogniser's proposals come and go apart).
  const suggestions = inspector
    .getByTestId('suggestion')
    .filter({ has: app.getByTestId('suggestion-target').filter({ hasText: /^→ Kim Jong Un · dictionary/ }) })
  // Until the background pass is over: the same count twice, two seconds apart.
  let last = -1
  await expect
    .poll(
      async () => {
        await openArticle(app, TITLE_004)
        await openArticle(app, TITLE_000)
        // The inspector lists the article's suggestions a moment after the article opens.
        await suggestions
          .first()
          .waitFor({ timeout: 5_000 })
          .catch(() => {})
        const now = await suggestions.count()
        const same = now > 0 && now === last
        last = now
        return same
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(true)
  const before = await suggestions.count()
  await suggestions
    .first()
    .getByRole('button', { name: /^Accept/ })
    .click()
  await expect(suggestions).toHaveCount(before - 1)
  // Accepting is undoable: the tag becomes a suggestion again, and redo accepts it again.
  await app.keyboard.press('ControlOrMeta+z')
  await expect(suggestions).toHaveCount(before)
  await app.keyboard.press('ControlOrMeta+Shift+z')
  await expect(suggestions).toHaveCount(before - 1)

  // The tag dialog offers the type the name is known as.
  await selectInReader(app, 'Kim Jong Un vowed')
  await app.evaluate(() => window.getSelection()!.modify('extend', 'backward', 'word'))
  await app.keyboard.press('t')
  const dialog = app.getByRole('dialog', { name: 'Tag entity' })
  await expect(dialog.getByRole('radio', { name: /Person/ })).toBeChecked()
  await app.keyboard.press('Escape')

  // The entity's page: every mention in context, and the highlight that holds it, into a brief.
  await app.getByRole('radiogroup', { name: 'View' }).getByText('Entities').click()
  await app
    .getByRole('list', { name: 'Entities' })
    .getByRole('listitem')
    .filter({ hasText: 'Kim Jong Un' })
    .click()
  const page = app.getByTestId('entity-page')
  await expect(page.getByRole('heading', { name: 'Kim Jong Un' })).toBeVisible()
  await expect(page).toContainText('Also written “Kin Jong Un”')
  await expect(
    page.getByRole('list', { name: 'Mentions in context' }).getByRole('listitem').first(),
  ).toBeVisible()
  await expect(page).toContainText('Kim Jong Un made the pledge')
  await app.screenshot({ path: test.info().outputPath('entity-page.png') })
  await page.getByRole('button', { name: 'Add to brief' }).first().click()
  const add = app.getByRole('dialog', { name: /to a brief$/ })
  await add.getByRole('textbox', { name: 'Title of the new brief' }).fill('Who is Kim')
  await add.getByRole('button', { name: 'Add excerpt' }).click()
  await expect(app.getByText('Excerpt added to “Who is Kim”.')).toBeVisible()

  // A mention opens its passage in the reader.
  await page.getByRole('list', { name: 'Mentions in context' }).getByRole('listitem').first().click()
  await expect(app.getByTestId('reader')).toBeVisible()
})
