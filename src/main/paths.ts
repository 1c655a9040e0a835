// Where things are at run time. The app folder is read-only when packaged, so everything written
// goes to `userData`; the sample project comes from `resources/` (copied into the packaged app as
// an extra resource: see docs/PACKAGING.md).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app } from 'electron'

export interface AppPaths {
  userDataDir: string
  /** The built renderer (out/renderer), served on app://. */
  rendererDir: string
  /** The built sandboxed preload, one CommonJS file. */
  preloadFile: string
  sampleProjectDir: string
  /** The Vite dev server URL in `electron-vite dev`; null otherwise (and always when packaged). */
  devServerUrl: string | null
}

/** Resolves the run-time paths of this build. */
export function resolveAppPaths(): AppPaths {
  // Built main is out/main/index.js; the preload and renderer are its siblings under out/.
  const here = path.dirname(fileURLToPath(import.meta.url))
  const resources = app.isPackaged
    ? process.resourcesPath
    : path.join(app.getAppPath(), 'resources')
  const dev = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
  return {
    userDataDir: app.getPath('userData'),
    rendererDir: path.join(here, '..', 'renderer'),
    preloadFile: path.join(here, '..', 'preload', 'index.cjs'),
    sampleProjectDir: path.join(resources, 'sample-project'),
    devServerUrl: dev && /^https?:\/\//.test(dev) ? dev : null,
  }
}
