// The project store and its errors: the one way the rest of main and the CLI touch project files.
export {
  ProjectStore,
  ProjectError,
  LockError,
  ReadOnlyProjectError,
  type AnnotationSet,
  type LockHolder,
} from './project-store'
export { ReadOnlyFileError } from './errors'
export type { AddResult, DocumentAdd, SetWrite } from './project-writer'
export { contentHash, prepareDocument, type NewDocument, type PreparedDocument } from './documents'
export {
  ANNOTATIONS_DIR,
  CHANGES_DIR,
  DOCUMENTS_DIR,
  LOCAL_DIR,
  PROJECT_FILE,
  ProjectLayout,
} from './layout'
export { defaultAnalystName, type StoreEnv } from './project-env'
export { LOCK_FILE } from './lock'
export { nodeFs, syncReadFs, type StorageFs, type StorageHandle } from './storage-fs'
export { migrations, registerMigration, type Migration } from './migrate'
