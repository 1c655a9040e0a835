// The benchmark's server of the built renderer's files: a plain HTTP server on localhost, in a
// worker thread of its own, holding every file in memory. Why: the e2e harness serves the files
// through Playwright routes (renderer-route.ts), that is, in the harness's own Node event loop, the
// one that also answers window.api; at start-up the 1.6 MB app chunk went out (read, base64, the
// debugger protocol) while document:load was being answered, and the load's round trip varied with
// that (1.3 s against 0.7). In Electron the app:// files do not queue behind IPC answers either.
// Here no static file is ever read or sent by the thread that answers window.api, for the app and
// the floor page alike. http://localhost is a secure context, as app:// and the harness's
// https://marginalia.test are. The same CSP header as main's is sent; nothing is cached.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { CONTENT_SECURITY_POLICY } from '../../src/main/serve-renderer'

/** A running server: its page's URL, and how to stop it. */
export interface StaticServer {
  url: string
  close(): Promise<void>
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

// Runs in the worker: answers GET /<file> from the map it was given, 404 otherwise.
const WORKER = `
const http = require('node:http')
const { parentPort, workerData } = require('node:worker_threads')
const files = new Map(workerData.files.map((f) => [f.name, f]))
const server = http.createServer((req, res) => {
  const name = decodeURIComponent(new URL(req.url, 'http://x').pathname)
  const file = files.get(name === '/' ? '/index.html' : name)
  if (!file) { res.writeHead(404); res.end(); return }
  res.writeHead(200, {
    'content-type': file.type,
    'content-length': file.body.length,
    'content-security-policy': workerData.csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  })
  res.end(file.body)
})
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port))
`

async function filesUnder(root: string, dir = root): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await filesUnder(root, full)))
    else out.push(full)
  }
  return out
}

/**
 * Serves every file under `rendererDir` (and `extra`, by path from the root, which replace files of
 * the same name) from memory, on http://localhost:<port>.
 */
export async function startStaticServer(
  rendererDir: string,
  extra: Record<string, string> = {},
): Promise<StaticServer> {
  const files = new Map<string, { name: string; type: string; body: Uint8Array }>()
  const add = (name: string, body: Uint8Array) =>
    files.set(name, {
      name,
      type: MIME[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
      body,
    })
  for (const file of await filesUnder(rendererDir))
    add('/' + path.relative(rendererDir, file).split(path.sep).join('/'), await readFile(file))
  for (const [name, text] of Object.entries(extra)) add('/' + name, Buffer.from(text))
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { files: [...files.values()], csp: CONTENT_SECURITY_POLICY },
  })
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  worker.unref()
  return {
    url: `http://localhost:${port}/index.html`,
    close: async () => {
      await worker.terminate()
    },
  }
}
