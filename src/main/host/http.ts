// Browser mode: the built renderer and the API over HTTP, on 127.0.0.1 only. Every request needs the
// per-launch token, and requests naming a foreign Host or Origin are refused, so a web page the
// analyst visits cannot reach the workspace (CSRF, DNS rebinding).
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Handlers } from '../../shared/api'
import { decodeWire, encodeWire } from '../../shared/wire'
import { dispatch } from './dispatch'

export const TOKEN_HEADER = 'x-dossier-token'
const TOKEN_COOKIE = 'dossier_token'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'"

export interface HttpHostOptions {
  handlers: Handlers
  rendererDir: string
  port?: number
  token?: string
  /** Largest request body accepted, in bytes (uploads travel base64 encoded). */
  maxBodyBytes?: number
}

export interface HttpHost {
  url: string
  token: string
  port: number
  close(): Promise<void>
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    ...extra,
  })
  res.end(body)
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        resolve(null)
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const maxBody = options.maxBodyBytes ?? 150 * 1024 * 1024
  let port = 0

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  async function serveApi(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' })
    const body = await readBody(req, maxBody)
    if (body === null) {
      const reply = {
        ok: false,
        error: { code: 'too-large', message: 'The file is too large to send to Dossier.' },
      }
      return send(res, 413, JSON.stringify(reply), 'application/json')
    }
    let args: unknown
    try {
      args = body ? decodeWire(body) : {}
    } catch {
      const reply = {
        ok: false,
        error: { code: 'invalid-argument', message: 'The request was not valid JSON.' },
      }
      return send(res, 400, JSON.stringify(reply), 'application/json')
    }
    const reply = await dispatch(options.handlers, method, args)
    send(res, 200, encodeWire(reply), 'application/json')
  }

  async function serveStatic(res: ServerResponse, pathname: string, setCookie: boolean) {
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(
      /^([/\\])+/,
      '',
    )
    const file = join(options.rendererDir, relative)
    if (!file.startsWith(options.rendererDir + sep)) return send(res, 404, 'Not found', 'text/plain')
    let content: Buffer
    try {
      content = await readFile(file)
    } catch {
      return send(res, 404, 'Not found', 'text/plain')
    }
    const extra: Record<string, string> = setCookie
      ? { 'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` }
      : {}
    send(res, 200, content, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', extra)
  }

  const server = createServer((req, res) => {
    const handle = async () => {
      if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'Forbidden host', 'text/plain')
      const origin = req.headers.origin
      if (origin !== undefined && !allowedOrigins().has(origin))
        return send(res, 403, 'Forbidden origin', 'text/plain')
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
      if (url.pathname.startsWith('/api/')) {
        // The header is what the page sends; the cookie also counts when the request names this server as
        // its Origin (a second tab opened without the token), which no other page can forge.
        const fromHeader = sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)
        const fromCookie = origin !== undefined && sameToken(cookie(req, TOKEN_COOKIE), token)
        if (!fromHeader && !fromCookie) {
          const reply = {
            ok: false,
            error: { code: 'forbidden', message: 'This request did not carry Dossier’s access token.' },
          }
          return send(res, 403, JSON.stringify(reply), 'application/json')
        }
        return serveApi(req, res, url.pathname.slice('/api/'.length))
      }
      const fromQuery = sameToken(url.searchParams.get('token') ?? undefined, token)
      if (!fromQuery && !sameToken(cookie(req, TOKEN_COOKIE), token)) {
        return send(
          res,
          403,
          '<!doctype html><meta charset="utf-8"><title>Dossier</title><p>Open Dossier with the address printed in the terminal where it was started: it carries this launch’s access token.</p>',
          'text/html; charset=utf-8',
        )
      }
      return serveStatic(res, url.pathname, fromQuery)
    }
    handle().catch((error) => {
      console.error('dossier: request failed', error)
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain')
    })
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
