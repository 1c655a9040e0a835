// Subscribes to the events main sends (menu commands, flush requests, progress, project changes).
// The listener is read through a ref so subscribing happens once, not on every render.
import { useEffect } from 'react'
import type { Api, MainEvent } from '../../../shared/ipc-contract'
import { useLatest } from './use-latest'

/** Calls the latest `listener` for every event from main while the component is mounted. */
export function useMainEvents(api: Api, listener: (event: MainEvent) => void): void {
  const ref = useLatest(listener)
  useEffect(() => api.onEvent((event) => ref.current(event)), [api, ref])
}
