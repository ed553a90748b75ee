// The desktop app's own origin: app://dossier/ serves the renderer folder and nothing else, with the right
// content types and the CSP; only its pages (or the dev server's) count as the app's; the session loads
// nothing from anywhere else.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_INDEX_URL, appResponse, isAppPage } from '../../../src/main/host/app-protocol'
import { isAllowedAppRequest, isAllowedPrintRequest } from '../../../src/main/host/request-policy'
import { tempDir } from '../../helpers'

describe('app:// files', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let rendererDir: string

  beforeAll(async () => {
    dir = await tempDir()
    rendererDir = join(dir.path, 'renderer')
    await mkdir(join(rendererDir, 'assets'), { recursive: true })
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title>')
    await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)')
    await writeFile(join(rendererDir, 'assets', 'index-abc.css'), 'body{}')
    await writeFile(join(dir.path, 'secret.txt'), 'outside the renderer folder')
  })

  afterAll(() => dir.remove())

  const get = (url: string, method = 'GET') => appResponse(rendererDir, { url, method })

  it('serves the page and its assets with their content types, the CSP and nosniff', async () => {
    const page = await get(APP_INDEX_URL)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self'/)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>Dossier</title>')
    expect((await get('app://dossier/')).status).toBe(200)
    const script = await get('app://dossier/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await get('app://dossier/assets/index-abc.css')).headers.get('content-type')).toMatch(
      /^text\/css/,
    )
  })

  it('never serves a file outside the renderer folder, however the path is written', async () => {
    for (const url of [
      'app://dossier/../secret.txt',
      'app://dossier/%2e%2e/secret.txt',
      'app://dossier/assets/..%2f..%2fsecret.txt',
      'app://dossier/..%5csecret.txt',
      'app://dossier/%00',
      'app://dossier/%',
      'app://dossier/missing.js',
      'app://dossier/assets',
    ]) {
      const res = await get(url)
      expect(res.status === 400 || res.status === 404).toBe(true)
      expect(await res.text()).not.toContain('outside the renderer folder')
    }
  })

  it('answers only its own host and only GET or HEAD', async () => {
    expect((await get('app://other/index.html')).status).toBe(404)
    expect((await get('file:///etc/passwd')).status).toBe(404)
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405)
    const head = await get(APP_INDEX_URL, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})

describe('which pages are the app', () => {
  it('is the app:// origin itself or the dev server, never a look-alike', () => {
    expect(isAppPage('app://dossier/index.html', 'app://dossier/')).toBe(true)
    expect(isAppPage('app://dossier/index.html#/x', 'app://dossier/')).toBe(true)
    expect(isAppPage('app://dossier.evil/index.html', 'app://dossier/')).toBe(false)
    expect(isAppPage('app://user@dossier/index.html', 'app://dossier/')).toBe(false)
    expect(isAppPage('file:///work/out/renderer/index.html', 'app://dossier/')).toBe(false)
    expect(isAppPage('https://dossier/index.html', 'app://dossier/')).toBe(false)
    expect(isAppPage('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppPage('http://localhost:51730/', 'http://localhost:5173')).toBe(false)
    expect(isAppPage('not a url', 'app://dossier/')).toBe(false)
  })
})

describe('what the sessions load', () => {
  const req = (url: string, resourceType = 'script') => ({ url, resourceType })

  it('loads the app’s own files, its own blobs and DevTools, and nothing from a network or the disk', () => {
    expect(isAllowedAppRequest(req('app://dossier/assets/index.js'))).toBe(true)
    expect(isAllowedAppRequest(req('blob:app://dossier/5b3c', 'other'))).toBe(true)
    expect(isAllowedAppRequest(req('devtools://devtools/bundled/inspector.html', 'mainFrame'))).toBe(true)
    for (const url of [
      'file:///etc/passwd',
      'https://example.com/x.js',
      'http://127.0.0.1:8080/',
      'ws://127.0.0.1:9222/',
      'app://dossier.evil/x.js',
      'blob:https://example.com/1',
    ]) {
      expect([url, isAllowedAppRequest(req(url))]).toEqual([url, false])
    }
  })

  it('takes data: only as an image or a font, never as a page, script or frame', () => {
    expect(isAllowedAppRequest(req('data:image/svg+xml,<svg/>', 'image'))).toBe(true)
    expect(isAllowedAppRequest(req('data:font/woff2;base64,AA', 'font'))).toBe(true)
    for (const type of ['mainFrame', 'subFrame', 'script', 'xhr', 'stylesheet', 'other']) {
      expect([type, isAllowedAppRequest(req('data:text/html,<script>1</script>', type))]).toEqual([
        type,
        false,
      ])
    }
  })

  it('reaches the dev server and its hot-reload socket only in development', () => {
    const dev = 'http://localhost:5173'
    expect(isAllowedAppRequest(req('http://localhost:5173/src/main.tsx'), dev)).toBe(true)
    expect(isAllowedAppRequest(req('ws://localhost:5173/', 'webSocket'), dev)).toBe(true)
    expect(isAllowedAppRequest(req('http://localhost:5173/src/main.tsx'))).toBe(false)
    expect(isAllowedAppRequest(req('http://localhost:8080/'), dev)).toBe(false)
  })

  it('lets the print window load its inline page and nothing else', () => {
    expect(isAllowedPrintRequest(req('data:text/html;charset=utf-8,%3Ch1%3E', 'mainFrame'))).toBe(true)
    expect(isAllowedPrintRequest(req('data:image/png;base64,AA', 'image'))).toBe(false)
    expect(isAllowedPrintRequest(req('https://example.com/tracker.png', 'image'))).toBe(false)
    expect(isAllowedPrintRequest(req('app://dossier/index.html', 'mainFrame'))).toBe(false)
  })
})
