// Browser mode's guard: the token on every request, 127.0.0.1 only, foreign Host and Origin refused.
import { request } from 'node:http'
import { connect, type Socket } from 'node:net'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpHost, type HttpHost } from '../../../src/main/host/http'
import { createHandlers } from '../../../src/main/services/dossier'
import type { Handlers } from '../../../src/shared/api'
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

  it('refuses the page itself without the token, and sets a same-site cookie for the page files', async () => {
    expect((await raw(host.port, '/', { Host: hostHeader })).status).toBe(403)
    const page = await raw(host.port, `/?token=${host.token}`, { Host: hostHeader })
    expect(page.status).toBe(200)
    expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
    expect(String(page.headers['content-security-policy'])).toMatch(/default-src 'self'/)
    const cookie = String(page.headers['set-cookie']).split(';')[0]!
    expect((await raw(host.port, '/', { Host: hostHeader, Cookie: cookie })).status).toBe(200)
  })

  it('never puts the API token in a cookie, and never takes a cookie for the API', async () => {
    // Browsers send 127.0.0.1's cookies to every port of it, so any local server would see them.
    const page = await raw(host.port, `/?token=${host.token}`, { Host: hostHeader })
    const setCookie = String(page.headers['set-cookie'])
    expect(setCookie).not.toContain(host.token)
    const cookie = setCookie.split(';')[0]!
    const pageKey = cookie.split('=')[1]!
    const origin = `http://127.0.0.1:${host.port}`
    expect((await api({ Cookie: cookie, Origin: origin })).status).toBe(403)
    expect((await api({ Cookie: `dossier_token=${host.token}`, Origin: origin })).status).toBe(403)
    expect((await api({ 'X-Dossier-Token': pageKey })).status).toBe(403)
  })

  it('refuses file paths in browser mode even with the token: the page sends bytes', async () => {
    for (const method of ['import.paths', 'import.expand']) {
      const res = await raw(
        host.port,
        `/api/${method}`,
        { Host: hostHeader, 'X-Dossier-Token': host.token },
        'POST',
        JSON.stringify({ paths: ['/etc/passwd'] }),
      )
      const reply = decodeWire(res.body) as { ok: boolean; error: { code: string; message: string } }
      expect(reply.ok).toBe(false)
      expect(reply.error.code).toBe('forbidden')
      expect(reply.error.message).toMatch(/browser mode/i)
    }
    const list = decodeWire((await api({ 'X-Dossier-Token': host.token })).body)
    expect(list).toEqual({ ok: true, result: [] })
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

/** Sends `request` as raw bytes and collects what comes back until the server closes the socket. */
function rawSocket(port: number): { socket: Socket; received: () => string; closed: Promise<number> } {
  const socket = connect(port, '127.0.0.1')
  let data = ''
  const started = Date.now()
  socket.on('data', (chunk) => (data += chunk.toString('latin1')))
  socket.on('error', () => {})
  const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)))
  return { socket, received: () => data, closed }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'still open'> {
  return Promise.race([
    promise,
    new Promise<'still open'>((done) => setTimeout(() => done('still open'), ms)),
  ])
}

describe('browser-mode HTTP host under misuse', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let workspace: Workspace
  let handlers: Handlers
  const hosts: HttpHost[] = []

  beforeAll(async () => {
    dir = await tempDir()
    await writeFile(join(dir.path, 'index.html'), '<!doctype html><title>Dossier</title>')
    workspace = await Workspace.open(join(dir.path, 'ws'))
    const printer = { print: async () => new Uint8Array(), close: async () => {} }
    handlers = createHandlers({ workspace, printer, host: 'browser', samplesDir: dir.path })
  })

  afterAll(async () => {
    await Promise.all(hosts.map((h) => h.close()))
    await workspace.close()
    await dir.remove()
  })

  async function start(options: Partial<Parameters<typeof startHttpHost>[0]> = {}) {
    const host = await startHttpHost({ handlers, rendererDir: dir.path, ...options })
    hosts.push(host)
    return host
  }

  /** An upload the way a client sends one that does not wait for an early answer. */
  function upload(host: HttpHost, size: number, chunked: boolean) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const headers: Record<string, string> = {
        Host: `127.0.0.1:${host.port}`,
        'X-Dossier-Token': host.token,
        'Content-Type': 'application/json',
        ...(chunked ? {} : { 'Content-Length': String(size) }),
      }
      const req = request({
        host: '127.0.0.1',
        port: host.port,
        path: '/api/import.upload',
        method: 'POST',
        headers,
      })
      req.on('response', (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode!, body: text }))
      })
      req.on('error', reject)
      const chunk = Buffer.alloc(64 * 1024, 'A')
      let sent = 0
      const pump = () => {
        while (sent < size) {
          sent += chunk.length
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
        req.end()
      }
      pump()
    })
  }

  it.each([
    ['a declared Content-Length', false],
    ['a chunked body', true],
  ])('answers an upload over the limit with 413 and the size sentence, for %s', async (_, chunked) => {
    const host = await start({ maxFileBytes: 1024 * 1024 })
    const res = await upload(host, 6 * 1024 * 1024, chunked)
    expect(res.status).toBe(413)
    const reply = JSON.parse(res.body) as { error: { code: string; message: string } }
    expect(reply.error.code).toBe('too-large')
    expect(reply.error.message).toBe(
      'The file is over the 1 MB limit for one file; it was not read. Set DOSSIER_MAX_FILE_MB to raise the limit.',
    )
  })

  it('answers malformed and foreign request targets with 400, never 500 or a file', async () => {
    const host = await start()
    const hostHeader = { Host: `127.0.0.1:${host.port}` }
    const targets = [
      '/%',
      '/%E0%A4%A',
      `/%?token=${host.token}`,
      `/index.html%00.js?token=${host.token}`,
      `/..%5c..%5cetc%5cpasswd?token=${host.token}`,
      `//evil.example/index.html?token=${host.token}`,
      `http://127.0.0.1:${host.port}/index.html?token=${host.token}`,
      `/${'a'.repeat(3000)}?token=${host.token}`,
      '/api/%',
      '*',
    ]
    for (const target of targets) {
      const res = await raw(host.port, target, hostHeader)
      expect([target.slice(0, 60), res.status]).toEqual([target.slice(0, 60), 400])
    }
    // A raw NUL in the request line never reaches the app.
    const nul = rawSocket(host.port)
    nul.socket.write(`GET /index.html\0 HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`)
    await nul.closed
    expect(nul.received()).toMatch(/^HTTP\/1\.1 400/)
  })

  it('closes a connection whose headers arrive byte by byte (slowloris)', async () => {
    const host = await start({
      limits: { headersTimeoutMs: 300, requestTimeoutMs: 600, checkIntervalMs: 50 },
    })
    const slow = rawSocket(host.port)
    const line = `GET /?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Slow: ${'x'.repeat(200)}`
    let i = 0
    const drip = setInterval(() => {
      if (i < line.length && !slow.socket.destroyed) slow.socket.write(line[i++]!)
    }, 20)
    try {
      expect(await within(slow.closed, 3000)).not.toBe('still open')
      expect(i).toBeLessThan(line.length)
    } finally {
      clearInterval(drip)
    }
  })

  it('closes a connection that never sends anything, and a body that stalls', async () => {
    const host = await start({
      limits: { headersTimeoutMs: 300, requestTimeoutMs: 600, idleTimeoutMs: 400, checkIntervalMs: 50 },
    })
    const silent = rawSocket(host.port)
    expect(await within(silent.closed, 3000)).not.toBe('still open')
    const stalled = rawSocket(host.port)
    stalled.socket.write(
      `POST /api/articles.list HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Dossier-Token: ${host.token}\r\nContent-Length: 100\r\n\r\n{`,
    )
    expect(await within(stalled.closed, 3000)).not.toBe('still open')
  })

  it('closes an idle keep-alive connection after its reply', async () => {
    const host = await start({ limits: { keepAliveTimeoutMs: 300 } })
    const idle = rawSocket(host.port)
    idle.socket.write(`GET /?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`)
    expect(await within(idle.closed, 3000)).not.toBe('still open')
    expect(idle.received()).toMatch(/^HTTP\/1\.1 200/)
  })

  it('keeps a connection whose reply is still being prepared, however long it is idle', async () => {
    const slowHandlers: Handlers = {
      ...handlers,
      'articles.list': async () => new Promise((done) => setTimeout(() => done([]), 900)),
    }
    const host = await start({
      handlers: slowHandlers,
      limits: { idleTimeoutMs: 200, keepAliveTimeoutMs: 200 },
    })
    const res = await raw(
      host.port,
      '/api/articles.list',
      { Host: `127.0.0.1:${host.port}`, 'X-Dossier-Token': host.token },
      'POST',
      '{}',
    )
    expect(res.status).toBe(200)
  })

  it('refuses connections over the cap and keeps the ones it has', async () => {
    const host = await start({ limits: { maxConnections: 2 } })
    const open = [rawSocket(host.port), rawSocket(host.port)]
    for (const { socket } of open) {
      socket.write(`GET /?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`)
    }
    await expect.poll(() => open.every((s) => /^HTTP\/1\.1 200/.test(s.received()))).toBe(true)
    const extra = rawSocket(host.port)
    extra.socket.write(`GET /?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`)
    expect(await within(extra.closed, 2000)).not.toBe('still open')
    expect(extra.received()).toBe('')
    expect(open.every((s) => !s.socket.destroyed)).toBe(true)
    open.forEach((s) => s.socket.destroy())
  })
})
