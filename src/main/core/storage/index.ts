// The project store and its errors: the one way the rest of main and the CLI touch project files.
export {
  ProjectStore,
  ProjectError,
  LockError,
  contentHash,
  PROJECT_FILE,
  DOCUMENTS_DIR,
  type NewDocument,
  type StoreEnv,
  type LockHolder,
} from './project-store'
export { LOCK_FILE } from './lock'
export { migrations, registerMigration, type Migration } from './migrate'
