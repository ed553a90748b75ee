// Regenerates docs/screenshot.png: browser mode on a scratch workspace with the two sample articles,
// one highlight and one tag, captured in Chromium. Run after `npm run build`.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('..', import.meta.url))
const scheme = process.argv.includes('--dark') ? 'dark' : 'light'
const out = process.argv.find((a) => a.endsWith('.png')) ?? join(root, 'docs/screenshot.png')
const workspace = await mkdtemp(join(tmpdir(), 'dossier-shot-'))
const server = spawn(process.execPath, [join(root, 'out/main/serve.js'), '--workspace', workspace], {
  stdio: ['ignore', 'pipe', 'inherit'],
})
const url = await new Promise((resolve) => {
  let text = ''
  server.stdout.on('data', (chunk) => {
    text += chunk
    const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(text)
    if (match) resolve(match[1])
  })
})

const browser = await chromium.launch({
  executablePath: process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--disable-gpu',
    '--disable-background-networking',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
})
try {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    colorScheme: scheme,
    deviceScaleFactor: 1,
  })
  await page.goto(url)
  await page.getByRole('button', { name: 'Open the two sample articles' }).click()
  const library = page.getByRole('list', { name: 'Library' })
  await library.getByRole('button', { name: /US concerned North Korean leader/ }).click()
  const select = (words) =>
    page.getByTestId('reader').evaluate((reader, wanted) => {
      document.activeElement?.blur()
      const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT)
      while (walker.nextNode()) {
        const node = walker.currentNode
        const at = node.data.indexOf(wanted)
        if (at >= 0) {
          const range = document.createRange()
          range.setStart(node, at)
          range.setEnd(node, at + wanted.length)
          getSelection().removeAllRanges()
          getSelection().addRange(range)
          reader.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
          return
        }
      }
    }, words)
  await select('closer strategic cooperation')
  await page.keyboard.press('h')
  await page
    .getByRole('textbox', { name: 'Note' })
    .first()
    .fill('Pyongyang frames arms supply as strategic alignment.')
  await select('Kin Jong Un')
  await page.keyboard.press('t')
  const dialog = page.getByRole('dialog', { name: 'Tag entity' })
  await dialog.getByLabel('Name').fill('Kim Jong Un')
  await dialog.getByRole('button', { name: 'Tag' }).click()
  await dialog.waitFor({ state: 'hidden' })
  await select('Vladimir Putin')
  await page.keyboard.press('t')
  await dialog.getByRole('button', { name: 'Tag' }).click()
  await page.mouse.click(700, 860)
  await page.waitForTimeout(7000)
  await page.screenshot({ path: out })
  console.log(`Saved ${out}`)
} finally {
  await browser.close()
  await new Promise((done) => {
    server.once('exit', done)
    server.kill('SIGTERM')
  })
  await rm(workspace, { recursive: true, force: true })
}
