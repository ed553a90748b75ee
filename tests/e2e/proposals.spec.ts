// A name the recogniser finds in a new article, with nothing confirmed, is proposed as a new entity
// under Suggested; accepting it makes the entity, and undoing takes it away again.
import type { Entity } from '../../src/shared/model'
import { api, dropFiles, expect, openArticle, seed000, test, TITLE_000 } from './fixtures'

test('accept a new entity the recogniser proposes in an article just imported', async ({ app }) => {
  test.setTimeout(120_000)
  await dropFiles(app, [seed000])
  await openArticle(app, TITLE_000)
  expect(await api<Entity[]>(app, 'entities.list')).toEqual([])

  const inspector = app.getByRole('region', { name: 'Inspector' })
  const proposals = inspector
    .getByTestId('suggestion')
    .filter({
      has: app.getByTestId('suggestion-target').getByText(/new Person: Kim Jong Un · recogniser \d+%/),
    })
  await expect(proposals.first()).toBeVisible({ timeout: 60_000 })
  const before = await proposals.count()
  await proposals
    .first()
    .getByRole('button', { name: /^Accept/ })
    .click()

  // The entity exists, its mention is listed with the article's entities, and the proposal is gone.
  await expect
    .poll(async () => (await api<Entity[]>(app, 'entities.list')).map((e) => [e.name, e.type]))
    .toEqual([['Kim Jong Un', 'Person']])
  await expect(inspector.getByRole('button', { name: 'Tag all Kim Jong Un in this article' })).toBeVisible()
  await expect.poll(() => proposals.count()).toBeLessThan(before)

  // Undone: the proposal is back and the entity made for it is gone.
  await app.keyboard.press('ControlOrMeta+z')
  await expect.poll(() => proposals.count()).toBe(before)
  await expect
    .poll(async () => (await api<Entity[]>(app, 'entities.list')).filter((e) => !e.removedAt))
    .toEqual([])
})
