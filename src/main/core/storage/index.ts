// The project store and its errors: the one way the rest of main and the CLI touch project files.
export {
  ProjectStore,
  ProjectError,
  LockError,
  ReadOnlyProjectError,
  type LockHolder,
} from './project-store'
export { contentHash, DOCUMENTS_DIR, readDocumentFile, type NewDocument } from './documents'
export { PROJECT_FILE, type StoreEnv } from './project-index'
export { LOCK_FILE } from './lock'
export { nodeFs, type StorageFs, type StorageHandle } from './storage-fs'
export { migrations, registerMigration, type Migration } from './migrate'
