// The bridge the preload exposes: its type is derived from the one IPC contract, never restated.
import type { Api } from '../../shared/ipc-contract'

declare global {
  interface Window {
    api: Api
  }
}

export {}
