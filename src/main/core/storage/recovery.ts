// What interrupted writes leave in a project folder, and how the next open puts it right. A project
// changes in steps that each leave a state this file can tell apart from the others:
// - a write killed before its rename leaves a temp file `.<name>.<pid>.<hex>.tmp`: deleted;
// - an add killed between the document's file and project.json leaves a document no index entry
//   names: listed again ("adopted") when it is complete and its text is new to the project,
//   otherwise reported and left alone (nothing a user may need is ever deleted);
// - a removal first moves the file aside to `<id>.json.removed`, then rewrites project.json, then
//   deletes it: killed before project.json, the file is moved back (the removal did not happen);
//   after, the aside file is deleted (it did). So a removed document is never adopted back.
// Only a store that holds the lock repairs; one opened read-only reports what it finds.
import path from 'node:path'
import type { FileProblem } from '../../../shared/ipc-contract'
import { zId } from '../../../shared/model'
import {
  DOCUMENTS_DIR,
  REMOVED_SUFFIX,
  contentHash,
  type DocumentFolder,
  type StoredDocument,
} from './documents'
import { isCode, isTempName } from './durable-write'
import { errorText } from './json-file'
import { LOCK_FILE, isProcessAlive } from './lock'
import type { ProjectIndex } from './project-index'
import type { StorageFs } from './storage-fs'

/** What an open found in documents/ beyond what project.json lists. */
export interface Recovery {
  /** Documents listed again, each with what happened. */
  recovered: FileProblem[]
  /** Document files left unlisted, each with why (and, read-only, what an open for writing does). */
  unlisted: FileProblem[]
}

/**
 * Deletes temp files left by writers that died mid-write (a crash, a power cut) and finishes or
 * undoes interrupted removals. Only temp files of processes that no longer exist: a live one may
 * be between writing and renaming.
 */
export async function removeLeftovers(
  root: string,
  index: ProjectIndex,
  fs: StorageFs,
): Promise<void> {
  for (const folder of [root, path.join(root, DOCUMENTS_DIR)]) {
    const names = await fs.readdir(folder).catch(() => [] as string[])
    for (const name of names) {
      if (name.endsWith(REMOVED_SUFFIX)) {
        await settleRemoval(path.join(folder, name), index, fs)
        continue
      }
      const leftover =
        isTempName(name) || (name.startsWith(`${LOCK_FILE}.`) && name.endsWith('.stale'))
      if (!leftover) continue
      const pid = Number(/\.(\d+)\.[0-9a-f]{12}\.(?:tmp|stale)$/.exec(name)?.[1])
      if (pid === process.pid || isProcessAlive(pid)) continue
      await fs.unlink(path.join(folder, name)).catch(() => undefined)
    }
  }
}

/** An interrupted removal: done if project.json no longer lists the document, else undone. */
async function settleRemoval(aside: string, index: ProjectIndex, fs: StorageFs): Promise<void> {
  const file = aside.slice(0, -REMOVED_SUFFIX.length)
  const id = path.basename(file, '.json')
  if (!index.entry(id)) {
    await fs.unlink(aside).catch(() => undefined)
    return
  }
  const present = await fs.lstat(file).then(
    () => true,
    (error: unknown) => !isCode(error, 'ENOENT'),
  )
  if (!present) await fs.rename(aside, file).catch(() => undefined)
}

/**
 * Finds the document files of documents/ that project.json does not list and, when `adopt` (the
 * store holds the lock), lists each complete one whose text is new to the project. The others are
 * reported in `unlisted` and left as they are.
 */
export async function recoverUnlisted(
  index: ProjectIndex,
  docs: DocumentFolder,
  adopt: boolean,
): Promise<Recovery> {
  const result: Recovery = { recovered: [], unlisted: [] }
  for (const doc of await unlistedDocuments(index, docs)) {
    const refusal = whyNotAdopted(doc, index)
    if (refusal) {
      result.unlisted.push({ file: doc.file, message: `not listed in project.json: ${refusal}` })
    } else if (!adopt) {
      result.unlisted.push({
        file: doc.file,
        message:
          'not listed in project.json (left by an interrupted add, or copied in); opening the ' +
          'project for writing lists it again',
      })
    } else {
      try {
        result.recovered.push(await listAgain(doc, index, docs))
      } catch (error) {
        const detail = errorText(error)
        result.unlisted.push({ file: doc.file, message: `could not be listed again: ${detail}` })
      }
    }
    doc.forget()
  }
  return result
}

/** The files `<id>.json` of documents/ whose id the index does not list, each read once. */
async function unlistedDocuments(
  index: ProjectIndex,
  docs: DocumentFolder,
): Promise<StoredDocument[]> {
  const names = await docs.fs.readdir(path.join(docs.root, DOCUMENTS_DIR)).catch(() => [])
  const listed = new Set(index.data.documents.map((e) => e.id))
  const out: StoredDocument[] = []
  for (const name of names.sort()) {
    const id = /^(.+)\.json$/.exec(name)?.[1]
    if (!id || listed.has(id) || !zId.safeParse(id).success) continue
    const doc = docs.create(id)
    await doc.read().catch(() => undefined) // the error is kept on the document
    out.push(doc)
  }
  return out
}

/** Why an unlisted document cannot be listed again, or null when it can. */
function whyNotAdopted(doc: StoredDocument, index: ProjectIndex): string | null {
  const data = doc.db.data
  if (doc.error || !data) return `it cannot be read (${doc.error?.detail ?? 'missing'})`
  const hash = contentHash(data.document.text)
  if (hash !== data.document.contentHash) return 'its contentHash does not match its text'
  const same = index.byHash(hash)
  if (same) return `its text is already in the project as ${same.id} "${same.title}"`
  return null
}

async function listAgain(
  doc: StoredDocument,
  index: ProjectIndex,
  docs: DocumentFolder,
): Promise<FileProblem> {
  const { title, contentHash: hash } = doc.db.data!.document
  const added = await docs.fs.stat(doc.file)
  await index.addEntry({
    id: doc.id,
    title,
    file: `${DOCUMENTS_DIR}/${doc.id}.json`,
    contentHash: hash,
    addedAt: new Date(added.mtimeMs).toISOString(),
  })
  docs.add(doc)
  return {
    file: doc.file,
    message: `listed again as "${title}": it was in documents/ but not in project.json (an add was interrupted)`,
  }
}
