// Browser-mode PDF export runs the system Chromium; watched with strace, it must make no network
// connection at all while printing and in the seconds after, when its background services wake up.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createChromiumPrinter, findChromium } from '../../../src/main/services/export/chromium-printer'
import { noRouteSwitches } from '../../../src/main/services/export/chromium-switches'
import { findNetworkNamespace } from '../../../src/main/services/export/network-namespace'
import { tempDir } from '../../helpers'
import {
  connectionsThatCount,
  findStrace,
  readNetworkTrace,
  summarize,
  writeTracingChromium,
} from '../../network-trace'

const strace = findStrace()
const chromium = findChromium()
const why = !strace
  ? 'strace is not installed (apt-get install strace)'
  : !chromium
    ? 'no Chromium on this machine'
    : ''

const PAGE = `<!doctype html><meta charset="utf-8"><title>Brief</title>
<p>Kim Jong Un <a href="https://example.com/">a link</a> <img src="http://127.0.0.9:8123/x.png"></p>`

describe.skipIf(Boolean(why))(`Chromium printing offline${why ? ` (skipped: ${why})` : ''}`, () => {
  it('prints a brief without connecting to any IP address, during or after the print', async () => {
    const dir = await tempDir('dossier-strace-')
    const log = join(dir.path, 'strace.log')
    const traced = await writeTracingChromium(dir.path, strace!, chromium!, log)
    const printer = createChromiumPrinter({ ...process.env, DOSSIER_CHROMIUM: traced })
    try {
      const pdf = await printer.print(PAGE)
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-')
      // Chromium's sign-in check and component updater start within a second of launch and retry
      // after about 1 s and 3 s more; the browser stays open between exports, so wait through them.
      await new Promise((done) => setTimeout(done, 6_000))
    } finally {
      await printer.close()
    }
    const trace = readNetworkTrace(await readFile(log, 'utf8'))
    console.log(`Chromium's local socket calls (not network): ${summarize(trace.local).join('; ') || 'none'}`)
    expect(summarize(connectionsThatCount(trace, Boolean(await findNetworkNamespace())))).toEqual([])
    await dir.remove()
  }, 45_000)
})

describe('Chromium switches for printing', () => {
  it('hands the resolver rule over without shell quotes, which Chromium would otherwise ignore', () => {
    expect(noRouteSwitches('/tmp/p')).toContain('--host-resolver-rules=MAP * ~NOTFOUND')
  })

  it('offers a network namespace only on Linux', async () => {
    expect(await findNetworkNamespace('darwin')).toBeUndefined()
    expect(await findNetworkNamespace('win32')).toBeUndefined()
  })
})
