// Chromium mode's stand-in for the preload: `window.api` with one method per contract channel,
// each calling a Playwright binding that runs the real handler registry in Node. Arguments and
// results cross as one JSON string each: Playwright's value serialiser walks every property (a
// 20,000-span document took seconds), JSON is native on both sides, like Electron's structured
// clone. JSON has no bytes, so Uint8Array (import:data) is base64-wrapped in the page and
// unwrapped here before `dispatch` validates it.
import type { BrowserContext, Page } from '@playwright/test'
import { CHANNELS, type MainEvent } from '../../src/shared/ipc-contract'

const BINDING = '__marginaliaInvoke'
const DELIVER = '__marginaliaDeliver'
const BYTES_TAG = '__marginaliaBytes'

/** Runs one IPC call in Node, the way ipcMain's handler does. */
export type Invoke = (channel: string, arg: unknown) => Promise<unknown>

/**
 * Installs `window.api` in every page of `context` (before the renderer's scripts run) and routes
 * its calls to `invoke`.
 */
export async function bindApi(context: BrowserContext, invoke: Invoke): Promise<void> {
  await context.exposeBinding(BINDING, async (_source, channel: string, json: string | null) => {
    const arg = json === null ? undefined : unwrapBytes(JSON.parse(json))
    const result = await invoke(channel, arg)
    return result === undefined ? null : JSON.stringify(result)
  })
  const options = { channels: [...CHANNELS], binding: BINDING, deliver: DELIVER, tag: BYTES_TAG }
  await context.addInitScript({ content: `${INSTALL_API}(${JSON.stringify(options)})` })
}

/** Delivers a main→renderer event to the page's `onEvent` listeners; a closed page is ignored. */
export async function deliverEvent(page: Page, event: MainEvent): Promise<void> {
  if (page.isClosed()) return
  await page.evaluate(`window.${DELIVER}?.(${JSON.stringify(event)})`).catch((error: unknown) => {
    if (!page.isClosed()) throw error
  })
}

/** Replaces `{ [BYTES_TAG]: base64 }` objects by Uint8Array, recursively. */
export function unwrapBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapBytes)
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record[BYTES_TAG] === 'string' && Object.keys(record).length === 1) {
      return new Uint8Array(Buffer.from(record[BYTES_TAG], 'base64'))
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapBytes(v)]))
  }
  return value
}

// Runs in the page before the renderer's scripts. Kept as plain JavaScript source rather than a
// serialised function: transpilers (tsx/esbuild's keepNames) inject helpers a page does not have.
const INSTALL_API = `(({ channels, binding, deliver, tag }) => {
  const call = window[binding]
  const toBase64 = (bytes) => {
    let s = ''
    for (let i = 0; i < bytes.length; i += 0x8000) {
      s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    }
    return btoa(s)
  }
  // Copies only the parts that hold bytes; anything else is passed as it is (no cost for the
  // large annotation payloads of document:save).
  const wrap = (v) => {
    if (v instanceof Uint8Array) return { [tag]: toBase64(v) }
    if (v instanceof ArrayBuffer) return { [tag]: toBase64(new Uint8Array(v)) }
    if (Array.isArray(v)) {
      let copy = null
      for (let i = 0; i < v.length; i++) {
        const w = wrap(v[i])
        if (w !== v[i]) (copy ??= v.slice())[i] = w
      }
      return copy ?? v
    }
    if (v && typeof v === 'object') {
      let copy = null
      for (const k of Object.keys(v)) {
        const w = wrap(v[k])
        if (w !== v[k]) (copy ??= { ...v })[k] = w
      }
      return copy ?? v
    }
    return v
  }
  const listeners = new Set()
  const api = {}
  // Round-trip times of the calls (page side), for the benchmark to tell transport from work.
  const times = []
  Object.defineProperty(window, '__marginaliaCallTimes', { value: times })
  for (const channel of channels) {
    api[channel] = (arg) => {
      const start = performance.now()
      const done = () => times.length < 1000 && times.push({ channel, start, end: performance.now() })
      const json = arg === undefined ? null : JSON.stringify(wrap(arg))
      const result = call(channel, json).then((r) => (r === null ? undefined : JSON.parse(r)))
      result.then(done, done)
      return result
    }
  }
  api.onEvent = (listener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  // contextBridge hands the page a frozen object; so does this.
  Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true })
  Object.defineProperty(window, deliver, { value: (event) => listeners.forEach((l) => l(event)) })
})`
