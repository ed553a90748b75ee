// The desktop shell: one instance, one locked-down window, the services wired to IPC. No business logic.
import { join } from 'node:path'
import { app, BrowserWindow, dialog, Menu, protocol, session, type OpenDialogOptions } from 'electron'
import { DossierError } from '../shared/errors'
import { ARTICLE_EXTENSIONS } from '../shared/formats'
import { createElectronPrinter } from './electron-printer'
import { APP_INDEX_URL, APP_ORIGIN_URL, APP_SCHEME, appResponse } from './host/app-protocol'
import { frameCheck, registerIpc, registerPathGrants } from './host/ipc'
import { isAllowedAppRequest } from './host/request-policy'
import { appPaths } from './paths'
import { createHandlers } from './services/dossier'
import { createExtractPool, type ExtractPool } from './services/import/extract-pool'
import { maxFileBytesFrom } from './services/import/importer'
import { PathGrants } from './services/import/path-grants'
import { resolveWorkspaceDir } from './services/store/location'
import { Workspace } from './services/store/workspace'

const { rendererDir, preloadFile, resourcesDir, samplesDir } = appPaths(import.meta.url)
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const appUrl = devServerUrl ?? APP_ORIGIN_URL

let mainWindow: BrowserWindow | undefined
let workspace: Workspace | undefined
let pool: ExtractPool | undefined

app.enableSandbox()
if (!app.requestSingleInstanceLock()) app.quit()
// The page's origin is app://dossier/, a secure, standard origin of its own rather than file://, which
// would share one origin with every file on the disk. Registered before ready, as Electron requires.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }])

/** Nothing but the app's own files may load: the app makes no network request. */
function lockDownSession(): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request))
  session.defaultSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedAppRequest(details, devServerUrl) }),
  )
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
}

/** Import files…: the chosen paths are what the analyst handed over, so the services may read them. */
async function chooseFiles(): Promise<string[]> {
  const options: OpenDialogOptions = {
    title: 'Import files',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Articles', extensions: [...ARTICLE_EXTENSIONS] },
      { name: 'All files', extensions: ['*'] },
    ],
  }
  const result = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? [] : result.filePaths
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
      // A middle click would open a link in a new window; there are no links to open.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(devServerUrl ?? APP_INDEX_URL)
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
  const grants = new PathGrants()
  const isAppFrame = frameCheck(() => mainWindow?.webContents, appUrl)
  const handlers = createHandlers({
    workspace,
    printer: createElectronPrinter(),
    host: 'electron',
    samplesDir,
    extractor: pool.extract,
    recognise: pool.recognise,
    maxFileBytes: maxFileBytesFrom(process.env),
    grants,
    chooseFiles,
  })
  registerIpc(handlers, isAppFrame)
  registerPathGrants(grants, isAppFrame)
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
