// Browser mode: the built renderer and the API over HTTP, on 127.0.0.1 only. Every API call needs the
// per-launch token in a header, and requests naming a foreign Host or Origin are refused, so a web page
// the analyst visits cannot reach the workspace (CSRF, DNS rebinding).
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { ArticleView, Handlers } from '../../shared/api'
import { tooLargeMessage } from '../../shared/file-size'
import { decodeWire, encodeWire } from '../../shared/wire'
import { packArticleView } from '../../shared/article-wire'
import { dispatch } from './dispatch'
import { contentType, PAGE_HEADERS, readRendererFile, rendererFile } from './renderer-files'

export const TOKEN_HEADER = 'x-dossier-token'
/**
 * Lets a second tab load the page files without the launch URL. Browsers send 127.0.0.1's cookies to
 * every port of it, so any other local server sees this value: it is not the token and opens no API.
 */
const PAGE_COOKIE = 'dossier_page'

/** Longest request target taken; the app's own are far shorter. */
const MAX_TARGET_LENGTH = 2048

export interface ConnectionLimits {
  /** Until a request's headers are in. */
  headersTimeoutMs: number
  /** Until a whole request, body included, is in. */
  requestTimeoutMs: number
  /** An idle keep-alive socket between two requests. */
  keepAliveTimeoutMs: number
  /** A socket with no traffic at all and no reply being prepared. */
  idleTimeoutMs: number
  maxConnections: number
  /** How often the header and request deadlines are checked. */
  checkIntervalMs: number
  /** After a 413, how long the rest of the body is read and dropped before the socket is closed. */
  drainTimeoutMs: number
}

/**
 * For one analyst's browser on this machine. Headers arrive in one packet from a browser, so 10 s is
 * generous; the largest body (~140 MB of base64) crosses loopback in about a second, and 120 s leaves room
 * for a slow machine. Browsers keep at most 6 connections per host; 32 covers a few tabs.
 */
export const CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 30_000,
  maxConnections: 32,
  checkIntervalMs: 1_000,
  drainTimeoutMs: 10_000,
}

export interface HttpHostOptions {
  handlers: Handlers
  rendererDir: string
  port?: number
  token?: string
  /** The services' limit for one file; the largest body taken follows from it (uploads are base64). */
  maxFileBytes?: number
  limits?: Partial<ConnectionLimits>
}

export interface HttpHost {
  url: string
  token: string
  port: number
  close(): Promise<void>
}

/** Base64 makes a file a third larger; the JSON envelope and the name add a little. */
export function maxBodyBytes(maxFileBytes: number): number {
  return Math.ceil(maxFileBytes / 3) * 4 + 65_536
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
    ...PAGE_HEADERS,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extra,
  })
  res.end(body)
}

function sendError(res: ServerResponse, status: number, code: string, message: string) {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json')
}

/** The body, or null once it passes `limit`: from then on it is read and dropped, never kept. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      over = true
      chunks.length = 0
      resolve(null)
    })
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * The path and query of an origin-form request target ("/path?query"), or undefined for anything else:
 * absolute-form ("http://host/"), "*", a scheme-relative "//host", over-long targets, and paths that
 * cannot name a file (malformed percent-encoding, NUL, backslash).
 */
function parseTarget(target: string | undefined): { pathname: string; query: URLSearchParams } | undefined {
  if (!target || target.length > MAX_TARGET_LENGTH || !target.startsWith('/') || target.startsWith('//'))
    return undefined
  const at = target.search(/[?#]/)
  const pathname = at < 0 ? target : target.slice(0, at)
  try {
    if (/[\0\\]/.test(decodeURIComponent(pathname))) return undefined
  } catch {
    return undefined
  }
  const query = at < 0 || target[at] === '#' ? '' : target.slice(at + 1).replace(/#.*$/, '')
  return { pathname, query: new URLSearchParams(query) }
}

export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const pageKey = randomBytes(24).toString('base64url')
  const limits = { ...CONNECTION_LIMITS, ...options.limits }
  const maxFile = options.maxFileBytes ?? 100 * 1024 * 1024
  const maxBody = maxBodyBytes(maxFile)
  let port = 0

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  /** Sockets with a reply being prepared: a long import or print is not idleness. */
  const busy = new WeakMap<Socket, number>()

  /**
   * 413 in a way the browser reads: the reply goes out, then our side of the connection is closed while
   * the rest of the body is still read and dropped. Closing it outright would answer the bytes still
   * arriving with a reset, and the browser would lose the reply with it ("Dossier is not running").
   */
  function refuseTooLarge(req: IncomingMessage, res: ServerResponse) {
    const socket = req.socket
    req.resume()
    res.on('finish', () => {
      socket.end()
      setTimeout(() => socket.destroy(), limits.drainTimeoutMs).unref()
    })
    sendError(res, 413, 'too-large', tooLargeMessage('The file', undefined, maxFile))
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' })
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > maxBody) return refuseTooLarge(req, res)
    const body = await readBody(req, maxBody)
    if (body === null) return refuseTooLarge(req, res)
    let args: unknown
    try {
      args = body.length > 0 ? decodeWire(body.toString('utf8')) : {}
    } catch {
      return sendError(res, 400, 'invalid-argument', 'The request was not valid JSON.')
    }
    const reply = await dispatch(options.handlers, method, args)
    const packed =
      reply.ok && method === 'articles.get'
        ? { ...reply, result: packArticleView(reply.result as ArticleView) }
        : reply
    send(res, 200, encodeWire(packed), 'application/json')
  }

  async function serveStatic(res: ServerResponse, pathname: string, setCookie: boolean) {
    const found = rendererFile(options.rendererDir, pathname)
    if ('status' in found)
      return send(res, found.status, found.status === 400 ? 'Bad request' : 'Not found', 'text/plain')
    const content = await readRendererFile(found.file)
    if (!content) return send(res, 404, 'Not found', 'text/plain')
    const extra: Record<string, string> = setCookie
      ? { 'Set-Cookie': `${PAGE_COOKIE}=${pageKey}; HttpOnly; SameSite=Strict; Path=/` }
      : {}
    send(res, 200, content, contentType(found.file), extra)
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'Forbidden host', 'text/plain')
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin))
      return send(res, 403, 'Forbidden origin', 'text/plain')
    const target = parseTarget(req.url)
    if (!target) return send(res, 400, 'Bad request', 'text/plain')
    if (target.pathname.startsWith('/api/')) {
      // Only the header counts: a browser never adds it by itself, and only the page's own scripts can
      // read the token it keeps.
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        return sendError(res, 403, 'forbidden', 'This request did not carry Dossier’s access token.')
      }
      return serveApi(req, res, target.pathname.slice('/api/'.length))
    }
    const fromQuery = sameToken(target.query.get('token') ?? undefined, token)
    if (!fromQuery && !sameToken(cookie(req, PAGE_COOKIE), pageKey)) {
      return send(
        res,
        403,
        '<!doctype html><meta charset="utf-8"><title>Dossier</title><p>Open Dossier with the address printed in the terminal where it was started: it carries this launch’s access token.</p>',
        'text/html; charset=utf-8',
      )
    }
    return serveStatic(res, target.pathname, fromQuery)
  }

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    (req, res) => {
      const socket = req.socket
      busy.set(socket, (busy.get(socket) ?? 0) + 1)
      res.once('close', () => {
        const left = (busy.get(socket) ?? 1) - 1
        if (left > 0) busy.set(socket, left)
        else busy.delete(socket)
      })
      handle(req, res).catch((error) => {
        // A client that went away (or was timed out) mid-request is not a failure of Dossier's.
        if (req.destroyed) return
        console.error('dossier: request failed', error)
        if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain')
      })
    },
  )
  server.maxConnections = limits.maxConnections
  server.setTimeout(limits.idleTimeoutMs)
  // With a listener here Node leaves the socket alone: it is closed unless a reply is being prepared.
  server.on('timeout', (socket: Socket) => {
    if (!busy.has(socket)) socket.destroy()
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
