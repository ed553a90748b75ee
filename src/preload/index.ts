// The bridge: exposes exactly the contract's methods as `window.dossier`, and the one desktop helper
// that turns a dropped File into its path. No ipcRenderer, no Node, no generic send.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { buildClient, IPC_PREFIX, type Reply } from '../shared/api'

const dossier = buildClient(async (method, args) => {
  const reply = (await ipcRenderer.invoke(IPC_PREFIX + method, args)) as Reply<unknown>
  // Only the message crosses contextBridge on a rejected promise; it is the sentence the user sees.
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.result
})

contextBridge.exposeInMainWorld('dossier', dossier)
contextBridge.exposeInMainWorld('dossierDesktop', {
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
})
