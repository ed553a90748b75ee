// The analyst's first brief: drop the two sample articles, read, highlight, tag, reload, export.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import {
  dropFiles,
  expect,
  seed000,
  seed004,
  selectInReader,
  tagSelection,
  test,
  TITLE_000,
  TITLE_004,
  expectPainted,
} from './fixtures'

async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), useSystemFonts: false }).promise
  let text = ''
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent()
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n'
  }
  return text.replace(/\s+/g, ' ')
}

test('drop two articles, highlight, tag, reload, and export Markdown and PDF', async ({ app }) => {
  const library = app.getByRole('list', { name: 'Library' })
  await dropFiles(app, [seed000, seed004])
  await expect(library).toContainText(TITLE_000)
  await expect(library).toContainText(TITLE_004)

  await library.getByRole('button', { name: new RegExp(TITLE_000) }).click()
  const reader = app.getByTestId('reader')
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE_000)

  await selectInReader(app, 'closer strategic cooperation')
  await app.keyboard.press('h')
  await expectPainted(app, 'closer strategic cooperation')

  await tagSelection(app, 'Kin Jong Un', 'Person', 'Kim Jong Un')
  const inspector = app.getByRole('region', { name: 'Inspector' })
  await expect(inspector).toContainText('Kim Jong Un')

  await app.reload()
  await expect(library).toContainText(TITLE_000)
  await expect(library).toContainText(TITLE_004)
  await library.getByRole('button', { name: new RegExp(TITLE_000) }).click()
  await expectPainted(app, 'closer strategic cooperation')
  await expect(inspector).toContainText('Kim Jong Un')

  await app.getByRole('button', { name: 'Export' }).click()
  const [markdown] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('menuitem', { name: 'Export Markdown' }).click(),
  ])
  const md = await readFile(await markdown.path(), 'utf8')
  expect(markdown.suggestedFilename()).toMatch(/\.md$/)
  expect(md).toContain(`# ${TITLE_000}`)
  expect(md).toContain('> closer strategic cooperation')
  expect(md).toContain('Kim Jong Un (as “Kin Jong Un”)')

  await app.getByRole('button', { name: 'Export' }).click()
  const [pdf] = await Promise.all([
    app.waitForEvent('download', { timeout: 30_000 }),
    app.getByRole('menuitem', { name: 'Export PDF' }).click(),
  ])
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/)
  const text = await pdfText(await pdf.path())
  expect(text).toContain('closer strategic cooperation')
  expect(text).toContain(TITLE_000.slice(0, 40))
  expect(text).toContain('Kim Jong Un')
})

test('the empty library explains what to do and opens the two sample articles', async ({ app }) => {
  await expect(app.getByText(/drag/i).first()).toBeVisible()
  await app.getByRole('button', { name: 'Open the two sample articles' }).click()
  const library = app.getByRole('list', { name: 'Library' })
  await expect(library).toContainText(TITLE_000)
  await expect(library).toContainText(TITLE_004)
})

test('dropping the same file again is recognised as already in the workspace', async ({ app }) => {
  const library = app.getByRole('list', { name: 'Library' })
  await dropFiles(app, [seed000])
  await expect(library).toContainText(TITLE_000)
  await dropFiles(app, [seed000])
  await expect(app.getByText(/already in the workspace/i).first()).toBeVisible()
  await expect(library.getByRole('button', { name: new RegExp(TITLE_000) })).toHaveCount(1)
})

test('requests without the launch token are refused', async ({ server }) => {
  const api = await fetch(`${server.origin}/api/articles.list`, { method: 'POST', body: '{}' })
  expect(api.status).toBe(403)
  const page = await fetch(`${server.origin}/`)
  expect(page.status).toBe(403)
  const withToken = await fetch(`${server.origin}/api/articles.list`, {
    method: 'POST',
    body: '{}',
    headers: { 'X-Dossier-Token': server.token },
  })
  expect(withToken.status).toBe(200)
})

test('a second tab opened without the token still reaches the workspace; no cookie opens the API', async ({
  app,
  server,
  context,
}) => {
  await app.getByRole('button', { name: 'Open the two sample articles' }).click()
  await expect(app.getByRole('list', { name: 'Library' })).toContainText(TITLE_000)
  const second = await context.newPage()
  await second.goto(`${server.origin}/`)
  await expect(second.getByRole('list', { name: 'Library' })).toContainText(TITLE_000)

  // The page's own cookie, sent from its own origin, does not open the API: only the token header does.
  const cookieOnly = await second.evaluate(
    async () => (await fetch('/api/articles.list', { method: 'POST', body: '{}' })).status,
  )
  expect(cookieOnly).toBe(403)

  // Browsers send 127.0.0.1's cookies to every port: another local server gets nothing that opens the API.
  const received: string[] = []
  const other = createServer((req, res) => {
    received.push(req.headers.cookie ?? '')
    res.end('<!doctype html><title>Another local server</title>')
  })
  await new Promise<void>((done) => other.listen(0, '127.0.0.1', done))
  try {
    await second.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`)
    const cookies = received.join('; ')
    expect(cookies).toContain('dossier_page=')
    expect(cookies).not.toContain(server.token)
    const replayed = await fetch(`${server.origin}/api/articles.list`, {
      method: 'POST',
      body: '{}',
      headers: { Cookie: cookies, Origin: server.origin },
    })
    expect(replayed.status).toBe(403)
    // Nor can that server's page read the token: localStorage is per origin, and this is another port.
    expect(await second.evaluate(() => localStorage.getItem('dossier.token'))).toBeNull()
  } finally {
    other.close()
  }
})

test('browser mode refuses file paths from the page, even with the token', async ({ server }) => {
  for (const method of ['import.paths', 'import.expand']) {
    const response = await fetch(`${server.origin}/api/${method}`, {
      method: 'POST',
      body: JSON.stringify({ paths: ['/etc/passwd'] }),
      headers: { 'X-Dossier-Token': server.token },
    })
    const reply = (await response.json()) as { ok: boolean; error?: { code: string; message: string } }
    expect(reply.ok).toBe(false)
    expect(reply.error?.code).toBe('forbidden')
  }
  const list = await fetch(`${server.origin}/api/articles.list`, {
    method: 'POST',
    body: '{}',
    headers: { 'X-Dossier-Token': server.token },
  })
  expect(await list.json()).toEqual({ ok: true, result: [] })
})
