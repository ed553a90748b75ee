// The desktop transport: one ipcMain handler per contract method. A call is answered only when it
// comes from the app's own top-level frame; arguments are validated in dispatch.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { IPC_PREFIX, methodNames, PATH_GRANT_CHANNEL, type Handlers, type Reply } from '../../shared/api'
import type { PathGrants } from '../services/import/path-grants'
import { isAppPage } from './app-protocol'
import { dispatch } from './dispatch'

type SenderEvent = Pick<IpcMainEvent | IpcMainInvokeEvent, 'sender' | 'senderFrame'>

export function registerIpc(handlers: Handlers, isAppFrame: (event: SenderEvent) => boolean): () => void {
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

/**
 * Paths preload saw the analyst drop (see preload's pathForFile). Taken only from the app's own frame;
 * there is no reply, so nothing here tells a page whether a path exists.
 */
export function registerPathGrants(
  grants: PathGrants,
  isAppFrame: (event: SenderEvent) => boolean,
): () => void {
  const listener = (event: IpcMainEvent, path: unknown) => {
    if (isAppFrame(event) && typeof path === 'string' && path.length <= 4096) grants.grant(path)
  }
  ipcMain.on(PATH_GRANT_CHANNEL, listener)
  return () => ipcMain.removeListener(PATH_GRANT_CHANNEL, listener)
}

/** True for the main frame of `contents` showing a page of the app (`appUrl`: app://dossier/, or the dev server). */
export function frameCheck(contents: () => WebContents | undefined, appUrl: string) {
  return (event: SenderEvent): boolean => {
    const frame = event.senderFrame
    const window = contents()
    return Boolean(
      frame &&
      window &&
      event.sender === window &&
      frame === window.mainFrame &&
      isAppPage(frame.url, appUrl),
    )
  }
}
