// What the desktop app's sessions may load: the app's own files and nothing from any network. Kept apart
// from index.ts so the rules are tested on Node; index.ts hands every request of a session to them.
import { APP_HOST, APP_ORIGIN_URL, APP_SCHEME, isAppPage } from './app-protocol'

export interface SessionRequest {
  url: string
  /** Electron's webRequest resource type: 'mainFrame', 'script', 'image', 'font', 'xhr', … */
  resourceType: string
}

/**
 * The window's session: app://dossier/ files, blobs the app made (an export handed to a download),
 * `data:` only as the images and fonts the CSP allows, DevTools, and the dev server in development.
 */
export function isAllowedAppRequest(request: SessionRequest, devServerUrl?: string): boolean {
  const { url, resourceType } = request
  if (url.startsWith(APP_ORIGIN_URL)) return true
  if (url.startsWith(`blob:${APP_SCHEME}://${APP_HOST}/`)) return true
  if (url.startsWith('devtools://')) return true
  if (url.startsWith('data:')) return resourceType === 'image' || resourceType === 'font'
  if (devServerUrl) {
    // Vite's hot reload talks over a WebSocket to the same host.
    const socketUrl = devServerUrl.replace(/^http/, 'ws')
    return isAppPage(url, devServerUrl) || isAppPage(url, socketUrl)
  }
  return false
}

/** The hidden print window's own session: the print page itself, an inline HTML document, and nothing else. */
export function isAllowedPrintRequest(request: SessionRequest): boolean {
  return request.resourceType === 'mainFrame' && request.url.startsWith('data:text/html')
}
