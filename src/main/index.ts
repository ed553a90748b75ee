// The desktop shell: one instance, one locked-down window, the services wired to IPC. No business logic.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, Menu, session } from 'electron'
import { DossierError } from '../shared/errors'
import { createElectronPrinter } from './electron-printer'
import { frameCheck, registerIpc } from './host/ipc'
import { appPaths } from './paths'
import { createHandlers } from './services/dossier'
import { createExtractPool, type ExtractPool } from './services/import/extract-pool'
import { maxFileBytesFrom } from './services/import/importer'
import { resolveWorkspaceDir } from './services/store/location'
import { Workspace } from './services/store/workspace'

const { rendererDir, preloadFile, resourcesDir, samplesDir } = appPaths(import.meta.url)
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const appUrl = devServerUrl ?? pathToFileURL(join(rendererDir, 'index.html')).href

let mainWindow: BrowserWindow | undefined
let workspace: Workspace | undefined
let pool: ExtractPool | undefined

app.enableSandbox()
if (!app.requestSingleInstanceLock()) app.quit()

/** Nothing but the app's own files (and the inline PDF page) may load: the app makes no network request. */
function lockDownSession(): void {
  const allowed = (url: string) =>
    url.startsWith('file:') ||
    url.startsWith('data:') ||
    url.startsWith('devtools:') ||
    (devServerUrl !== undefined && url.startsWith(devServerUrl))
  session.defaultSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !allowed(details.url) }),
  )
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Dossier',
    icon: join(resourcesDir, 'icon.png'),
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.once('ready-to-show', () => window.show())
  void (devServerUrl ? window.loadURL(devServerUrl) : window.loadFile(join(rendererDir, 'index.html')))
  return window
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin'
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(isMac ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      // No undo/redo items: their accelerators would take Ctrl+Z from the page, whose undo covers
      // highlights and tags (text fields keep their own undo).
      {
        label: 'Edit',
        submenu: [
          { role: 'cut' },
          { role: 'copy' },
          { role: 'paste' },
          { type: 'separator' },
          { role: 'selectAll' },
        ],
      },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  )
}

async function start(): Promise<void> {
  const dir = resolveWorkspaceDir(process.argv, process.env)
  try {
    workspace = await Workspace.open(dir)
  } catch (error) {
    dialog.showErrorBox(
      'Dossier cannot open its workspace',
      error instanceof DossierError ? error.message : String(error),
    )
    app.exit(1)
    return
  }
  pool = createExtractPool(new URL('./extract-worker.js', import.meta.url))
  const handlers = createHandlers({
    workspace,
    printer: createElectronPrinter(),
    host: 'electron',
    samplesDir,
    extractor: pool.extract,
    maxFileBytes: maxFileBytesFrom(process.env),
  })
  registerIpc(
    handlers,
    frameCheck(() => mainWindow?.webContents, appUrl),
  )
  lockDownSession()
  buildMenu()
  mainWindow = createWindow()
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore()
  mainWindow?.focus()
})

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})

app.on('window-all-closed', () => app.quit())

let closing = false
app.on('before-quit', (event) => {
  if (closing || !workspace) return
  event.preventDefault()
  closing = true
  Promise.allSettled([pool?.close(), workspace.close()]).finally(() => app.quit())
})

void app.whenReady().then(start)
