// Browser mode, watched from outside with strace: importing, reading and exporting a PDF through its
// HTTP API, the server and every process it starts make no network connection. Accepting the
// browser's requests on 127.0.0.1 is not a connect() of theirs, so nothing at all is allowed.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeWire, encodeWire } from '../../src/shared/wire'
import { findNetworkNamespace } from '../../src/main/services/export/network-namespace'
import { connectionsThatCount, findStrace, readNetworkTrace, STRACE_ARGS, summarize } from '../network-trace'
import { expect, seed000, startServer, test, TITLE_000, type DossierServer } from './fixtures'

const strace = findStrace()

async function call(server: DossierServer, method: string, args: unknown): Promise<unknown> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': server.token },
    body: encodeWire(args),
  })
  const reply = decodeWire(await response.text()) as { ok: boolean; result?: unknown; error?: unknown }
  expect(reply.ok, `${method}: ${JSON.stringify(reply.error)}`).toBe(true)
  return reply.result
}

test('browser mode imports, reads and prints a PDF without any network connection', async () => {
  test.skip(!strace, 'strace is not installed (apt-get install strace): the connections cannot be watched')
  const dir = await mkdtemp(join(tmpdir(), 'dossier-offline-'))
  const log = join(dir, 'strace.log')
  const server = await startServer(join(dir, 'workspace'), { launcher: [strace!, ...STRACE_ARGS, '-o', log] })
  try {
    const data = new Uint8Array(await readFile(seed000))
    const imported = (await call(server, 'import.upload', { name: 'seed.txt', data })) as {
      status: string
      articleId: string
    }
    expect(imported.status).toBe('imported')
    const view = (await call(server, 'articles.get', { id: imported.articleId })) as {
      article: { title: string }
    }
    expect(view.article.title).toBe(TITLE_000)
    const pdf = (await call(server, 'brief.pdf', { articleId: imported.articleId })) as { data: Uint8Array }
    expect(new TextDecoder().decode(pdf.data.subarray(0, 5))).toBe('%PDF-')
    // The printing browser stays open between exports; its background services would wake up now.
    await new Promise((done) => setTimeout(done, 5_000))
  } finally {
    await server.stop()
  }
  const trace = readNetworkTrace(await readFile(log, 'utf8'))
  test.info().annotations.push({
    type: 'local sockets (not network)',
    description: summarize(trace.local).join('; ') || 'none',
  })
  const namespaced = Boolean(await findNetworkNamespace())
  expect(summarize(connectionsThatCount(trace, namespaced))).toEqual([])
  await rm(dir, { recursive: true, force: true })
})
