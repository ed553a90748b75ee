// Who appears with whom: three names tagged in one paragraph of each seed article are drawn as a
// network, an edge lists the passages where both appear and opens one in the reader, a node opens the
// entity's page, and the entities and their mentions are exported from the app and read back.
import { readFile } from 'node:fs/promises'
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

const PARAGRAPH_000 =
  'North Korea is planning to send more military weapons to Russia, said a State Department spokesperson after Kim Jong Un vowed'
const CAPTION_004 = 'Flags of Russia and North Korea are seen'
const SUMMIT_004 = 'North Korean leader Kim Jong-un.'

/** A CSV as Dossier writes it (RFC 4180, every field quoted), read into rows of fields. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = []
  const field = /"((?:[^"]|"")*)"(,|\r?\n|$)/y
  let row: string[] = []
  while (field.lastIndex < csv.length) {
    const match = field.exec(csv)
    if (!match) throw new Error(`not a quoted CSV field at ${field.lastIndex}`)
    row.push(match[1]!.replace(/""/g, '"'))
    if (match[2] !== ',') {
      rows.push(row)
      row = []
    }
  }
  return rows
}

test('draw who appears with whom, read the passages of an edge, and export the entities', async ({ app }) => {
  test.setTimeout(150_000)
  const problems: string[] = []
  app.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
      problems.push(message.text())
  })
  app.on('pageerror', (error) => problems.push(error.message))

  await dropFiles(app, [seed000, seed004])
  await expect(app.getByRole('list', { name: 'Library' })).toContainText(TITLE_004)

  // Nothing tagged yet: the network says what to do.
  const view = app.getByRole('radiogroup', { name: 'View' })
  await view.getByText('Entities').click()
  await app.getByRole('radiogroup', { name: 'Show entities as' }).getByText('Network').click()
  await expect(app.getByTestId('network-empty')).toContainText('in at least two articles')
  await app.screenshot({ path: test.info().outputPath('network-empty.png') })
  await view.getByText('Reader').click()

  // One paragraph of each article names all three.
  await openArticle(app, TITLE_000)
  await tagWithin(app, PARAGRAPH_000, 'North Korea', 'Location', 'North Korea')
  await tagWithin(app, PARAGRAPH_000, 'Russia', 'Location', 'Russia')
  await tagWithin(app, PARAGRAPH_000, 'Kim Jong Un', 'Person', 'Kim Jong Un')
  await openArticle(app, TITLE_004)
  await tagWithin(app, CAPTION_004, 'Russia', 'Location', 'Russia')
  await tagWithin(app, CAPTION_004, 'North Korea', 'Location', 'North Korea')
  await tagWithin(app, SUMMIT_004, 'Kim Jong-un', 'Person', 'Kim Jong Un')

  await app.getByRole('radiogroup', { name: 'View' }).getByText('Entities').click()
  await app.getByRole('radiogroup', { name: 'Show entities as' }).getByText('Network').click()
  const canvas = app.getByTestId('network-canvas')
  await expect(canvas).toHaveAttribute('data-state', 'drawn')
  // Counted from the graph Cytoscape drew: three entities, each pair together in a paragraph of each article.
  await expect(canvas).toHaveAttribute('data-node-count', '3')
  await expect(canvas).toHaveAttribute('data-edge-count', '3')
  await expect(canvas.locator('canvas').first()).toBeVisible()
  const connections = app.getByRole('list', { name: 'Connections', exact: true })
  await expect(connections.getByRole('button')).toHaveCount(3)
  await expect(
    connections.getByRole('button', {
      name: /Kim Jong Un and North Korea, together 2 times|North Korea and Kim Jong Un, together 2 times/,
    }),
  ).toBeVisible()
  await app.screenshot({ path: test.info().outputPath('network.png') })

  // A threshold above what the articles hold leaves the entities without edges, and says what to do.
  const threshold = app.getByRole('textbox', { name: 'Together at least' })
  await threshold.fill('3')
  await expect(canvas).toHaveAttribute('data-edge-count', '0')
  await expect(app.getByTestId('network-no-edges')).toContainText('Lower “Together at least”')
  await threshold.fill('2')
  await expect(canvas).toHaveAttribute('data-edge-count', '3')

  // An edge lists the passages where both appear, both names emphasised, with title and date.
  await connections
    .getByRole('button', { name: /Kim Jong Un/ })
    .filter({ hasText: 'North Korea' })
    .click()
  const panel = app.getByTestId('edge-passages')
  const passages = panel.getByRole('list', { name: 'Passages where both appear' }).getByRole('listitem')
  await expect(passages).toHaveCount(2)
  const first = passages.filter({ hasText: TITLE_000 })
  await expect(first).toContainText('13 Jun 2023')
  await expect(first.locator('strong')).toHaveText(['North Korea', 'Kim Jong Un'])
  const second = passages.filter({ hasText: TITLE_004 })
  await expect(second.locator('strong', { hasText: 'Kim Jong-un' })).toBeVisible()
  await expect(second.locator('strong', { hasText: 'North Korea' }).first()).toBeVisible()
  await app.screenshot({ path: test.info().outputPath('network-edge.png') })

  // A name in the panel chooses its node, which opens the entity's page.
  await panel.getByRole('button', { name: 'Kim Jong Un' }).click()
  const details = app.getByTestId('node-details')
  await expect(details).toContainText('Person · 2 mentions')
  await expect(
    details.getByRole('list', { name: 'Connections of Kim Jong Un' }).getByRole('button'),
  ).toHaveCount(2)
  await app.screenshot({ path: test.info().outputPath('network-node.png') })
  await details.getByRole('button', { name: 'Open page' }).click()
  await expect(app.getByTestId('entity-page').getByRole('heading', { name: 'Kim Jong Un' })).toBeVisible()

  // Back to the network as it was left; a passage opens in the reader.
  await app.getByRole('radiogroup', { name: 'Show entities as' }).getByText('Network').click()
  await expect(threshold).toHaveValue('2 times')
  await expect(canvas).toHaveAttribute('data-edge-count', '3')
  await connections
    .getByRole('button', { name: /Kim Jong Un/ })
    .filter({ hasText: 'North Korea' })
    .click()
  await passages.filter({ hasText: TITLE_004 }).click()
  await expect(app.getByTestId('reader')).toContainText('Flags of Russia and North Korea')

  // Dark mode: the canvas is restyled, still drawn.
  await app.getByRole('radiogroup', { name: 'View' }).getByText('Entities').click()
  await app.getByRole('radiogroup', { name: 'Show entities as' }).getByText('Network').click()
  await app.getByRole('button', { name: 'Switch to dark mode' }).click()
  await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await expect(canvas).toHaveAttribute('data-node-count', '3')
  await app.screenshot({ path: test.info().outputPath('network-dark.png') })

  // Exports from the app: the entity list as CSV, every mention as JSON with its context.
  const exportAs = async (label: string) => {
    await app.getByRole('button', { name: 'Export entities' }).click()
    const download = app.waitForEvent('download')
    await app.getByRole('menuitem', { name: label }).click()
    const file = await (await download).path()
    await expect(app.getByText(`${label} ready`)).toBeVisible()
    return readFile(file, 'utf8')
  }
  const csv = parseCsv((await exportAs('Entities as CSV')).replace(/^\uFEFF/, ''))
  const header = csv[0]!
  const column = (name: string) => header.indexOf(name)
  expect(header).toEqual(expect.arrayContaining(['name', 'type', 'aliases', 'mentions', 'articles']))
  const kim = csv.find((row) => row[column('name')] === 'Kim Jong Un')!
  expect(kim[column('type')]).toBe('Person')
  expect(kim[column('mentions')]).toBe('2')
  expect(kim[column('articles')]).toBe('2')
  const russia = csv.find((row) => row[column('name')] === 'Russia')!
  expect(russia[column('type')]).toBe('Location')
  expect(Number(russia[column('mentions')])).toBeGreaterThanOrEqual(2)

  const mentions = JSON.parse(await exportAs('Mentions as JSON')) as {
    entity: string
    article: string
    text: string
    before: string
    after: string
    citation: string
  }[]
  const ofKim = mentions.filter((m) => m.entity === 'Kim Jong Un')
  expect(ofKim.map((m) => m.text).sort()).toEqual(['Kim Jong Un', 'Kim Jong-un'])
  const written = ofKim.find((m) => m.text === 'Kim Jong Un')!
  expect(written.article).toBe(TITLE_000)
  expect(written.citation).toContain(TITLE_000)
  expect(written.before).toContain('spokesperson after')
  expect(written.after).toContain('vowed')

  expect(problems, 'no error or CSP violation in the console').toEqual([])
})
