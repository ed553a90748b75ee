// The pictures in docs/: the reader with coded highlights and tagged names, in light and dark, an
// entity's page and the network. Taken only when DOSSIER_SHOTS names a folder
// (`DOSSIER_SHOTS=docs npx playwright test screenshots`).
import {
  api,
  dropFiles,
  expect,
  expectPainted,
  openArticle,
  seed000,
  seed004,
  test,
  TITLE_000,
} from './fixtures'

const folder = process.env.DOSSIER_SHOTS

test.skip(!folder, 'set DOSSIER_SHOTS to a folder to take the documentation screenshots')
test.use({ viewport: { width: 1440, height: 900 } })

test('the reader with codes, light and dark', async ({ app }) => {
  await dropFiles(app, [seed000, seed004])
  await openArticle(app, TITLE_000)
  const [row] = (await api<Array<{ id: string; title: string }>>(app, 'articles.list')).filter(
    (a) => a.title === TITLE_000,
  )
  const { article } = await api<{ article: { text: string } }>(app, 'articles.get', { id: row!.id })
  const marks: Array<[string, string, string]> = [
    ['closer strategic cooperation', 'keyjudgement', 'The pledge Pyongyang wants Moscow to hear.'],
    ['planning to send more military weapons to Russia', 'evidence', 'State Department, on the record.'],
    ['holding hands firmly with the Russian', 'contradiction', ''],
    ['Justice is sure to win', 'question', 'Whose words: Kim’s or the translator’s?'],
  ]
  for (const [words, codeId, note] of marks) {
    const start = article.text.indexOf(words)
    await api(app, 'highlights.create', {
      articleId: row!.id,
      start,
      end: start + words.length,
      codeId,
      note,
    })
  }
  const tags: Array<[string, string, string]> = [
    ['Kin Jong Un', 'Person', 'Kim Jong Un'],
    ['Vladimir Putin', 'Person', 'Vladimir Putin'],
    ['Moscow', 'Location', 'Moscow'],
  ]
  for (const [words, type, name] of tags) {
    const start = article.text.indexOf(words)
    await api(app, 'mentions.create', { articleId: row!.id, start, end: start + words.length, type, name })
  }
  await app.reload()
  await expectPainted(app, 'closer strategic cooperation')
  await expect(app.getByTestId('reader')).toHaveAttribute('data-rendered', 'complete')
  await app.mouse.move(0, 0)
  await app.screenshot({ path: `${folder}/reader-light.png` })
  await app.getByRole('button', { name: 'Switch to dark mode' }).click()
  await app.mouse.move(0, 0)
  await app.waitForTimeout(300)
  await app.screenshot({ path: `${folder}/reader-dark.png` })
})

test('an entity’s page and the network of who appears with whom', async ({ app }) => {
  await dropFiles(app, [seed000, seed004])
  await openArticle(app, TITLE_000)
  const rows = await api<Array<{ id: string; title: string }>>(app, 'articles.list')
  const names: Array<[string, string, string]> = [
    ['Kin Jong Un', 'Person', 'Kim Jong Un'],
    ['Vladimir Putin', 'Person', 'Vladimir Putin'],
    ['North Korea', 'Location', 'North Korea'],
    ['Russia', 'Location', 'Russia'],
    ['Moscow', 'Location', 'Moscow'],
    ['State Department', 'Organization', 'State Department'],
  ]
  for (const row of rows) {
    const { article } = await api<{ article: { text: string } }>(app, 'articles.get', { id: row.id })
    for (const [words, type, name] of names) {
      const start = article.text.indexOf(words)
      if (start < 0) continue
      await api(app, 'mentions.create', { articleId: row.id, start, end: start + words.length, type, name })
    }
  }
  // Every other mention of those names, as the suggestions found them, accepted.
  await expect
    .poll(async () => (await api<unknown[]>(app, 'suggestions.list', {})).length, { timeout: 60_000 })
    .toBeGreaterThan(0)
  for (const entity of await api<Array<{ id: string }>>(app, 'entities.list'))
    await api(app, 'suggestions.accept', { entityId: entity.id })
  const first = rows.find((r) => r.title === TITLE_000)!
  const { article } = await api<{ article: { text: string } }>(app, 'articles.get', { id: first.id })
  const quote = 'Kim Jong Un vowed to bolster strategic cooperation with Moscow'
  const at = article.text.indexOf(quote)
  await api(app, 'highlights.create', {
    articleId: first.id,
    start: at,
    end: at + quote.length,
    codeId: 'evidence',
  })
  await app.reload()
  await app.getByRole('radiogroup', { name: 'View' }).getByText('Entities', { exact: true }).click()
  await app.getByRole('list', { name: 'Entities' }).getByText('Kim Jong Un', { exact: true }).click()
  await expect(app.getByTestId('entity-page')).toContainText('Kim Jong Un')
  await app.mouse.move(0, 0)
  await app.waitForTimeout(300)
  await app.screenshot({ path: `${folder}/entity-page.png` })
  await app.getByRole('radiogroup', { name: 'Show entities as' }).getByText('Network').click()
  await expect(app.locator('[data-node-count]')).not.toHaveAttribute('data-node-count', '0')
  await app.waitForTimeout(1000)
  await app.mouse.move(0, 0)
  await app.screenshot({ path: `${folder}/network.png` })
})
