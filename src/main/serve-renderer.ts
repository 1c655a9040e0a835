// Serves the built renderer over our custom `app://` scheme (Electron's security guide prefers a
// custom protocol to file://, which would give the page read access to the whole disk). Only files
// under the renderer's build folder are served: the decoded path is resolved and must stay inside
// it (`..`, encoded separators, absolute paths and symlinks out are refused). Every response carries
// the strict Content-Security-Policy. No Electron here, so it is tested directly.
import { readFile, realpath } from 'node:fs/promises'
import path from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'marginalia'
/** The URL the window loads in production. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** The page's Content-Security-Policy: nothing remote, no eval, no inline script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The suggestion engine's Web Worker, a script file of the renderer's own build (no blob: URLs).
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ')

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

/** Whether `url` is a page of ours (served by this protocol). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false
  }
}

/**
 * The file under `rootDir` that `url` names, or null when the URL is not ours or would leave the
 * folder. Pure path logic; symlinks are checked when the file is read.
 */
export function resolveRendererFile(rootDir: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let relative: string
  try {
    relative = decodeURIComponent(parsed.pathname)
  } catch {
    return null // malformed percent-encoding
  }
  if (relative.includes('\0') || relative.includes('\\')) return null
  if (relative.split('/').some((segment) => segment === '..')) return null
  if (relative === '/' || relative === '') relative = '/index.html'
  const root = path.resolve(rootDir)
  const file = path.resolve(root, `.${relative}`)
  const rel = path.relative(root, file)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null
  return file
}

function notFound(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() },
  })
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
}

/** Builds the `protocol.handle` callback that serves files of `rootDir` (the built renderer). */
export function createRendererRequestHandler(
  rootDir: string,
): (request: Request) => Promise<Response> {
  const rootReal = realpath(path.resolve(rootDir)).catch(() => path.resolve(rootDir))
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405, 'Not allowed')
    const file = resolveRendererFile(rootDir, request.url)
    if (!file) return notFound(403, 'Forbidden')
    let body: Uint8Array
    try {
      // A symlink inside the folder must not lead out of it.
      const real = await realpath(file)
      const rel = path.relative(await rootReal, real)
      if (rel.startsWith('..') || path.isAbsolute(rel)) return notFound(403, 'Forbidden')
      body = await readFile(real)
    } catch {
      return notFound(404, 'Not found')
    }
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { 'Content-Type': type, ...securityHeaders() },
    })
  }
}
