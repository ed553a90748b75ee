// A file over the size limit is named with the limit, in browser mode as on the desktop: the page refuses
// it before sending, and an upload that gets past the page is answered with the same sentence.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dropFiles, expect, startServer, test as base, type DossierServer } from './fixtures'

const test = base.extend<{ small: DossierServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  small: async ({}, use) => {
    const workspace = await mkdtemp(join(tmpdir(), 'dossier-e2e-'))
    const server = await startServer(workspace, { env: { DOSSIER_MAX_FILE_MB: '1' } })
    await use(server)
    await server.stop()
    await rm(workspace, { recursive: true, force: true })
  },
})

test('a file over the limit is refused with the size and the limit, and the rest of the batch goes on', async ({
  page,
  small,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-big-'))
  try {
    const big = join(dir, 'big report.txt')
    await writeFile(big, 'Long report. '.repeat(170_000))
    const fine = join(dir, 'short note.txt')
    await writeFile(fine, 'A short note\n\nIt fits well within the limit.\n')
    await page.goto(small.url)
    await expect(page.getByRole('button', { name: 'Open the two sample articles' })).toBeVisible()
    await dropFiles(page, [big, fine])
    const summary = page.getByRole('alert').filter({ hasText: 'could not be imported' })
    await expect(summary).toContainText(
      'big report.txt is 2 MB, over the 1 MB limit for one file; it was not read. Set DOSSIER_MAX_FILE_MB to raise the limit.',
    )
    await expect(summary).not.toContainText('not running')
    await expect(page.getByRole('list', { name: 'Library' })).toContainText('A short note')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('an upload over the limit that gets past the page is answered with the size sentence', async ({
  page,
  small,
}) => {
  await page.goto(small.url)
  await expect(page.getByRole('button', { name: 'Open the two sample articles' })).toBeVisible()
  const reply = await page.evaluate(async (token) => {
    const response = await fetch('/api/import.upload', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': token },
      body: `{"name":"big.txt","data":{"$bytes":"${'A'.repeat(3 * 1024 * 1024)}"}}`,
    })
    return { status: response.status, body: (await response.json()) as { error: { message: string } } }
  }, small.token)
  expect(reply.status).toBe(413)
  expect(reply.body.error.message).toBe(
    'The file is over the 1 MB limit for one file; it was not read. Set DOSSIER_MAX_FILE_MB to raise the limit.',
  )
})
