// A web page with structure reads with it: sub-headings at their level, a numbered list from its
// start with a nested list, code as code, a table as a table, a figure as a placeholder naming the
// image (nothing is loaded), and a highlight inside a table cell lands on the right words.
import { writeFile } from 'node:fs/promises'
import { dropFiles, expect, selectInReader, test, expectPainted } from './fixtures'

const PAGE = `<!doctype html><html lang="en"><head><title>Rail deliveries to the north</title></head>
<body><article>
<h1>Rail deliveries to the north</h1>
<p>Officials in Seoul said on Monday that rail deliveries across the northern border had doubled since
the spring, citing satellite images of the depot and the accounts of two people familiar with them.</p>
<h2>What was shipped</h2>
<p>The inventory below was compiled from the customs notices filed at the crossing over three months.</p>
<h3>Munitions</h3>
<ol start="3"><li>Artillery shells<ul><li>122 mm rockets</li><li>152 mm shells</li></ul></li><li>Infantry rockets</li></ol>
<h3>The manifest format</h3>
<pre><code class="language-json">{
  "route": "Rajin",
  "wagons": 40
}</code></pre>
<table><thead><tr><th>Month</th><th>Wagons</th><th>Port</th></tr></thead>
<tbody><tr><td>April</td><td>120</td><td>Rajin</td></tr><tr><td>May</td><td>260</td><td>Najin</td></tr></tbody></table>
<figure><img src="http://127.0.0.1:9/depot.jpg" alt="Satellite view of the rail depot"><figcaption>The depot in May, with wagons on every siding.</figcaption></figure>
<p>Neither government has commented on the figures, and the customs office did not answer questions.</p>
</article></body></html>`

test('a structured page keeps its headings, lists, code, table and figure in the reader', async ({
  app,
}, testInfo) => {
  const file = testInfo.outputPath('rail-deliveries.html')
  await writeFile(file, PAGE)
  const requests: string[] = []
  app.on('request', (request) => {
    if (!request.url().startsWith(new URL(app.url()).origin)) requests.push(request.url())
  })
  await dropFiles(app, [file])
  await app
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: /Rail deliveries to the north/ })
    .click()
  const reader = app.getByTestId('reader')

  await expect(reader.locator('h2', { hasText: 'What was shipped' })).toBeVisible()
  await expect(reader.locator('h3', { hasText: 'Munitions' })).toBeVisible()
  const list = reader.locator('ol[start="3"]')
  await expect(list.locator(':scope > li')).toHaveCount(2)
  await expect(list.locator(':scope > li').first().locator('ul > li')).toHaveText([
    '122 mm rockets',
    '152 mm shells',
  ])
  await expect(reader.locator('pre code')).toHaveText('{\n  "route": "Rajin",\n  "wagons": 40\n}')
  await expect(reader.locator('table thead th')).toHaveText(['Month', 'Wagons', 'Port'])
  await expect(reader.locator('table tbody tr')).toHaveCount(2)
  const figure = reader.locator('figure')
  await expect(figure).toContainText('Satellite view of the rail depot')
  await expect(figure).toContainText('Image not shown')
  await expect(figure.locator('figcaption')).toHaveText('The depot in May, with wagons on every siding.')
  await expect(reader.locator('img')).toHaveCount(0)

  await selectInReader(app, 'Najin')
  await app.keyboard.press('h')
  await expectPainted(app, 'Najin')
  // The painted range lies inside the table cell.
  const inCell = await app.evaluate(() => {
    for (const [name, highlight] of CSS.highlights)
      if (name.startsWith('dossier-code'))
        for (const range of highlight as unknown as Iterable<AbstractRange>)
          if (range.startContainer.parentElement?.closest('td')) return true
    return false
  })
  expect(inCell).toBe(true)

  await app.setViewportSize({ width: 1360, height: 1500 })
  await reader.locator('h2', { hasText: 'What was shipped' }).scrollIntoViewIfNeeded()
  await app.screenshot({ path: testInfo.outputPath('structured-reader.png') })
  expect(requests).toEqual([])
})
