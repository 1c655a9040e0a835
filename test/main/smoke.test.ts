// Smoke test of the BUILT main process without Electron (see ELECTRON-NOTES #6): the bundle is
// loaded in a child Node process with a stand-in `electron` that records every call
// (fixtures/fake-electron.ts), `ready` is fired, and the window, protocol, IPC, menu and quit
// paths are exercised (fixtures/smoke-runner.ts). This is the closest we get to launching the app
// here, and it also proves the ES-module bundle loads lowdb and the core without ERR_REQUIRE_ESM.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocumentFile } from '../../src/main/core/import'
import { LOCK_FILE, ProjectStore } from '../../src/main/core/storage'
import { CHANNELS } from '../../src/shared/ipc-contract'
import { buildMainAndPreload, REPO_ROOT } from './electron-build'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Observed = Record<string, any>

const INDEX_HTML = '<!doctype html><title>fixture</title>'
const SECRET = 'SECRET-OUTSIDE-THE-RENDERER-FOLDER'

let outDir = ''
let tmp = ''
let observed: Observed = {}

beforeAll(async () => {
  outDir = await buildMainAndPreload()
  // A stand-in renderer build beside the built main, and a file just outside it.
  await mkdir(path.join(outDir, 'renderer', 'assets'), { recursive: true })
  await writeFile(path.join(outDir, 'renderer', 'index.html'), INDEX_HTML)
  await writeFile(path.join(outDir, 'renderer', 'assets', 'app.js'), 'export {}\n')
  await writeFile(path.join(outDir, 'secret.txt'), SECRET)

  // The app folder with resources/sample-project, as `app.getAppPath()` sees it in development.
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-smoke-'))
  const sample = path.join(tmp, 'app', 'resources', 'sample-project')
  const store = await ProjectStore.create(sample, { name: 'Sample' })
  await store.addDocument(
    importDocumentFile('article.txt', new TextEncoder().encode('A claim.\n\nA source said so.')),
  )
  await store.close()
  await mkdir(path.join(tmp, 'userData'))
  await mkdir(path.join(tmp, 'documents'))

  const fixtures = path.join(REPO_ROOT, 'test', 'main', 'fixtures')
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      path.join(fixtures, 'register-fake-electron.ts'),
      path.join(fixtures, 'smoke-runner.ts'),
      path.join(outDir, 'main', 'index.js'),
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        // Electron's default profile folder; main must use MARGINALIA_USER_DATA_DIR instead.
        SMOKE_USER_DATA: path.join(tmp, 'default-profile'),
        MARGINALIA_USER_DATA_DIR: path.join(tmp, 'userData'),
        SMOKE_DOCUMENTS: path.join(tmp, 'documents'),
        SMOKE_APP_PATH: path.join(tmp, 'app'),
        ELECTRON_RENDERER_URL: '',
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  const line = stdout.split('\n').find((l) => l.startsWith('SMOKE_RESULT '))
  if (!line) throw new Error(`the smoke runner printed no result:\n${stdout}`)
  observed = JSON.parse(line.slice('SMOKE_RESULT '.length)) as Observed
}, 180_000)

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true })
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

describe('built main process, loaded with a stand-in electron', () => {
  it('registers app:// as a privileged scheme before ready, and handles it after', () => {
    expect(observed['registeredBeforeReady']).toEqual([
      {
        schemes: [
          {
            scheme: 'app',
            // codeCache: V8 keeps the page's compiled scripts between starts (standard schemes only)
            privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }),
          },
        ],
        readyAtCall: false,
      },
    ])
    expect(observed['registeredBeforeReady'][0].schemes[0].privileges.bypassCSP).toBeFalsy()
    expect(observed['handlersBeforeReady']).toBe(0)
    expect(observed['protocolHandlers']).toEqual([{ scheme: 'app', readyAtCall: true }])
  })

  it('creates one window, only after ready, with the secure web preferences', () => {
    expect(observed['windowsBeforeReady']).toBe(0)
    expect(observed['windowCount']).toBe(1)
    const prefs = observed['webPreferences']
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.webSecurity).not.toBe(false)
    expect(prefs.allowRunningInsecureContent).not.toBe(true)
    expect(prefs.webviewTag).not.toBe(true)
    // A middle click on a link is a navigation path the will-navigate guard does not see.
    expect(prefs.disableBlinkFeatures).toBe('Auxclick')
  })

  it('points the window at the built CommonJS preload and loads the app:// page', () => {
    expect(observed['webPreferences'].preload).toBe(path.join(outDir, 'preload', 'index.cjs'))
    expect(observed['preloadExists']).toBe(true)
    expect(observed['loadedUrl']).toBe('app://marginalia/index.html')
  })

  it('registers a handler for every channel of the contract and no other', () => {
    expect([...observed['ipcChannels']].sort()).toEqual([...CHANNELS].sort())
    expect(observed['duplicateIpcChannels']).toEqual([])
  })

  it('prevents navigation and offers only http(s) links to the browser, after confirming', () => {
    const nav = observed['navigation']
    expect(nav.webPrevented).toBe(true)
    expect(nav.filePrevented).toBe(true)
    expect(nav.confirmations).toBe(1)
    expect(nav.openedExternal).toEqual(['https://example.org/article'])
  })

  it('denies window.open and webviews', () => {
    expect(observed['windowOpen']).toEqual({
      web: { action: 'deny' },
      js: { action: 'deny' },
      app: { action: 'deny' },
    })
    expect(observed['webviewPrevented']).toBe(true)
  })

  it('refuses every permission request', () => {
    expect(observed['permissionRequest']).toBe(false)
    expect(observed['permissionCheck']).toBe(false)
  })

  it('serves the renderer folder with the CSP, and nothing outside it', () => {
    const byUrl = new Map<string, Observed>(
      observed['protocol'].map((r: Observed) => [r['url'], r]),
    )
    const index = byUrl.get('app://marginalia/index.html')!
    expect(index.status).toBe(200)
    expect(index.body).toBe(INDEX_HTML)
    expect(index.type).toMatch(/^text\/html/)
    expect(byUrl.get('app://marginalia/')!.body).toBe(INDEX_HTML)
    expect(byUrl.get('app://marginalia/assets/app.js')!.type).toMatch(/^text\/javascript/)
    for (const response of byUrl.values()) {
      expect(response.csp, response.url).toContain("script-src 'self'")
      expect(response.csp, response.url).toContain("object-src 'none'")
      expect(response.csp, response.url).not.toMatch(/unsafe-eval|https?:/)
      expect(response.body, response.url).not.toContain(SECRET)
    }
    for (const url of [
      'app://marginalia/..%2Fsecret.txt',
      'app://marginalia/assets/..%2F..%2Fsecret.txt',
      'app://marginalia/assets/..%5C..%5Csecret.txt',
      'app://elsewhere/index.html',
    ]) {
      expect(byUrl.get(url)!.status, url).toBe(403)
    }
    expect(byUrl.get('app://marginalia/missing.js')!.status).toBe(404)
  })

  it('answers IPC only from our window, validating payloads', () => {
    const ipc = observed['ipc']
    expect(ipc.settingsOk).toEqual({
      ok: true,
      value: expect.objectContaining({ snapToWords: false }),
    })
    expect(ipc.settingsInvalid.ok).toBe(false)
    expect(ipc.settingsInvalid.error).toMatch(/^settings:set: invalid argument: snapToWords/)
    for (const refused of ['foreignFrame', 'subFrame', 'otherSender', 'noFrame']) {
      expect(ipc[refused].ok, refused).toBe(false)
      expect(ipc[refused].error, refused).toMatch(/refused/)
    }
    expect(ipc.rawPath.ok).toBe(false)
    expect(ipc.rawPath.error).toMatch(/^project:open-recent: refused path/)
  })

  it('imports HTML and PDF through the built import worker', () => {
    const { ok, value } = observed['ipc'].importData
    expect(ok).toBe(true)
    expect(value.errors).toEqual([])
    expect(value.added.map((a: Observed) => [a['file'], a['title']])).toEqual([
      ['deep.html', 'deep'],
      ['two-column-report.pdf', 'The Wend crossing: costs, risks and the road ahead'],
    ])
    expect(value.notes).toEqual([
      { file: 'deep.html', message: expect.stringMatching(/^the page nests elements more than/) },
    ])
  })

  it('installs the sample from resources into userData on the first app:init', () => {
    const init = observed['ipc'].init
    expect(init.ok).toBe(true)
    expect(init.value.error).toBeNull()
    expect(init.value.snapshot.path).toBe(
      path.join(tmp, 'userData', 'projects', 'Sample — Russia–North Korea'),
    )
    expect(init.value.snapshot.documents).toHaveLength(1)
  })

  it('builds File, Edit, View, Window and Help menus; Edit commands go to the renderer', () => {
    const menu: Observed[] = observed['menu']
    expect(menu.map((m) => m['label'] ?? m['role'])).toEqual(
      process.platform === 'darwin'
        ? ['appMenu', 'File', 'Edit', 'View', 'windowMenu', 'help']
        : ['File', 'Edit', 'View', 'windowMenu', 'help'],
    )
    const file = menu.find((m) => m['label'] === 'File')!['submenu'] as Observed[]
    expect(file.map((i) => i['label']).filter(Boolean)).toEqual(
      expect.arrayContaining([
        'New Project…',
        'Open Project…',
        'Open Recent',
        'Import Documents…',
        'Export Dataset',
        'Close Project',
      ]),
    )
    const recent = file.find((i) => i['label'] === 'Open Recent')!['submenu'] as Observed[]
    expect(recent[0]['label']).toContain('Sample — Russia–North Korea')
    const view = menu.find((m) => m['label'] === 'View')!['submenu'] as Observed[]
    expect(view.map((i) => i['role'])).toContain('toggleDevTools') // not packaged
    const help = menu.find((m) => m['role'] === 'help')!['submenu'] as Observed[]
    expect(help.map((i) => i['role'])).toContain('about')
    expect(observed['menuEvents']).toEqual([
      { type: 'menu', command: 'undo' },
      { type: 'menu', command: 'redo' },
      { type: 'menu', command: 'import' },
      { type: 'menu', command: 'export-csv' },
    ])
  })

  it('holds a window close until the renderer has flushed', () => {
    expect(observed['close']).toEqual({ held: true, askedFlush: true, closedAfterFlush: true })
  })

  it('holds quit until app:flushed, then closes the project (lock released) and quits', async () => {
    expect(observed['quit']).toMatchObject({
      held: true,
      askedFlush: true,
      stillHeldOnRepeat: true,
      quitAfterFlush: true,
      finalAllowed: true,
    })
    const project = path.join(tmp, 'userData', 'projects', 'Sample — Russia–North Korea')
    expect(existsSync(path.join(project, LOCK_FILE))).toBe(false)
    const state = JSON.parse(await readFile(path.join(tmp, 'userData', 'app-state.json'), 'utf8'))
    expect(state.lastProject).toBe(project)
    expect(state.window).toMatchObject({ width: 1000, height: 700, maximized: false })
  })

  it('never failed to start', () => {
    expect(observed['errorBoxes']).toEqual([])
    expect(observed['exitCalls']).toEqual([])
  })
})
