// ipcMain registration: one `handle` per channel of the contract and no other. Each message is
// first checked to come from our window's main frame showing our own page (a navigated or
// injected frame gets nothing), then validated and dispatched (ipc-dispatch.ts).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, type Handlers } from '../shared/ipc-contract'
import { dispatch } from './ipc-dispatch'

/**
 * Whether an IPC message comes from `win`'s top frame showing one of our pages. `isOurUrl`
 * decides which URLs are ours (app:// in production, the dev server in development).
 */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  win: BrowserWindow | null,
  isOurUrl: (url: string) => boolean,
): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false
  const frame = event.senderFrame
  // The top frame only (subframes are blocked by the CSP anyway); compared by parent, not by object
  // identity, which Electron does not promise for WebFrameMain wrappers.
  if (!frame || frame.parent !== null) return false
  return isOurUrl(frame.url)
}

/** Registers a handler for every channel; `isTrusted` vets each message's sender first. */
export function registerIpc(
  handlers: Handlers,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, arg: unknown) => {
      if (!isTrusted(event)) {
        throw new Error(`${channel}: refused: the message does not come from the Marginalia window`)
      }
      return dispatch(handlers, channel, arg)
    })
  }
}
