// What brat has no place for, per document: its title, id and metadata. A brat export carries them
// in a sidecar file beside the `.txt`/`.ann` pairs, `marginalia-documents.json`, which brat itself
// ignores (it lists documents by their `.txt` files) and an importer reads to restore them:
//
//   {"format": "marginalia-brat-documents", "version": 1,
//    "documents": [{"file": "<stem>", "id": "...", "title": "...", "metadata": {...}}]}
//
// `file` is the stem of the pair (`<stem>.txt`, `<stem>.ann`).
import type { DocumentMetadata } from '../../../shared/model'

export const BRAT_DOCUMENTS_FILE = 'marginalia-documents.json'
const FORMAT = 'marginalia-brat-documents'

/** One document of a brat export, as the sidecar carries it. */
export interface BratDocumentEntry {
  file: string
  id: string
  title: string
  metadata: DocumentMetadata
}

/** The sidecar's text for `documents`. */
export function bratDocumentsSidecar(documents: readonly BratDocumentEntry[]): string {
  return `${JSON.stringify({ format: FORMAT, version: 1, documents }, null, 1)}\n`
}

/**
 * The entries of a sidecar, by file stem. Throws an Error saying what is wrong when the text is
 * not a sidecar of a version this code reads; entries without a string `file` are skipped, and
 * fields of the wrong type are left out of their entry.
 */
export function readBratDocuments(text: string): Map<string, Partial<BratDocumentEntry>> {
  const value = JSON.parse(text) as unknown
  const root = value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  if (root.format !== FORMAT) throw new Error(`not a ${FORMAT} file`)
  if (root.version !== 1) throw new Error(`${FORMAT} version ${String(root.version)} is not known`)
  const out = new Map<string, Partial<BratDocumentEntry>>()
  for (const raw of Array.isArray(root.documents) ? root.documents : []) {
    const e = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
    if (typeof e.file !== 'string') continue
    const entry: Partial<BratDocumentEntry> = { file: e.file }
    if (typeof e.id === 'string') entry.id = e.id
    if (typeof e.title === 'string') entry.title = e.title
    if (e.metadata && typeof e.metadata === 'object') {
      const metadata: Record<string, string> = {}
      for (const [k, v] of Object.entries(e.metadata)) if (typeof v === 'string') metadata[k] = v
      entry.metadata = metadata
    }
    out.set(e.file, entry)
  }
  return out
}
