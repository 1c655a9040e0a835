// Serves the built renderer to Chromium on a fixed origin through `context.route`, the way main
// serves it through its custom protocol: only files under out/renderer, never `..`, and with the
// same Content-Security-Policy header, so a script smuggled into an article is blocked here too.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { BrowserContext } from '@playwright/test'
import { RENDERER_DIR } from './paths'
import { CONTENT_SECURITY_POLICY } from '../../src/main/serve-renderer'

/**
 * The origin the renderer is served from in Chromium mode (never resolved through DNS). HTTPS makes
 * it a secure context, as main's privileged app:// scheme is (crypto.randomUUID needs one).
 */
export const APP_ORIGIN = 'https://marginalia.test'

/** The page the harness opens. */
export const APP_URL = `${APP_ORIGIN}/index.html`

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

/**
 * Routes every request of `context`: files of the built renderer on APP_ORIGIN are served with the
 * CSP header; anything else (a remote image in an article, say) is aborted, as offline main does.
 * `missing` (a test's damaged install) names files answered as not found, asked per request.
 */
export async function serveRenderer(
  context: BrowserContext,
  rendererDir = RENDERER_DIR,
  missing?: (relative: string) => boolean,
) {
  const root = path.resolve(rendererDir)
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== APP_ORIGIN) return route.abort('blockedbyclient')
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    if (missing?.(relative)) return route.fulfill({ status: 404, body: `not found: ${relative}` })
    const file = path.resolve(root, '.' + relative)
    if (file !== root && !file.startsWith(root + path.sep)) return route.fulfill({ status: 403 })
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return route.fulfill({ status: 404, body: `not found: ${relative}` })
    }
    return route.fulfill({
      status: 200,
      body,
      headers: {
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    })
  })
}
