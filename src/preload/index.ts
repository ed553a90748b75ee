// The bridge: exposes exactly the contract's methods as `window.dossier`, and the one desktop function
// that turns a dropped File into its path. No ipcRenderer, no Node, no generic send.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { buildClient, IPC_PREFIX, PATH_GRANT_CHANNEL, type Reply } from '../shared/api'

const dossier = buildClient(async (method, args) => {
  const reply = (await ipcRenderer.invoke(IPC_PREFIX + method, args)) as Reply<unknown>
  // Only the message crosses contextBridge on a rejected promise; it is the sentence the user sees.
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.result
})

contextBridge.exposeInMainWorld('dossier', dossier)
contextBridge.exposeInMainWorld('dossierDesktop', {
  // getPathForFile yields a path only for a real file the analyst dropped or chose, never for one the
  // page made; main is told before the page can ask to import it (IPC messages keep their order), and
  // honours import.paths only for such paths. The page cannot send a path of its own choosing.
  pathForFile: (file: File): string => {
    const path = webUtils.getPathForFile(file)
    if (path) ipcRenderer.send(PATH_GRANT_CHANNEL, path)
    return path
  },
})
