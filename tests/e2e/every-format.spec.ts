// Every file of the corpus dropped at once, as an analyst empties a download folder onto the window:
// each format and encoding arrives, each hostile file is refused or defused with its own sentence,
// and the page itself makes no request beyond Dossier's own server.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { corpus, dropFiles, expect, test, TITLE_000, TITLE_004 } from './fixtures'

const seeds = join(corpus, 'seeds')
const hostile = join(corpus, 'hostile')

test('every seed format and every hostile file in one batch', async ({ app, server }) => {
  const requests: string[] = []
  app.on('request', (request) => requests.push(request.url()))
  const files = [
    ...(await readdir(seeds)).filter((n) => !n.endsWith('.json')).map((n) => join(seeds, n)),
    ...(await readdir(hostile)).map((n) => join(hostile, n)),
  ]
  await dropFiles(app, files)

  const library = app.getByRole('list', { name: 'Library' })
  // Nineteen files, PDFs and Word among them, on a shared two-core machine: the batch takes its time.
  await expect(app.getByText(/\d+ articles imported/).first()).toBeVisible({ timeout: 60_000 })
  await expect(library).toContainText(TITLE_000)
  await expect(library).toContainText(TITLE_004)
  await expect(library).toContainText('US accuses North Korea of arms shipments to Russia')
  await expect(library).toContainText('Hostile article')
  await expect(library).toContainText('Export escaping test')

  for (const sentence of [
    'empty.txt is empty: there is nothing to import.',
    'whitespace-only.txt is empty: it holds only white space.',
    /binary-garbage\.txt is not a text document/,
    /renamed-png\.html is not a text document: it is a PNG image/,
    /garbage\.pdf is a damaged PDF/,
    /truncated\.pdf is a damaged PDF/,
    /not-a-zip\.docx is a damaged Word document/,
  ]) {
    await expect(app.getByText(sentence).first()).toBeVisible()
  }
  await expect(app.getByText(/looks like the same story as/).first()).toBeVisible()

  await library.getByRole('button', { name: /Hostile article/ }).click()
  const reader = app.getByTestId('reader')
  await expect(reader).toContainText('surface-to-air missiles')
  await expect(reader.locator('img, script, iframe, object, form, a[href]')).toHaveCount(0)
  expect(await app.title()).toBe('Dossier')

  const foreign = requests.filter(
    (url) => !url.startsWith(server.origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
  )
  expect(foreign).toEqual([])
})

test('a batch of many files shows its progress and can be cancelled', async ({ app }) => {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-batch-'))
  try {
    const paths: string[] = []
    for (let i = 0; i < 120; i++) {
      const path = join(dir, `report-${String(i).padStart(3, '0')}.txt`)
      const body = `Field report number ${i} describes shipments seen at the port on day ${i}.\n`.repeat(40)
      await writeFile(
        path,
        `date 2024-03-${String((i % 28) + 1).padStart(2, '0')} Field report ${i}\n${body}`,
      )
      paths.push(path)
    }
    await dropFiles(app, paths)
    const progress = app.getByLabel('Import progress')
    await expect(progress).toBeVisible()
    await expect(app.getByText(/Importing \d+ of 120/)).toBeVisible()
    await app.getByRole('button', { name: 'Cancel' }).click()
    await expect(app.getByText(/not imported because the import was cancelled/)).toBeVisible()
    // The list follows the library a moment after the summary (it is a search answer).
    const rows = () => app.getByRole('list', { name: 'Library' }).getByRole('button').count()
    await expect.poll(rows).toBeGreaterThan(0)
    expect(await rows()).toBeLessThan(120)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
