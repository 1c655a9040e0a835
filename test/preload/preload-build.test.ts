// The sandboxed preload must be ONE CommonJS file whose only require is 'electron' (ELECTRON-NOTES
// #1): a sandboxed preload cannot load ES modules, other files or packages, and Electron reports
// that only in the user's console. So this builds the preload with the project's config and checks
// the file itself, then runs it the way the sandbox does: a `require` that knows only 'electron'.
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import vm from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, EVENT_CHANNEL } from '../../src/shared/ipc-contract'
import { buildMainAndPreload } from '../main/electron-build'

let outDir = ''
let code = ''

beforeAll(async () => {
  outDir = await buildMainAndPreload()
  code = await readFile(path.join(outDir, 'preload', 'index.cjs'), 'utf8')
}, 180_000)

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

/** Runs the built preload with stand-ins for contextBridge and ipcRenderer. */
function runPreload() {
  const exposed: Record<string, Record<string, unknown>> = {}
  const invoked: { channel: string; arg: unknown }[] = []
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, value: Record<string, unknown>) {
        exposed[key] = value
      },
    },
    ipcRenderer: {
      invoke(channel: string, arg: unknown) {
        invoked.push({ channel, arg })
        return Promise.resolve(`result of ${channel}`)
      },
      on(channel: string, listener: (...args: unknown[]) => void) {
        if (!listeners.has(channel)) listeners.set(channel, new Set())
        listeners.get(channel)!.add(listener)
      },
      removeListener(channel: string, listener: (...args: unknown[]) => void) {
        listeners.get(channel)?.delete(listener)
      },
    },
  }
  const required: string[] = []
  const sandboxRequire = (name: string) => {
    required.push(name)
    if (name === 'electron') return electron
    throw new Error(`module not found: ${name} (a sandboxed preload can require only electron)`)
  }
  const module = { exports: {} }
  vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports })
  return { exposed, invoked, listeners, required }
}

describe('built preload (out/preload/index.cjs)', () => {
  it('is CommonJS with no import statement or dynamic import', () => {
    expect(code).not.toMatch(/^\s*import[\s{*]/m)
    expect(code).not.toMatch(/^\s*export\s/m)
    expect(code).not.toMatch(/\bimport\s*\(/)
  })

  it('requires nothing but electron', () => {
    const requires = [...code.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]*)\1\s*\)/g)].map(
      (m) => m[2],
    )
    expect(requires.length).toBeGreaterThan(0)
    expect(new Set(requires)).toEqual(new Set(['electron']))
    expect(runPreload().required).toEqual(['electron'])
  })

  it('bundles no zod (the contract validators stay in main)', () => {
    expect(code).not.toMatch(/zod|ZodError|safeParse/)
    expect(code.length).toBeLessThan(10_000)
  })

  it('exposes exactly one function per contract channel, plus onEvent, as window.api', () => {
    const { exposed } = runPreload()
    expect(Object.keys(exposed)).toEqual(['api'])
    const api = exposed['api']
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onEvent'].sort())
    for (const key of Object.keys(api)) expect(typeof api[key], key).toBe('function')
  })

  it('forwards each call to ipcRenderer.invoke on its own channel', async () => {
    const { exposed, invoked } = runPreload()
    const api = exposed['api'] as Record<string, (arg?: unknown) => Promise<unknown>>
    for (const channel of CHANNELS) {
      await expect(api[channel]({ probe: channel })).resolves.toBe(`result of ${channel}`)
    }
    expect(invoked).toEqual(CHANNELS.map((channel) => ({ channel, arg: { probe: channel } })))
  })

  it('delivers events without the IPC event object, and unsubscribes', () => {
    const { exposed, listeners } = runPreload()
    const onEvent = exposed['api']['onEvent'] as (l: (e: unknown) => void) => () => void
    const received: unknown[] = []
    const unsubscribe = onEvent((e) => received.push(e))
    const registered = [...(listeners.get(EVENT_CHANNEL) ?? [])]
    expect(registered).toHaveLength(1)
    registered[0]({ sender: 'ipc-event-with-sender' }, { type: 'flush-request' })
    expect(received).toEqual([{ type: 'flush-request' }])
    unsubscribe()
    expect(listeners.get(EVENT_CHANNEL)?.size).toBe(0)
  })
})
