// The sandboxed preload: exposes `window.api`, one function per IPC channel plus `onEvent`, and
// nothing else (never ipcRenderer itself). It must build to ONE CommonJS file that requires only
// 'electron' (a sandboxed preload cannot load other files or packages), so it imports the
// zod-free channel list, never the contract's validators; types come from the contract.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNEL_NAMES, EVENT_CHANNEL } from '../shared/channels'
import type { Api, MainEvent } from '../shared/ipc-contract'

const invokers = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [channel, (arg?: unknown) => ipcRenderer.invoke(channel, arg)]),
)

const api = {
  ...invokers,
  onEvent(listener: (event: MainEvent) => void): () => void {
    // Only the event payload crosses over: the IpcRendererEvent (with `sender`) stays here.
    const wrapped = (_event: IpcRendererEvent, payload: MainEvent) => listener(payload)
    ipcRenderer.on(EVENT_CHANNEL, wrapped)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped)
    }
  },
} as Api

contextBridge.exposeInMainWorld('api', api)
