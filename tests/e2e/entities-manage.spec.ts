// Managing entities across the corpus from the Entities view: rename, retype to a type of one's own,
// merge and split, delete, each undone; tag every occurrence of a name from a review list, in the
// workspace and in one article; accept a typo the suggestions found, and keep a form from being
// suggested, then suggest it again.
import type { Locator, Page } from '@playwright/test'
import {
  dropFiles,
  expect,
  openArticle,
  seed000,
  seed004,
  tagWithin,
  test,
  TITLE_000,
  TITLE_004,
} from './fixtures'

async function dropSeeds(app: Page) {
  await dropFiles(app, [seed000, seed004])
  await expect(app.getByRole('list', { name: 'Library' })).toContainText(TITLE_004)
  await openArticle(app, TITLE_000)
}

const view = (app: Page, name: 'Reader' | 'Entities') =>
  app.getByRole('radiogroup', { name: 'View' }).getByText(name, { exact: true }).click()

const entityList = (app: Page) => app.getByRole('list', { name: 'Entities' })

/** The row of the entity list whose name is exactly `name`. */
const entityRow = (app: Page, name: string) =>
  entityList(app)
    .getByRole('listitem')
    .filter({ has: app.getByText(name, { exact: true }) })

async function openEntity(app: Page, name: string): Promise<Locator> {
  await view(app, 'Entities')
  await entityRow(app, name).click()
  const page = app.getByTestId('entity-page')
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible()
  return page
}

/** Undoes the latest change with the Undo button of its notice (the message as written, case and all). */
async function undoFromNotice(app: Page, message: string) {
  const exactly = new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const notice = app
    .locator('.mantine-Notification-root')
    .filter({ hasText: exactly, has: app.getByRole('button', { name: 'Undo' }) })
  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(notice).toBeHidden()
}

const inspector = (app: Page) => app.getByRole('region', { name: 'Inspector' })

/** The underline colour the reader paints a tagged name in (its ::highlight layer's rule), if any. */
function entityMarkColour(text: string): string | undefined {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights
  // The painter registers StaticRanges, which have no text of their own.
  const textOf = (r: AbstractRange) => {
    const live = document.createRange()
    live.setStart(r.startContainer, r.startOffset)
    live.setEnd(r.endContainer, r.endOffset)
    return live.toString()
  }
  for (const [name, ranges] of registry) {
    if (!name.startsWith('dossier-entity-')) continue
    if (![...ranges].some((range) => textOf(range) === text)) continue
    for (const sheet of document.adoptedStyleSheets)
      for (const rule of sheet.cssRules)
        if (rule instanceof CSSStyleRule && rule.selectorText === `::highlight(${name})`)
          return rule.style.textDecorationColor
  }
  return undefined
}

test('rename an entity, give it a type of its own with a colour, delete it and undo', async ({ app }) => {
  test.setTimeout(120_000)
  await dropSeeds(app)
  await tagWithin(app, 'Kim Jong Un made the pledge', 'Kim Jong Un', 'Person', 'Kim Jong Un')

  // F2 renames in place; the list and the reader's inspector show the new name.
  const page = await openEntity(app, 'Kim Jong Un')
  await page.getByRole('heading', { name: 'Kim Jong Un' }).click()
  await app.keyboard.press('F2')
  const name = page.getByRole('textbox', { name: 'Name of the entity' })
  await name.fill('Kim Jong-un')
  await name.press('Enter')
  await expect(page.getByRole('heading', { name: 'Kim Jong-un', exact: true })).toBeVisible()
  await expect(entityRow(app, 'Kim Jong-un')).toBeVisible()
  await expect(entityRow(app, 'Kim Jong Un')).toHaveCount(0)
  await view(app, 'Reader')
  await expect(inspector(app).getByText('Kim Jong-un', { exact: true })).toBeVisible()

  // A type of the analyst's own, made with its colour, and chosen.
  await view(app, 'Entities')
  await page.getByRole('button', { name: 'Manage the entity' }).click()
  await app.getByRole('menuitem', { name: 'Change type…' }).click()
  const types = app.getByRole('dialog', { name: 'Type of Kim Jong-un' })
  await types.getByLabel('Name of the new type').fill('Head of state')
  await types.getByLabel('Colour').fill('#c92a2a')
  await types.getByRole('button', { name: 'Add type' }).click()
  await expect(types.getByRole('radio', { name: 'Head of state' })).toBeChecked()
  await app.screenshot({ path: test.info().outputPath('entities-type-dialog.png') })
  await types.getByRole('button', { name: 'Change type' }).click()
  await expect(types).toBeHidden()
  await expect(page.getByRole('button', { name: /^Type: Head of state/ })).toBeVisible()
  const row = entityRow(app, 'Kim Jong-un')
  await expect(row).toContainText('Head of state')
  await expect(row.locator('span').first()).toHaveCSS('background-color', 'rgb(201, 42, 42)')
  await app.screenshot({ path: test.info().outputPath('entities-manage-type.png') })
  // The reader underlines the name in the type's colour, not in the built-in types' grey for 'Other'.
  await view(app, 'Reader')
  await expect.poll(() => app.evaluate(entityMarkColour, 'Kim Jong Un')).toBe('rgb(201, 42, 42)')
  await view(app, 'Entities')

  // The type itself renamed in place, everywhere it is shown.
  await page.getByRole('button', { name: /^Type: Head of state/ }).click()
  const again = app.getByRole('dialog', { name: 'Type of Kim Jong-un' })
  await again.getByRole('button', { name: 'Rename or recolour the type Head of state' }).click()
  await again.getByRole('textbox', { name: 'Name', exact: true }).fill('Leader')
  await again.getByRole('button', { name: 'Save' }).click()
  await expect(again.getByRole('radio', { name: 'Leader' })).toBeChecked()
  await again.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('button', { name: /^Type: Leader/ })).toBeVisible()
  await expect(entityRow(app, 'Kim Jong-un')).toContainText('Leader')

  // Delete (the key, with the focus outside any field) and undo.
  await page.getByRole('heading', { name: 'Kim Jong-un' }).click()
  await app.keyboard.press('Delete')
  await expect(entityRow(app, 'Kim Jong-un')).toHaveCount(0)
  await undoFromNotice(app, 'Kim Jong-un deleted')
  await expect(entityRow(app, 'Kim Jong-un')).toContainText('Leader')
  await expect(page.getByRole('heading', { name: 'Kim Jong-un', exact: true })).toBeVisible()
})

test('merge a duplicate entity into another and undo it, and split an alias off', async ({ app }) => {
  test.setTimeout(120_000)
  await dropSeeds(app)
  await tagWithin(app, 'that North Korea is planning', 'North Korea', 'Location', 'North Korea')
  await tagWithin(app, 'concerned that the DPRK is', 'DPRK', 'Location', 'DPRK')
  await tagWithin(app, 'Kin Jong Un', 'Kin Jong Un', 'Person', 'Kim Jong Un')

  const page = await openEntity(app, 'North Korea')
  await page.getByRole('button', { name: 'Manage the entity' }).click()
  await app.getByRole('menuitem', { name: 'Merge other entities into this…' }).click()
  const merge = app.getByRole('dialog', { name: 'Merge into North Korea' })
  await merge.getByRole('textbox', { name: 'Find an entity to merge' }).fill('DP')
  await merge.getByRole('checkbox', { name: 'DPRK' }).click()
  await app.screenshot({ path: test.info().outputPath('entities-merge-dialog.png') })
  await merge.getByRole('button', { name: 'Merge 1 entity into North Korea' }).click()
  await expect(merge).toBeHidden()
  await expect(page.getByTestId('alias')).toHaveText([/DPRK/])
  await expect(entityRow(app, 'DPRK')).toHaveCount(0)
  await expect(page).toContainText('2 mentions in 1 article')

  await undoFromNotice(app, '“DPRK” merged into North Korea')
  await expect(entityRow(app, 'DPRK')).toBeVisible()
  await expect(page.getByTestId('alias')).toHaveCount(0)
  await expect(page).toContainText('1 mention in 1 article')

  // The typo it was tagged as becomes an entity of its own, with the mention written so.
  const kim = await openEntity(app, 'Kim Jong Un')
  await expect(kim.getByTestId('alias')).toHaveText([/Kin Jong Un/])
  await kim.getByRole('button', { name: 'Split “Kin Jong Un” off' }).click()
  const split = app.getByRole('dialog', { name: 'Split “Kin Jong Un” off Kim Jong Un' })
  await split.getByRole('button', { name: 'Split off' }).click()
  await expect(split).toBeHidden()
  await expect(entityRow(app, 'Kin Jong Un')).toContainText('1×')
  await expect(app.getByTestId('entity-page').getByRole('heading', { name: 'Kin Jong Un' })).toBeVisible()
  await openEntity(app, 'Kim Jong Un')
  await expect(app.getByTestId('entity-page').getByTestId('alias')).toHaveCount(0)

  // Ctrl+Z merges it back: the typo is an alias again and its mention counts as Kim Jong Un's.
  await app.keyboard.press('Control+z')
  await expect(entityRow(app, 'Kin Jong Un')).toHaveCount(0)
  await expect(app.getByTestId('entity-page').getByTestId('alias')).toHaveText([/Kin Jong Un/])
  await expect(entityRow(app, 'Kim Jong Un')).toContainText('1×')
})

test('tag every occurrence of a name across the workspace from the review list, and undo', async ({
  app,
}) => {
  test.setTimeout(150_000)
  await dropSeeds(app)
  await tagWithin(app, 'that North Korea is planning', 'North Korea', 'Location', 'North Korea')

  const page = await openEntity(app, 'North Korea')
  await page.getByRole('button', { name: 'Find every occurrence' }).click()
  const review = app.getByRole('dialog', { name: 'Every occurrence of North Korea in the workspace' })
  const count = review.getByTestId('occurrence-count')
  // "North Korea" as whole words: 9 times in the first seed, 7 in the second ("North Korean" is not it).
  await expect(count).toHaveText('16 occurrences in 2 articles; 15 not tagged yet, 15 chosen')
  await expect(review.getByRole('heading', { name: TITLE_000 })).toBeVisible()
  await expect(review.getByText('Tagged', { exact: true })).toHaveCount(1)
  await app.screenshot({ path: test.info().outputPath('entities-review.png') })

  await review.getByRole('button', { name: 'Select none', exact: true }).click()
  await expect(count).toContainText('0 chosen')
  await review.getByRole('button', { name: `Select all in ${TITLE_004}` }).click()
  await expect(count).toContainText('7 chosen')
  await review.getByRole('button', { name: 'Select all', exact: true }).click()
  await expect(count).toContainText('15 chosen')
  await review.getByRole('checkbox').first().uncheck()
  await expect(count).toContainText('14 chosen')
  await review.getByRole('button', { name: 'Tag 14' }).click()
  await expect(review).toBeHidden()
  await expect(page.getByRole('heading', { name: /^Every mention \(15 confirmed/ })).toBeVisible()
  await expect(page).toContainText('15 mentions in 2 articles')

  await undoFromNotice(app, '14 occurrences of North Korea tagged')
  await expect(page.getByRole('heading', { name: /^Every mention \(1 confirmed/ })).toBeVisible()

  // The same list for one article, from the entity in the reader's inspector.
  await view(app, 'Reader')
  await inspector(app).getByRole('button', { name: 'Tag all North Korea in this article' }).click()
  const inArticle = app.getByRole('dialog', { name: 'Every occurrence of North Korea in this article' })
  await expect(inArticle.getByTestId('occurrence-count')).toHaveText(
    '9 occurrences in 1 article; 8 not tagged yet, 8 chosen',
  )
  await inArticle.getByRole('button', { name: 'Tag 8' }).click()
  await expect(inArticle).toBeHidden()
  await expect(inspector(app).getByText('9×')).toBeVisible()
})

test('accept the typo a confirmed name is suggested as, and keep a form from being suggested', async ({
  app,
}) => {
  test.setTimeout(150_000)
  await dropSeeds(app)
  await tagWithin(app, 'Kim Jong Un made the pledge', 'Kim Jong Un', 'Person', 'Kim Jong Un')

  // "Kin Jong Un", the seed's typo, comes back as a suggestion once the suggestion pass has run.
  const suggestion = (form: string) =>
    inspector(app)
      .getByTestId('suggestion')
      .filter({ has: app.getByText(form, { exact: true }) })
  await expect
    .poll(
      async () => {
        await openArticle(app, TITLE_004)
        await openArticle(app, TITLE_000)
        return suggestion('Kin Jong Un').count()
      },
      { timeout: 60_000 },
    )
    .toBe(1)
  await suggestion('Kin Jong Un').getByRole('button', { name: 'Accept “Kin Jong Un”' }).click()
  await expect(suggestion('Kin Jong Un')).toHaveCount(0)
  const kimPage = await openEntity(app, 'Kim Jong Un')
  await expect(kimPage.getByRole('list', { name: 'Mentions in context' })).toContainText('Kin Jong Un')

  // "Kim" alone is suggested too; the analyst wants it never suggested as Kim Jong Un.
  await view(app, 'Reader')
  await expect(suggestion('Kim')).toHaveCount(1)
  await suggestion('Kim').getByRole('button', { name: 'Never suggest “Kim”' }).click()
  await expect(suggestion('Kim')).toHaveCount(0)

  await view(app, 'Entities')
  await app.getByRole('button', { name: 'Never suggested' }).click()
  const never = app.getByRole('dialog', { name: 'Never suggested' })
  const entry = never.getByRole('listitem').filter({ hasText: '“Kim”' })
  await expect(entry).toContainText('as Kim Jong Un')
  await app.screenshot({ path: test.info().outputPath('entities-never.png') })
  await entry.getByRole('button', { name: 'Suggest again' }).click()
  await expect(never.getByRole('listitem')).toHaveCount(0)
  await expect(never).toContainText('None is on the list.')
  await never.getByRole('button', { name: 'Close' }).click()

  await view(app, 'Reader')
  await expect(suggestion('Kim')).toHaveCount(1)
})
