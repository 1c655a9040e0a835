// The start-up's two reads from main, asked for as early as they can be: `app:init` as soon as the
// page's entry runs (main.tsx, before the app's own code is loaded and compiled), and the document
// the project opens on as soon as init answers, while the window renders the project around it.
// Asked by the app's components, init waited for the whole bundle and the app's first render, and
// the document for the project's first render and its effects: time on the way to the first screen
// in which main, with the document to read, sat idle.
import type { Api, InitResult, LoadedDocument } from '../../../shared/ipc-contract'
import { initialDocumentId } from './last-document'

// Once per page: React's StrictMode runs effects twice in development, and `app:init` may copy the
// sample project.
let init: Promise<InitResult> | null = null
let prefetched: { docId: string; file: Promise<LoadedDocument> } | null = null

/** Asks main for `app:init` (once per page), and then for the document the project opens on. */
export function startInit(api: Api): Promise<InitResult> {
  if (init) return init
  init = api['app:init']()
  init.then(
    (result) => {
      const docId = result.snapshot ? initialDocumentId(result.snapshot) : null
      if (docId) prefetch(api, docId)
    },
    () => {}, // useProject shows the error
  )
  return init
}

function prefetch(api: Api, docId: string): void {
  const file = api['document:load']({ docId })
  file.catch(() => {}) // shown when the document is opened (takePrefetched)
  prefetched = { docId, file }
}

/**
 * The load of `docId` asked for at start-up, for the page's first document opened only (the init
 * project's, right after init): any later open, or another document, reads it afresh (null).
 */
export function takePrefetched(docId: string): Promise<LoadedDocument> | null {
  const taken = prefetched
  prefetched = null
  return taken?.docId === docId ? taken.file : null
}
