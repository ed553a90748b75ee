// The recogniser's proposals across the workspace, reviewed from the entity index: with nothing imported
// the review says what to do; after two articles it lists each proposed name with its counts and a sample,
// and accepting the chosen names (from the keyboard) makes their entities in one step that one undo
// takes back.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { ProposalReview } from '../../src/shared/entities'
import type { Entity } from '../../src/shared/model'
import { api, dropFiles, expect, seed000, seed004, test, TITLE_000, TITLE_004 } from './fixtures'

const view = (app: Page, name: 'Reader' | 'Entities') =>
  app.getByRole('radiogroup', { name: 'View' }).getByText(name, { exact: true }).click()

const liveEntities = async (app: Page) =>
  (await api<Entity[]>(app, 'entities.list')).filter((e) => !e.removedAt).map((e) => e.name)

test('review the proposed entities of the whole workspace and accept the chosen ones', async ({ app }) => {
  test.setTimeout(180_000)
  await view(app, 'Entities')
  const dialog = app.getByRole('dialog', { name: 'Proposed entities in the workspace' })

  // Nothing imported yet: the review explains where proposals come from.
  await app.getByRole('button', { name: 'Review proposed entities' }).first().click()
  await expect(dialog.getByTestId('proposals-empty')).toContainText('Import articles to get proposals')
  const shots = process.env.DOSSIER_SHOTS
  if (shots) {
    await mkdir(shots, { recursive: true })
    await app.screenshot({ path: join(shots, 'proposals-review-empty.png') })
  }
  await app.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await view(app, 'Reader')
  await dropFiles(app, [seed000, seed004])
  const library = app.getByRole('list', { name: 'Library' })
  await expect(library).toContainText(TITLE_000)
  await expect(library).toContainText(TITLE_004)
  const review = await api<ProposalReview>(app, 'suggestions.proposals')
  expect(review.groups.length).toBeGreaterThan(3)

  await view(app, 'Entities')
  await app.getByRole('button', { name: 'Review proposed entities' }).first().click()
  const rows = dialog.getByRole('list', { name: 'Proposed entities' }).getByRole('listitem')
  await expect(rows.first()).toBeVisible()
  await expect(dialog.getByTestId('proposal-count')).toContainText(
    `${review.groups.length} names proposed, ${review.proposals} mentions`,
  )
  const korea = rows.filter({ hasText: 'North Korea' }).first()
  await expect(korea).toContainText(/\d+ mentions in 2 articles/)

  // Narrowed to one name, then chosen from the keyboard; a second one chosen by its checkbox.
  const find = dialog.getByRole('textbox', { name: 'Find a proposed name' })
  await find.fill('North Korea')
  await expect(rows).toHaveCount(1)
  await find.press('Tab')
  await app.keyboard.press('Tab')
  await app.keyboard.press('Tab')
  const koreaBox = rows.first().getByRole('checkbox')
  await expect(koreaBox).toBeFocused()
  await app.keyboard.press('Space')
  await expect(koreaBox).toBeChecked()
  await find.fill('')
  const other = review.groups.find((g) => g.proposed.name !== 'North Korea')!
  await dialog.getByRole('checkbox', { name: new RegExp(`^Choose ${other.proposed.name},`) }).check()
  await expect(dialog.getByTestId('proposal-count')).toContainText('2 chosen')

  if (shots) {
    await app.mouse.move(0, 0)
    await app.screenshot({ path: join(shots, 'proposals-review.png') })
    await app.emulateMedia({ colorScheme: 'dark' })
    await app.waitForTimeout(300)
    await app.screenshot({ path: join(shots, 'proposals-review-dark.png') })
    await app.emulateMedia({ colorScheme: 'light' })
  }

  await dialog.getByRole('button', { name: 'Accept 2 names' }).click()
  await expect
    .poll(() => liveEntities(app), { timeout: 30_000 })
    .toEqual(expect.arrayContaining(['North Korea', other.proposed.name]))
  expect(await liveEntities(app)).toHaveLength(2)
  // They are no longer proposed, and the entity index lists them.
  await expect(dialog.getByTestId('proposal-count')).toContainText(
    `${review.groups.length - 2} names proposed`,
  )
  await expect(dialog.getByRole('checkbox', { name: /^Choose North Korea,/ })).toHaveCount(0)
  await app.keyboard.press('Escape')
  const index = app.getByRole('list', { name: 'Entities' })
  await expect(index.getByText('North Korea', { exact: true })).toBeVisible()

  // One undo takes back both names: the entities go, their mentions are proposals again.
  await app.keyboard.press('ControlOrMeta+z')
  await expect.poll(() => liveEntities(app)).toEqual([])
  await expect
    .poll(async () => (await api<ProposalReview>(app, 'suggestions.proposals')).proposals)
    .toBe(review.proposals)
})
