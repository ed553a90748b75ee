// Hostile web pages: nothing on a page runs, nothing is fetched, only the article's text survives,
// and a page nested thousands deep imports without a stack overflow or a hang.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { JSDOM, VirtualConsole } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { extract } from '../../../../src/main/services/import/extract'
import { parseInert } from '../../../../src/main/services/import/html/inert-dom'
import { DossierError } from '../../../../src/shared/errors'
import { hostileDir } from '../../../helpers'
import { watchNetwork } from './network-watch'

async function importFile(dir: string, name: string): Promise<string> {
  try {
    const { article } = await extract(name, await readFile(join(dir, name)))
    return article.text
  } catch (error) {
    // Refusals are expected for some hostile files; only a DossierError counts as a clear refusal.
    expect(error, name).toBeInstanceOf(DossierError)
    return ''
  }
}

describe('hostile web pages', () => {
  it('imports xss-article.html as its paragraphs, with no trace of code', async () => {
    const { article } = await extract(
      'xss-article.html',
      await readFile(join(hostileDir, 'xss-article.html')),
    )
    expect(article.text).toContain('White House spokesman John Kirby said.')
    expect(article.text).toContain('surface-to-air missiles')
    expect(article.text).toContain('dismissed US claims as part of its usual publicity campaign')
    for (const trace of [
      'pwned',
      'document.title',
      'fetch(',
      '<script',
      'onerror',
      'onload',
      'javascript:',
      '127.0.0.1',
      'srcdoc',
      'base64',
      '@import',
      'url(',
      'tracking pixel',
      'contextBridge',
    ]) {
      expect(article.text, trace).not.toContain(trace)
    }
    expect(JSON.stringify(article)).not.toMatch(/pwned|127\.0\.0\.1/)
  })

  it('parses pages inert: no script, handler or frame runs', () => {
    const html = `<html><head><title>kept</title><script>document.title='pwned';globalThis.pwned=1</script></head><body>
      <img src="x" onerror="document.title='pwned';globalThis.pwned=1"><svg onload="globalThis.pwned=1"></svg>
      <iframe srcdoc="<script>parent.document.title='pwned'</script>"></iframe>
      <details open ontoggle="globalThis.pwned=1"><summary>s</summary></details></body></html>`
    const doc = parseInert(html)
    expect(doc.title).toBe('kept')
    expect('pwned' in globalThis).toBe(false)
    // A frame's document is never built: its srcdoc stays an attribute.
    const frame = doc.querySelector('iframe') as HTMLIFrameElement | null
    expect(frame?.getAttribute('srcdoc')).toContain('pwned')
    expect(frame?.contentDocument ?? null).toBeNull()
    expect(doc.getElementsByTagName('script')[0]?.textContent).toContain('pwned')
  })

  it('makes no network request while importing every hostile file and every seed', async () => {
    const watch = await watchNetwork()
    try {
      await watch.proveItSees()
      // Control: the same page in a DOM that does load resources (jsdom, told to) is caught reaching 127.0.0.1:9.
      const loading = new JSDOM(await readFile(join(hostileDir, 'xss-article.html'), 'utf8'), {
        resources: 'usable',
        url: 'https://dossier.invalid/',
        virtualConsole: new VirtualConsole(),
      })
      await new Promise((resolve) => setTimeout(resolve, 300))
      loading.window.close()
      expect(watch.report().connects.join(' ')).toContain('127.0.0.1:9')
      watch.reset()
      const seedsDir = join(hostileDir, '..', 'seeds')
      for (const [dir, names] of [
        [hostileDir, await readdir(hostileDir)],
        [seedsDir, await readdir(seedsDir)],
      ] as const) {
        for (const name of names) await importFile(dir, name)
      }
      // Resource loads in jsdom would be asynchronous: give any of them time to start.
      await new Promise((resolve) => setTimeout(resolve, 300))
      if (!watch.listening)
        console.log(
          '127.0.0.1:9 could not be bound; relying on the connect spy and the net.client.socket channel only',
        )
      expect(watch.report()).toEqual({ connects: [], channelSockets: 0, accepted: 0 })
    } finally {
      await watch.stop()
    }
  })

  it('imports deep-nesting.html (20,000 nested divs) quickly, with a warning', async () => {
    const started = performance.now()
    const { article } = await extract(
      'deep-nesting.html',
      await readFile(join(hostileDir, 'deep-nesting.html')),
    )
    expect(article.text).toContain('Kim Jong Un deep inside')
    expect(article.warnings.join(' ')).toMatch(/flattened/)
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('survives 200,000 nested elements of mixed kinds', async () => {
    const depth = 200_000
    const html = `<!doctype html><html><body>${'<div><section><span>'.repeat(depth / 3)}<p>Kim Jong Un deep inside a generated page, with enough words to count as an article.</p>${'</span></section></div>'.repeat(depth / 3)}</body></html>`
    const { article } = await extract('generated.html', new TextEncoder().encode(html))
    expect(article.text).toContain('Kim Jong Un deep inside a generated page')
  })

  it('refuses a PNG named .html as not a text document', async () => {
    await expect(
      extract('renamed-png.html', await readFile(join(hostileDir, 'renamed-png.html'))),
    ).rejects.toMatchObject({ code: 'not-text' })
  })

  it('refuses a page without article text, naming the file', async () => {
    const html =
      '<!doctype html><html><head><title>Nothing</title></head><body><script>var text = "not article text"</script><img src="a.png" alt="photo"><form><input value="x"></form></body></html>'
    await expect(extract('page.html', new TextEncoder().encode(html))).rejects.toMatchObject({
      code: 'empty-file',
      message: 'page.html has no article text that Dossier could find.',
    })
  })
})
