// The app:// request handler serves the renderer build folder and nothing else.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  createRendererRequestHandler,
  isAppUrl,
  resolveRendererFile,
} from '../../src/main/serve-renderer'

let tmp: string
let root: string
let handle: (request: Request) => Promise<Response>

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-serve-'))
  root = path.join(tmp, 'renderer')
  await mkdir(path.join(root, 'assets'), { recursive: true })
  await writeFile(path.join(root, 'index.html'), '<!doctype html>')
  await writeFile(path.join(root, 'assets', 'main.css'), 'body{}')
  await writeFile(path.join(tmp, 'secret.txt'), 'secret')
  await symlink(path.join(tmp, 'secret.txt'), path.join(root, 'assets', 'link.txt'))
  handle = createRendererRequestHandler(root)
})

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('createRendererRequestHandler', () => {
  it('serves files with their type and the CSP header', async () => {
    const response = await handle(new Request('app://marginalia/assets/main.css'))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('body{}')
    expect(response.headers.get('content-type')).toMatch(/^text\/css/)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('refuses a symlink that leads out of the folder', async () => {
    const response = await handle(new Request('app://marginalia/assets/link.txt'))
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('secret')
  })

  it('refuses writes', async () => {
    const response = await handle(new Request('app://marginalia/index.html', { method: 'POST' }))
    expect(response.status).toBe(405)
  })
})

describe('resolveRendererFile', () => {
  it('maps our URLs into the folder', () => {
    expect(resolveRendererFile(root, 'app://marginalia/')).toBe(path.join(root, 'index.html'))
    expect(resolveRendererFile(root, 'app://marginalia/assets/a%20b.js')).toBe(
      path.join(root, 'assets', 'a b.js'),
    )
  })

  it('refuses traversal, encoded separators, NUL, bad encoding and other hosts', () => {
    for (const url of [
      'app://marginalia/..%2F..%2Fetc%2Fpasswd',
      'app://marginalia/assets/..%5C..%5Csecret.txt',
      'app://marginalia/a%00.html',
      'app://marginalia/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(resolveRendererFile(root, url), url).toBeNull()
    }
  })

  it('never resolves outside the folder, whatever the path', () => {
    for (const url of ['app://marginalia/%2Fetc%2Fpasswd', 'app://marginalia/../../x']) {
      const file = resolveRendererFile(root, url)
      if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true)
    }
  })
})

describe('CSP and origin', () => {
  it('has no eval and no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/)
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("frame-src 'none'")
  })

  it('recognises only app://marginalia as ours', () => {
    expect(isAppUrl('app://marginalia/index.html')).toBe(true)
    expect(isAppUrl('app://evil/index.html')).toBe(false)
    expect(isAppUrl('https://marginalia/index.html')).toBe(false)
  })
})
