// Opening a project for a command and always closing it, so the lock is released even on error.
import { ProjectStore } from '../core/storage'

/**
 * Runs `fn` with the project in `dir` open, as analyst `annotator` (`--annotator`; the OS user
 * name by default). Read-only commands (export, validate, stats) pass `lock: false` so they work
 * while the app has the project open; `add` takes the lock.
 */
export async function withProject<T>(
  dir: string,
  opts: { lock: boolean; annotator?: string },
  fn: (store: ProjectStore) => Promise<T>,
): Promise<T> {
  const store = await ProjectStore.open(dir, { lock: opts.lock, analyst: opts.annotator })
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}
