// Registers the `app://` scheme that serves the renderer. Privileges must be granted before the app
// is ready (Electron only reads them at startup), so `registerAppScheme` runs when index.ts is
// first evaluated; the handler itself can only be installed once the app is ready.
import { protocol } from 'electron'
import { APP_SCHEME, createRendererRequestHandler } from './serve-renderer'

/**
 * Declares `app://` a standard, secure scheme (relative URLs, localStorage, fetch and ES modules
 * work as on https). Must be called before the app's `ready` event. No `bypassCSP`.
 *
 * `codeCache`: Chromium keeps V8's compiled code of the scripts it loads from the scheme, as it does
 * for https, so from the second start on the page's script (the 1.6 MB mount chunk, unminified)
 * is not compiled again (Electron allows it on standard schemes only; off by default for custom
 * ones).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        codeCache: true,
      },
    },
  ])
}

/** Serves the built renderer folder on `app://marginalia/`. Call after `ready`. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createRendererRequestHandler(rendererDir))
}
