// Build of the three parts of the app with electron-vite, into out/:
//   out/main/index.js      main process, ES module ("type": "module"); dependencies stay external
//                          and are imported from node_modules at run time (lowdb is ESM-only, which
//                          an ES-module main imports natively).
//   out/main/task-worker.js  the worker thread that runs exports and annotation imports.
//   out/preload/index.cjs  the sandboxed preload: ONE CommonJS file whose only require is
//                          'electron' (sandboxed preloads cannot load ES modules, other files or
//                          packages); test/preload checks the built file.
//   out/renderer/          the React page, with relative asset URLs, served on app://.
// MARGINALIA_SKIP_RENDERER=1 builds main and preload only (the main-process tests use it, so they
// do not depend on the renderer being buildable at that moment).
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

const skipRenderer = process.env['MARGINALIA_SKIP_RENDERER'] === '1'

// `electron-vite dev` only: React Fast Refresh injects an inline script and Vite's HMR uses a
// websocket, both of which the page's strict CSP meta tag blocks. Loosen the tag on the dev
// server; production builds keep it as written (and main sends the same policy as a header).
function devServerCsp(): Plugin {
  return {
    name: 'marginalia:dev-server-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*")
    },
  }
}

export default defineConfig({
  main: {
    build: {
      // ECharts (with zrender and tslib) is hundreds of small ES modules: bundled into the report's
      // chunk it loads in a tenth of the time (see scripts/build-cli.mjs).
      externalizeDeps: { exclude: ['echarts', 'zrender', 'tslib'] },
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The document-import worker thread (worker/run-imports.ts finds it beside index.js).
          'import-worker': resolve('src/main/core/import/worker/import-worker.ts'),
          // The worker thread of exports and annotation imports (workers/start-worker.ts finds
          // it beside index.js).
          'task-worker': resolve('src/main/core/workers/task-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Bundle everything the preload imports (nothing from node_modules is allowed at run time).
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  ...(skipRenderer
    ? {}
    : {
        renderer: {
          // root (src/renderer), base ('./' in production builds, so assets load from app://)
          // and the index.html input are electron-vite's defaults; not restating them keeps
          // `--outDir` working (a custom root would make it resolve inside src/renderer).
          plugins: [react(), devServerCsp()],
          build: { outDir: 'out/renderer' },
          // The suggestion engine's Web Worker (src/renderer/src/suggestions/worker) is emitted as
          // an ES module file of its own under assets/, which the CSP's worker-src 'self' allows.
          worker: { format: 'es' },
        },
      }),
})
