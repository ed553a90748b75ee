// The three sides of the API list the same methods: the services' handlers, the IPC registrations
// of main, the object preload exposes, and the HTTP routes of browser mode.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { api, IPC_PREFIX, methodNames, PATH_GRANT_CHANNEL } from '../../../src/shared/api'
import { createHandlers } from '../../../src/main/services/dossier'
import { Workspace } from '../../../src/main/services/store/workspace'
import { startHttpHost, type HttpHost } from '../../../src/main/host/http'
import { tempDir } from '../../helpers'
import { handlersFor, useTaggedWorkspace } from '../../tagged-workspace'

const electron = vi.hoisted(() => ({
  handled: [] as string[],
  listened: [] as string[],
  sent: [] as [string, unknown][],
  exposed: {} as Record<string, unknown>,
}))

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string) => electron.handled.push(channel),
    removeHandler: () => {},
    on: (channel: string) => electron.listened.push(channel),
  },
  ipcRenderer: {
    invoke: async () => ({ ok: true, result: null }),
    send: (channel: string, value: unknown) => electron.sent.push([channel, value]),
  },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (electron.exposed[key] = value) },
  // Only a file the analyst handed over has a path; one the page made has none.
  webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
}))

function flatten(client: Record<string, Record<string, unknown>>): string[] {
  return Object.entries(client).flatMap(([ns, verbs]) => Object.keys(verbs).map((verb) => `${ns}.${verb}`))
}

describe('the API contract', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let workspace: Workspace
  let host: HttpHost
  let handlers: ReturnType<typeof createHandlers>

  beforeAll(async () => {
    dir = await tempDir()
    workspace = await Workspace.open(dir.path)
    const printer = { print: async () => new Uint8Array(), close: async () => {} }
    handlers = createHandlers({ workspace, printer, host: 'browser', samplesDir: dir.path })
    host = await startHttpHost({ handlers, rendererDir: dir.path })
  })

  afterAll(async () => {
    await host.close()
    await workspace.close()
    await dir.remove()
  })

  it('has a service handler for every method and no handler outside the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort())
  })

  it('registers one IPC handler per method in main, and one listener for dropped paths', async () => {
    const { registerIpc, registerPathGrants } = await import('../../../src/main/host/ipc')
    const { PathGrants } = await import('../../../src/main/services/import/path-grants')
    registerIpc(handlers, () => true)
    registerPathGrants(new PathGrants(), () => true)
    expect(electron.handled.sort()).toEqual(methodNames.map((m) => IPC_PREFIX + m).sort())
    expect(electron.listened).toEqual([PATH_GRANT_CHANNEL])
  })

  it('exposes exactly the contract methods as window.dossier from preload, and no transport', async () => {
    await import('../../../src/preload/index')
    expect(Object.keys(electron.exposed).sort()).toEqual(['dossier', 'dossierDesktop'])
    const dossier = electron.exposed.dossier as Record<string, Record<string, unknown>>
    expect(flatten(dossier).sort()).toEqual([...methodNames].sort())
    expect(Object.keys(electron.exposed.dossierDesktop as object)).toEqual(['pathForFile'])
  })

  it('tells main about a path only when a file the analyst handed over has one; the page sends none', async () => {
    await import('../../../src/preload/index')
    const { pathForFile } = electron.exposed.dossierDesktop as { pathForFile(file: unknown): string }
    electron.sent.length = 0
    expect(pathForFile({ path: '/home/analyst/report.pdf' })).toBe('/home/analyst/report.pdf')
    expect(pathForFile({})).toBe('')
    expect(electron.sent).toEqual([[PATH_GRANT_CHANNEL, '/home/analyst/report.pdf']])
  })

  it('answers every method over HTTP and refuses names outside the contract', async () => {
    for (const method of methodNames) {
      const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
        method: 'POST',
        headers: { 'X-Dossier-Token': host.token },
        body: '{"not":"valid"}',
      })
      const reply = (await response.json()) as { error: { code: string; message: string } }
      // Invalid arguments prove the route exists and validates; an unknown name would say so.
      expect(reply.error.message).not.toMatch(/has no action/)
      expect(reply.error.code).toBe('invalid-argument')
    }
    const unknown = await fetch(`http://127.0.0.1:${host.port}/api/fs.readFile`, {
      method: 'POST',
      headers: { 'X-Dossier-Token': host.token },
      body: '{}',
    })
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/has no action/)
  })
})

describe('results the dispatcher does not check again', () => {
  const current = useTaggedWorkspace()

  it('are exactly what their schema allows, with nothing extra to strip', async () => {
    const unchecked = methodNames.filter((m) => !api[m].checkOutput)
    expect(unchecked).toEqual(['articles.get', 'library.search'])
    const workspace = await Workspace.open(current.path)
    try {
      const handlers = handlersFor(workspace)
      for (const id of current.tagged.articleIds) {
        const result = await handlers['articles.get']({ id })
        expect(result.article.highlights.length + result.article.mentions.length).toBeGreaterThan(0)
        // Parsed, then compared: a field the schema does not know would be stripped and differ.
        expect(api['articles.get'].output.parse(result)).toEqual(result)
      }
      for (const query of [{}, { text: 'Russia' }, { text: '"North Korea" OR Kim', facets: true }]) {
        const result = await handlers['library.search'](api['library.search'].input.parse(query))
        expect(result.rows.length).toBeGreaterThan(0)
        expect(api['library.search'].output.parse(result)).toEqual(result)
      }
    } finally {
      await workspace.close()
    }
  })
})
