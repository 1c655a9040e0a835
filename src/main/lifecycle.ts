// Quit and close without losing edits. The renderer holds the last second of edits (autosave
// debounce), so before the window closes or the app quits main asks it to flush
// (`{type: 'flush-request'}`) and holds the close/quit until it answers `app:flushed` (or a
// timeout passes), then closes the project store, which waits for its writes to reach the disk.
// Windows shutdown does not emit `before-quit`, so `query-session-end` (which may be delayed) and
// `session-end` (which may not) get the same treatment, the latter best-effort.
import { app, type BrowserWindow } from 'electron'
import type { AppSession } from './session'
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
): Lifecycle {
  let phase: Phase = 'running'

  const rememberBounds = (win: BrowserWindow) => {
    if (!win.isDestroyed()) void session.saveWindowState(windowStateOf(win)).catch(logError)
  }

  const shutdown = async () => {
    phase = 'flushing'
    try {
      const win = getWindow()
      if (win && !win.isDestroyed()) {
        // Ask the renderer first (it has the most to write); save the bounds meanwhile.
        const bounds = session.saveWindowState(windowStateOf(win)).catch(logError)
        await session.requestFlush()
        await bounds
      }
      await session.dispose()
    } catch (error) {
      logError(error)
    } finally {
      phase = 'done'
    }
  }

  app.on('before-quit', (event) => {
    if (phase === 'done') return
    event.preventDefault()
    if (phase === 'flushing') return
    // shutdown() never rejects (it logs), so the quit always follows.
    void shutdown().then(() => app.quit())
  })

  return {
    get quitting() {
      return phase !== 'running'
    },
    watchWindow(win) {
      let closeAllowed = false
      win.on('close', (event) => {
        if (closeAllowed || phase !== 'running') return
        event.preventDefault()
        rememberBounds(win)
        void session
          .requestFlush()
          .catch(logError)
          .finally(() => {
            closeAllowed = true
            if (!win.isDestroyed()) win.close()
          })
      })
      win.on('query-session-end', (event) => {
        // Delay the shutdown while we flush; app.quit then lets it proceed.
        if (phase !== 'running') return
        event.preventDefault()
        app.quit()
      })
      win.on('session-end', () => {
        // Cannot be delayed: start the flush and the close, and hope the OS gives them time.
        if (phase === 'running') void shutdown() // never rejects: it logs
      })
    },
  }
}

function logError(error: unknown): void {
  console.error('[marginalia]', error)
}
