// Browser mode's guard: the token on every request, 127.0.0.1 only, foreign Host and Origin refused.
import { request } from 'node:http'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpHost, type HttpHost } from '../../../src/main/host/http'
import { createHandlers } from '../../../src/main/services/dossier'
import { Workspace } from '../../../src/main/services/store/workspace'
import { encodeWire, decodeWire } from '../../../src/shared/wire'
import { tempDir } from '../../helpers'

function raw(port: number, path: string, headers: Record<string, string>, method = 'GET', body = '') {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode!, body: text, headers: res.headers }))
      })
      req.on('error', reject)
      req.end(body)
    },
  )
}

describe('browser-mode HTTP host', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let workspace: Workspace
  let host: HttpHost
  let hostHeader: string

  beforeAll(async () => {
    dir = await tempDir()
    await writeFile(join(dir.path, 'index.html'), '<!doctype html><title>Dossier</title>')
    workspace = await Workspace.open(join(dir.path, 'ws'))
    const printer = { print: async () => new Uint8Array(), close: async () => {} }
    const handlers = createHandlers({ workspace, printer, host: 'browser', samplesDir: dir.path })
    host = await startHttpHost({ handlers, rendererDir: dir.path })
    hostHeader = `127.0.0.1:${host.port}`
  })

  afterAll(async () => {
    await host.close()
    await workspace.close()
    await dir.remove()
  })

  const api = (headers: Record<string, string>) =>
    raw(
      host.port,
      '/api/articles.list',
      { Host: hostHeader, 'Content-Type': 'application/json', ...headers },
      'POST',
      '{}',
    )

  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`)
    expect(host.token.length).toBeGreaterThanOrEqual(32)
  })

  it('refuses API requests without the token or with a wrong one', async () => {
    expect((await api({})).status).toBe(403)
    expect((await api({ 'X-Dossier-Token': 'guess' })).status).toBe(403)
    const ok = await api({ 'X-Dossier-Token': host.token })
    expect(ok.status).toBe(200)
    expect(decodeWire(ok.body)).toEqual({ ok: true, result: [] })
  })

  it('refuses the page itself without the token, and sets a same-site cookie with it', async () => {
    expect((await raw(host.port, '/', { Host: hostHeader })).status).toBe(403)
    const page = await raw(host.port, `/?token=${host.token}`, { Host: hostHeader })
    expect(page.status).toBe(200)
    expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
    expect(String(page.headers['content-security-policy'])).toMatch(/default-src 'self'/)
  })

  it('takes the cookie only from the page itself: with its own Origin, never from another origin or none', async () => {
    const cookie = `dossier_token=${host.token}`
    expect((await api({ Cookie: cookie, Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200)
    expect((await api({ Cookie: cookie, Origin: 'http://127.0.0.1:8080' })).status).toBe(403)
    expect((await api({ Cookie: cookie })).status).toBe(403)
  })

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const res = await api({ Host: `evil.example:${host.port}`, 'X-Dossier-Token': host.token })
    expect(res.status).toBe(403)
  })

  it('refuses a request from another origin even with the token', async () => {
    const res = await api({ Origin: 'http://127.0.0.1:9999', 'X-Dossier-Token': host.token })
    expect(res.status).toBe(403)
    const same = await api({ Origin: `http://127.0.0.1:${host.port}`, 'X-Dossier-Token': host.token })
    expect(same.status).toBe(200)
  })

  it('does not serve files outside the renderer folder', async () => {
    const res = await raw(host.port, `/..%2f..%2fetc%2fpasswd?token=${host.token}`, { Host: hostHeader })
    expect(res.status).toBe(404)
  })

  it('carries uploads as bytes and answers with errors as data', async () => {
    const body = encodeWire({ name: 'empty.txt', data: new Uint8Array() })
    const res = await raw(
      host.port,
      '/api/import.upload',
      { Host: hostHeader, 'X-Dossier-Token': host.token },
      'POST',
      body,
    )
    const reply = decodeWire(res.body) as { ok: true; result: { status: string; error: { message: string } } }
    expect(reply.result.status).toBe('failed')
    expect(reply.result.error.message).toBe('empty.txt is empty: there is nothing to import.')
  })
})
