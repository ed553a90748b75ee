// The desktop app's own origin, app://dossier/: what the protocol handler answers for a request (files
// of the renderer folder only, with their content type and the CSP), and which pages count as the app's.
// No Electron here, so it is tested on Node; index.ts registers the scheme and hands requests to it.
import { contentType, PAGE_HEADERS, readRendererFile, rendererFile } from './renderer-files'

export const APP_SCHEME = 'app'
export const APP_HOST = 'dossier'
export const APP_ORIGIN_URL = `${APP_SCHEME}://${APP_HOST}/`
export const APP_INDEX_URL = `${APP_ORIGIN_URL}index.html`

function parse(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/**
 * True when `url` is a page of the app whose base is `appUrl` (app://dossier/, or the dev server's
 * address in development): same scheme, host and port, no user info. `app://dossier.evil/` is not.
 */
export function isAppPage(url: string, appUrl: string): boolean {
  const page = parse(url)
  const app = parse(appUrl)
  if (!page || !app || page.username || page.password) return false
  return page.protocol === app.protocol && page.host === app.host && page.host !== ''
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...PAGE_HEADERS },
  })
}

/** The answer to one app:// request: GET (or HEAD) of a file in the renderer folder, nothing else. */
export async function appResponse(
  rendererDir: string,
  request: { url: string; method: string },
): Promise<Response> {
  const url = parse(request.url)
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found')
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'GET only')
  const found = rendererFile(rendererDir, url.pathname)
  if ('status' in found) return plain(found.status, found.status === 400 ? 'Bad request' : 'Not found')
  const body = await readRendererFile(found.file)
  if (!body) return plain(404, 'Not found')
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { 'Content-Type': contentType(found.file), ...PAGE_HEADERS },
  })
}
