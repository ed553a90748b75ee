// The desktop transport: one ipcMain handler per contract method. A call is answered only when it
// comes from the app's own top-level frame; arguments are validated in dispatch.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { IPC_PREFIX, methodNames, type Handlers, type Reply } from '../../shared/api'
import { dispatch } from './dispatch'

export function registerIpc(
  handlers: Handlers,
  isAppFrame: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const method of methodNames) {
    ipcMain.handle(IPC_PREFIX + method, async (event, args: unknown): Promise<Reply<unknown>> => {
      if (!isAppFrame(event)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'This window may not use Dossier’s actions.' },
        }
      }
      return dispatch(handlers, method, args)
    })
  }
  return () => methodNames.forEach((method) => ipcMain.removeHandler(IPC_PREFIX + method))
}

/** True for the main frame of `contents` showing a page under `appUrl` (the built renderer). */
export function frameCheck(contents: () => WebContents | undefined, appUrl: string) {
  return (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame
    const window = contents()
    return Boolean(
      frame &&
      window &&
      event.sender === window &&
      frame === window.mainFrame &&
      frame.url.startsWith(appUrl),
    )
  }
}
