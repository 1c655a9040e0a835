// Where each file of a format-3 project lives (docs/FORMAT.md, "The project folder"):
//
//   project.json                           written at creation (and by migration), never in work
//   documents/<doc id>.json                one per document, written once when it is added
//   annotations/<set>/<doc id>.json        one analyst's (or the gold) annotations of a document
//   annotations/<set>/<doc id>.journal.jsonl  saves of a large set since its file was written
//   changes/<analyst id>/<time>-<rand>.json  one shared change, added and never edited
//   .marginalia/                           this machine's state, never synced: lock, temp files,
//                                          the index cache
//   .gitignore                             keeps .marginalia/ out of git
import path from 'node:path'

export const PROJECT_FILE = 'project.json'
export const DOCUMENTS_DIR = 'documents'
export const ANNOTATIONS_DIR = 'annotations'
export const CHANGES_DIR = 'changes'
export const LOCAL_DIR = '.marginalia'
export const GITIGNORE = '.gitignore'
export const JOURNAL_SUFFIX = '.journal.jsonl'

/** What `.gitignore` must hold: the machine-local folder. */
export const GITIGNORE_LINE = `/${LOCAL_DIR}/`

/** The paths of one project folder. */
export class ProjectLayout {
  constructor(readonly root: string) {}

  get projectFile(): string {
    return path.join(this.root, PROJECT_FILE)
  }

  get documentsDir(): string {
    return path.join(this.root, DOCUMENTS_DIR)
  }

  get annotationsDir(): string {
    return path.join(this.root, ANNOTATIONS_DIR)
  }

  get changesDir(): string {
    return path.join(this.root, CHANGES_DIR)
  }

  get localDir(): string {
    return path.join(this.root, LOCAL_DIR)
  }

  /** Temp files of durable writes: inside the project (one file system), never synced. */
  get tempDir(): string {
    return path.join(this.root, LOCAL_DIR, 'tmp')
  }

  /** The index cache: document summaries and set counts, keyed by what is on disk. */
  get indexCache(): string {
    return path.join(this.root, LOCAL_DIR, 'index.json')
  }

  /** Document files a migration wrote and has still to move into documents/ (recovery.ts). */
  get pendingDocumentsDir(): string {
    return path.join(this.root, LOCAL_DIR, 'migration', DOCUMENTS_DIR)
  }

  pendingDocumentFile(docId: string): string {
    return path.join(this.pendingDocumentsDir, `${docId}.json`)
  }

  get gitignore(): string {
    return path.join(this.root, GITIGNORE)
  }

  documentFile(docId: string): string {
    return path.join(this.root, DOCUMENTS_DIR, `${docId}.json`)
  }

  setDir(setId: string): string {
    return path.join(this.root, ANNOTATIONS_DIR, setId)
  }

  setFile(setId: string, docId: string): string {
    return path.join(this.root, ANNOTATIONS_DIR, setId, `${docId}.json`)
  }

  /** The journal of a large set's saves since its file was written (set-journal.ts). */
  journalFile(setId: string, docId: string): string {
    return path.join(this.root, ANNOTATIONS_DIR, setId, `${docId}${JOURNAL_SUFFIX}`)
  }

  changeDir(analystId: string): string {
    return path.join(this.root, CHANGES_DIR, analystId)
  }

  changeFile(analystId: string, changeId: string): string {
    return path.join(this.root, CHANGES_DIR, analystId, `${changeId}.json`)
  }

  /** A path relative to the project folder, with `/` (for messages and caches). */
  relative(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/')
  }
}

/** The document id in a journal's name `<id>.journal.jsonl`, or null when the name is not one. */
export function idOfJournalName(name: string): string | null {
  return idBefore(name, '.journal.jsonl')
}

/** The id in a file name `<id>.json`, or null when the name is not one. */
export function idOfJsonName(name: string): string | null {
  return idBefore(name, '.json')
}

const FILE_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * The id before `suffix` in `name`, or null. A folder of 10,000 files is listed on every open: the
 * suffix is checked first, and the id with a test that builds no match.
 */
function idBefore(name: string, suffix: string): string | null {
  if (!name.endsWith(suffix)) return null
  const id = name.slice(0, -suffix.length)
  return FILE_ID.test(id) ? id : null
}
