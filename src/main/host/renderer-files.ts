// The built renderer's files as both hosts serve them (app:// in the desktop app, HTTP in browser mode):
// which file a URL path names, inside the renderer folder only, its content type, and the headers.
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

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

/** Sent with every page file by both hosts. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
}

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** 400: the path cannot name a file (bad percent-encoding, NUL, backslash); 404: no such file here. */
export type RendererFile = { file: string } | { status: 400 | 404 }

/**
 * The file under `rendererDir` that the URL path `pathname` (still percent-encoded) names: `/` is
 * index.html; nothing outside the folder is ever named, whatever `..` or encoding the path holds.
 */
export function rendererFile(rendererDir: string, pathname: string): RendererFile {
  if (!pathname.startsWith('/')) return { status: 400 }
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return { status: 400 }
  }
  // A backslash is a separator on Windows, a NUL ends a path in C: neither belongs in a page file's name.
  if (/[\0\\]/.test(decoded)) return { status: 400 }
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '')
  const root = normalize(rendererDir).replace(/[/\\]+$/, '')
  const file = join(root, relative)
  if (!file.startsWith(root + sep)) return { status: 404 }
  return { file }
}

/** The file's bytes, or undefined when it is missing, a folder or unreadable. */
export async function readRendererFile(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file)
  } catch {
    return undefined
  }
}
