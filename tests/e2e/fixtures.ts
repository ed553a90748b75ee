// Each test gets its own browser-mode Dossier on a fresh workspace, started exactly as a user would.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, expect, type Page } from '@playwright/test'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const corpus = resolve(root, '../shared/corpus')
export const seed000 = join(corpus, 'seeds/000_8b2ef8656cbf5d92.txt')
export const seed004 = join(corpus, 'seeds/004_e50e5ac0ee4a13f3.txt')
export const TITLE_000 =
  'US concerned North Korean leader Kim Jong Un plans to deliver more military equipment to Russia'
export const TITLE_004 = 'The US has accused North Korea of providing Russia with a shipment of weapons'

export interface DossierServer {
  url: string
  origin: string
  token: string
  workspace: string
  stop(): Promise<void>
}

/** Starts browser mode with extra environment variables; `launcher` runs it under another program
 * (strace), which must exec it as its only child, so that stopping signals the server itself. */
export async function startServer(
  workspace: string,
  options: { env?: Record<string, string>; launcher?: readonly string[] } = {},
): Promise<DossierServer> {
  const serve = [process.execPath, join(root, 'out/main/serve.js'), '--workspace', workspace]
  const [command, ...args] = [...(options.launcher ?? []), ...serve]
  const child: ChildProcess = spawn(command!, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  })
  let output = ''
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`Dossier did not start:\n${output}`)), 20_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        done(match[1]!)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => fail(new Error(`Dossier exited with ${code}:\n${output}`)))
  })
  const parsed = new URL(url)
  const serverPid = async () => {
    if (!options.launcher?.length) return child.pid!
    const children = await readFile(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8')
    return Number(children.trim().split(' ')[0])
  }
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    workspace,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise<void>((done) => child.once('exit', () => done()))
      process.kill(await serverPid(), 'SIGTERM')
      await exited
    },
  }
}

/** Drops files onto the window the way a file manager does: a drag carrying File objects. */
export async function dropFiles(page: Page, paths: readonly string[]): Promise<void> {
  const files = await Promise.all(
    paths.map(async (path) => ({ name: basename(path), data: [...(await readFile(path))] })),
  )
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer()
    for (const f of list) dt.items.add(new File([new Uint8Array(f.data)], f.name, { type: 'text/plain' }))
    return dt
  }, files)
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('body', type, { dataTransfer: transfer })
  }
}

/**
 * Selects `words` in the reader, as a mouse drag would: their first occurrence, or where they stand
 * inside the first occurrence of `context`.
 */
export async function selectInReader(page: Page, words: string, context = words): Promise<void> {
  const found = await page.getByTestId('reader').evaluate(
    (reader, { context, words }) => {
      const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      let text = ''
      while (walker.nextNode()) {
        nodes.push(walker.currentNode as Text)
        text += (walker.currentNode as Text).data
      }
      const around = text.indexOf(context)
      const inside = context.indexOf(words)
      if (around < 0 || inside < 0) return false
      const at = around + inside
      const locate = (offset: number, preferEnd: boolean) => {
        let seen = 0
        for (const node of nodes) {
          const next = seen + node.data.length
          if (offset < next || (preferEnd && offset === next)) return { node, offset: offset - seen }
          seen = next
        }
        throw new Error('offset past the end')
      }
      const start = locate(at, false)
      const end = locate(at + words.length, true)
      const range = document.createRange()
      range.setStart(start.node, start.offset)
      range.setEnd(end.node, end.offset)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      document.dispatchEvent(new Event('selectionchange'))
      const rect = range.getBoundingClientRect()
      reader.dispatchEvent(
        new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }),
      )
      return true
    },
    { context, words },
  )
  const where = context === words ? '' : ` in "${context}"`
  expect(found, `"${words}"${where} is in the reader`).toBe(true)
}

export const test = base.extend<{ server: DossierServer; app: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  server: async ({}, use) => {
    const workspace = await mkdtemp(join(tmpdir(), 'dossier-e2e-'))
    const server = await startServer(workspace)
    await use(server)
    await server.stop()
    await rm(workspace, { recursive: true, force: true })
  },
  app: async ({ page, server }, use) => {
    await page.goto(server.url)
    await use(page)
  },
})

export { expect }

/** Calls the services as the page does, with the page's token (setup only: the UI is what is tested). */
export function api<T>(page: Page, method: string, args: unknown = {}): Promise<T> {
  return page.evaluate(
    async ({ method, args }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Dossier-Token': localStorage.getItem('dossier.token')!,
        },
        body: JSON.stringify(args),
      })
      const reply = await response.json()
      if (!reply.ok) throw new Error(reply.error.message)
      return reply.result
    },
    { method, args },
  )
}

/**
 * The texts painted in the reader by one group of CSS highlights ('code' for highlights, 'entity' for
 * mentions, 'hit' for search hits), as Chromium holds them in CSS.highlights.
 */
export async function paintedTexts(
  page: Page,
  group: 'code' | 'entity' | 'hit' | 'focus' | 'flash' = 'code',
  options: { inView?: boolean } = {},
): Promise<string[]> {
  return page.evaluate(
    ({ prefix, inView }) => {
      const texts: string[] = []
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith(prefix)) continue
        for (const painted of highlight as unknown as Iterable<AbstractRange>) {
          const range = document.createRange()
          range.setStart(painted.startContainer, painted.startOffset)
          range.setEnd(painted.endContainer, painted.endOffset)
          if (!range.startContainer.isConnected) continue
          const box = range.getBoundingClientRect()
          if (inView && (box.bottom < 0 || box.top > window.innerHeight)) continue
          texts.push(range.toString())
        }
      }
      return texts.sort()
    },
    { prefix: `dossier-${group}`, inView: options.inView ?? false },
  )
}

/** Waits until `text` is painted as a highlight (or another group) in the reader. */
export async function expectPainted(
  page: Page,
  text: string,
  group: Parameters<typeof paintedTexts>[1] = 'code',
  options: { inView?: boolean } = {},
) {
  await expect
    .poll(() => paintedTexts(page, group, options), { message: `“${text}” painted as ${group}` })
    .toContain(text)
}

/** Opens an article from the library by its title. */
export async function openArticle(page: Page, title: string): Promise<void> {
  await page
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .click()
}

/** Selects `words` in the reader and tags them as an entity of `type`, named `name`, with T. */
export async function tagSelection(page: Page, words: string, type: string, name: string): Promise<void> {
  await tagWithin(page, words, words, type, name)
}

/** Tags `words` where they stand inside the first occurrence of `context` in the reader. */
export async function tagWithin(page: Page, context: string, words: string, type: string, name: string) {
  await selectInReader(page, words, context)
  await page.keyboard.press('t')
  const dialog = page.getByRole('dialog', { name: 'Tag entity' })
  // A click while the dialog is still moving in can miss the card; it is tried again until it holds.
  const radio = dialog.getByRole('radio', { name: type })
  await expect(async () => {
    await radio.check({ force: true, timeout: 2000 })
    await expect(radio).toBeChecked({ timeout: 500 })
  }).toPass()
  await dialog.getByLabel('Name').fill(name)
  // Enter submits: the list of known names may cover the button.
  await dialog.getByLabel('Name').press('Enter')
  await expect(dialog).toBeHidden()
}
