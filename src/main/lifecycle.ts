// Quit and close without losing edits. The renderer holds the last second of edits (autosave
// debounce), so before the window closes or the app quits main asks it to flush
// (`{type: 'flush-request'}`) and holds the close/quit until it answers `app:flushed` (or a
// timeout passes), then closes the project store, which waits for its writes to reach the disk.
// When the answer says the last save failed, the window stays and the user chooses: Retry, Save a
// copy elsewhere, Quit anyway, or Cancel (unsaved-guard.ts).
// Windows shutdown does not emit `before-quit`, so `query-session-end` (which may be delayed) and
// `session-end` (which may not) get the same treatment, the latter best-effort.
import { app, type BrowserWindow } from 'electron'
import type { AppSession } from './session'
import { flushBeforeClose, type UnsavedDialogs } from './unsaved-guard'
import { windowStateOf } from './window'

type Phase = 'running' | 'flushing' | 'done'

export interface Lifecycle {
  /** Installs the close guard and session-end handlers on a (new) main window. */
  watchWindow(win: BrowserWindow): void
  /** Whether the app is quitting (the window may then close without its own flush). */
  readonly quitting: boolean
}

/** Wires `before-quit` to flush the renderer and close the project before the app exits. */
export function setupLifecycle(
  session: AppSession,
  getWindow: () => BrowserWindow | null,
  dialogs: UnsavedDialogs,
): Lifecycle {
  let phase: Phase = 'running'

  /** Flushes and closes the project; false (and running again) when the user kept the window. */
  const shutdown = async (ask = true): Promise<boolean> => {
    phase = 'flushing'
    try {
      const win = getWindow()
      if (win && !win.isDestroyed()) {
        // Ask the renderer first (it has the most to write); save the bounds meanwhile.
        const bounds = session.saveWindowState(windowStateOf(win)).catch(logError)
        let go = true
        if (ask) go = await flushBeforeClose(session, dialogs, 'quit')
        else await session.requestFlush()
        await bounds
        if (!go) {
          phase = 'running'
          return false
        }
      }
      await session.dispose()
    } catch (error) {
      logError(error)
    }
    phase = 'done'
    return true
  }

  app.on('before-quit', (event) => {
    if (phase === 'done') return
    event.preventDefault()
    if (phase === 'flushing') return
    // shutdown() never rejects (it logs); it says whether to quit (the user may keep the window).
    void shutdown().then((quit) => quit && app.quit())
  })

  return {
    get quitting() {
      return phase !== 'running'
    },
    watchWindow(win) {
      guardClose(win, session, dialogs, () => phase === 'running')
      win.on('query-session-end', (event) => {
        // Delay the shutdown while we flush; app.quit then lets it proceed.
        if (phase !== 'running') return
        event.preventDefault()
        app.quit()
      })
      win.on('session-end', () => {
        // Cannot be delayed, nor asked about: start the flush and the close, and hope the OS
        // gives them time. shutdown() never rejects: it logs.
        if (phase === 'running') void shutdown(false)
      })
    },
  }
}

/**
 * A window's close first flushes the renderer (asking about a failed save) while the app runs;
 * the close goes ahead once that answers, unless the user kept the window.
 */
function guardClose(
  win: BrowserWindow,
  session: AppSession,
  dialogs: UnsavedDialogs,
  running: () => boolean,
): void {
  let closeAllowed = false
  // A second close while the first waits for the renderer (or the user) does not ask again.
  let closing = false
  win.on('close', (event) => {
    if (closeAllowed || !running()) return
    event.preventDefault()
    if (closing) return
    closing = true
    if (!win.isDestroyed()) void session.saveWindowState(windowStateOf(win)).catch(logError)
    void flushBeforeClose(session, dialogs, 'close')
      .catch((error: unknown) => {
        logError(error)
        return true
      })
      .then((go) => {
        closing = false
        if (!go || win.isDestroyed()) return
        closeAllowed = true
        win.close()
      })
  })
}

function logError(error: unknown): void {
  console.error('[marginalia]', error)
}
