// The start-up requests, made before the rest of the renderer is evaluated. main.tsx imports this
// module first, so `app:init` is on its way to main while the bundle's other modules evaluate and
// React renders its first frame, instead of after; and the document the project opens on is asked
// for as soon as init answers, instead of after React has rendered the project and its list. With
// a project of 10,000 documents main's side of `app:init` is most of the wait for the first screen.
//
// Nothing here writes: `app:init` is asked once per page (it may copy the sample project, so it is
// never asked twice), `document:load` only reads. Without `window.api` (unit tests) nothing starts
// here, and the hooks ask through the api they are given.
import type { Api, InitResult } from '../../../shared/ipc-contract'
import type { DocumentFile } from '../../../shared/model'
import { initialDocumentOf } from './last-document'

let init: Promise<InitResult> | null = null
let firstDocument: { docId: string; file: Promise<DocumentFile> } | null = null
let firstDocumentTaken = false

/** Asks main for the project, then for the document it opens on. */
function start(api: Api): Promise<InitResult> {
  init = api['app:init']()
  init.then(
    (answer) => {
      const docId = answer.snapshot && initialDocumentOf(answer.snapshot)
      if (!docId || firstDocumentTaken) return
      const file = api['document:load']({ docId })
      // Whoever takes it handles its failure; one never taken must not be an unhandled rejection.
      file.catch(() => undefined)
      firstDocument = { docId, file }
    },
    () => undefined,
  )
  return init
}

/** `app:init`'s answer: the request made at start-up, or one made now through `api`. */
export function initAnswer(api: Api): Promise<InitResult> {
  return init ?? start(api)
}

/**
 * The document asked for at start-up if it is `docId` and nothing was opened before it; once: the
 * first document opened takes it or drops it, later opens always ask main (the file may have
 * changed since).
 */
export function takeFirstDocument(docId: string): Promise<DocumentFile> | null {
  const early = firstDocumentTaken ? null : firstDocument
  firstDocumentTaken = true
  firstDocument = null
  return early && early.docId === docId ? early.file : null
}

if (typeof window !== 'undefined' && (window as { api?: Api }).api) void start(window.api)
