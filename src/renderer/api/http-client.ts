// The browser-mode transport: the same contract over POST /api/<method>, carrying the per-launch token.
import { buildClient, type DossierClient, type Reply } from '../../shared/api'
import { type ApiErrorData } from '../../shared/errors'
import { decodeWire, encodeWire } from '../../shared/wire'
import { unpackArticleView } from '../../shared/article-wire'

const TOKEN_KEY = 'dossier.token'

export class ApiError extends Error {
  readonly code: string
  readonly file?: string

  constructor(data: ApiErrorData) {
    super(data.message)
    this.name = 'ApiError'
    this.code = data.code
    this.file = data.file
  }
}

/**
 * Takes the token from the launch URL once and removes it from the address bar. It is kept in
 * localStorage, which is per origin (this port), never sent by the browser on its own and readable only
 * by the app's scripts, so a second tab opened without the token finds it there.
 */
function takeToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    localStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return localStorage.getItem(TOKEN_KEY) ?? ''
}

export function createHttpClient(): DossierClient {
  const token = takeToken()
  return buildClient(async (method, args) => {
    let response: Response
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': token },
        body: encodeWire(args),
      })
    } catch {
      throw new ApiError({
        code: 'internal',
        message: 'Dossier is not running any more. Start it again with "npm run serve" and reload this page.',
      })
    }
    const reply = decodeWire(await response.text()) as Reply<unknown>
    if (!reply.ok) throw new ApiError(reply.error)
    return method === 'articles.get' ? unpackArticleView(reply.result) : reply.result
  })
}
